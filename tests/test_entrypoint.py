"""`python -m bot` as a real process: settings errors, migrations on an empty PostgreSQL
database, answering through a Bot API server (the emulator over HTTP), clean SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest

from bot.emulator.client import EmulatedUser
from bot.emulator.http import serve_http
from bot.emulator.server import BotAPIEmulator
from tests.conftest import PG_ADMIN_URL

REPO = Path(__file__).resolve().parents[1]


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    keep = {"PATH", "HOME", "LANG", "TELEGRAM_BOT_API_SPEC", "SYSTEMROOT"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(PYTHONPATH=str(REPO), DATA_DIR=str(tmp_path / "data"), **extra)
    return env


def emulator_env(
    tmp_path: Path, emulator: BotAPIEmulator, base: str, **extra: str
) -> dict[str, str]:
    """`clean_env` for a bot that talks to the emulator served over HTTP at `base`."""
    return clean_env(
        tmp_path,
        TELEGRAM_BOT_TOKEN=emulator.token,
        TELEGRAM_BASE_URL=f"{base}/bot",
        TELEGRAM_BASE_FILE_URL=f"{base}/file/bot",
        **extra,
    )


def run_bot(env: dict[str, str], *args: str, cwd: Path) -> asyncio.subprocess.Process:
    return asyncio.create_subprocess_exec(  # type: ignore[return-value]
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop(process: asyncio.subprocess.Process) -> bytes:
    """SIGTERM, then wait for the bot to exit; what it wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    _out, err = await asyncio.wait_for(process.communicate(), 15)
    return err


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ({}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "PORT": "not-a-port"}, "PORT"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "WEBHOOK_URL": "http://insecure"}, "WEBHOOK_URL"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "WEBHOOK_URL": "https://x.test/hook"}, "WEBHOOK_SECRET"),
        (
            {
                "TELEGRAM_BOT_TOKEN": "1:x",
                "WEBHOOK_URL": "https://x.test/h",
                "WEBHOOK_SECRET": "a b",
            },
            "WEBHOOK_SECRET",
        ),
    ],
)
async def test_bad_settings_exit_2_with_one_line(
    tmp_path: Path, extra: dict[str, str], needle: str
) -> None:
    process = await run_bot(clean_env(tmp_path, **extra), cwd=tmp_path)
    _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in err.decode()


async def test_python_m_bot_migrates_answers_and_stops_cleanly(tmp_path: Path) -> None:
    name = f"coach_entry_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1))
    await admin.execute(f'CREATE DATABASE "{name}"')
    emulator = BotAPIEmulator()
    try:
        async with serve_http(emulator) as base:
            database_url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
            env = emulator_env(tmp_path, emulator, base, DATABASE_URL=database_url)
            process = await run_bot(env, cwd=tmp_path)
            try:
                user = EmulatedUser(_NoHarness(emulator), 424242, "Grace")  # type: ignore[arg-type]
                await user.send("/start", wait=False)
                await user.expect("interview coach", timeout=30)
                await user.send("/help", wait=False)
                await user.expect("/cancel", timeout=10)
                await user.send("/cancel", wait=False)
                await user.expect("Nothing to cancel", timeout=10)
                menu = emulator.commands['{"type": "default"}']
                assert {"start", "help", "cancel"} <= {c["command"] for c in menu}
            finally:
                err = await stop(process)
            assert process.returncode == 0, err.decode()[-2000:]
            assert emulator.token not in err.decode()  # the token never reaches the logs
            assert not emulator.violations, emulator.violations
        conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
        try:
            tables = {
                r["tablename"]
                for r in await conn.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            }
            assert {"users", "job_info", "questions", "interviews", "aerich"} <= tables
            assert await conn.fetchval("SELECT name FROM users WHERE id = 424242") == "Grace"
        finally:
            await conn.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


class _NoHarness:
    """The bot runs in another process: users send without waiting for it to be idle."""

    def __init__(self, emulator: BotAPIEmulator) -> None:
        self.emulator = emulator


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_webhook_mode_checks_the_secret(tmp_path: Path) -> None:
    import aiohttp

    emulator = BotAPIEmulator()
    port = _free_port()
    async with serve_http(emulator) as base:
        env = emulator_env(
            tmp_path,
            emulator,
            base,
            WEBHOOK_URL="https://coach.example.test/tg-hook",
            WEBHOOK_SECRET="s3cret-token",
            PORT=str(port),
        )
        process = await run_bot(env, cwd=tmp_path)
        try:
            user = EmulatedUser(_NoHarness(emulator), 515151, "Hook")  # type: ignore[arg-type]
            update = {
                "update_id": 1,
                "message": {
                    "message_id": 1,
                    "date": 1_700_000_000,
                    "chat": emulator.private_chat(user.id),
                    "from": user.profile,
                    "text": "/start",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                },
            }
            url = f"http://127.0.0.1:{port}/tg-hook"
            async with aiohttp.ClientSession() as http:
                for _ in range(100):  # wait for the webhook server to listen
                    try:
                        async with http.post(url, json=update) as response:
                            forbidden = response.status
                        break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.1)
                assert forbidden == 403  # no secret: refused
                assert not [m for m in emulator.chat(user.id) if m.from_bot]
                headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
                async with http.post(url, json=update, headers=headers) as response:
                    assert response.status == 200
            await user.expect("interview coach", timeout=20)
            set_webhook = [c for c in emulator.calls if c.method == "setWebhook"]
            assert set_webhook and set_webhook[-1].params["url"] == (
                "https://coach.example.test/tg-hook"
            )
            assert set_webhook[-1].params["secret_token"] == "s3cret-token"
        finally:
            err = await stop(process)
        assert process.returncode == 0, err.decode()[-2000:]


async def test_sigterm_finishes_the_update_in_flight(tmp_path: Path) -> None:
    """Stopping while a model is still writing a question: the user still gets it, and the
    process exits 0 (in-flight updates are finished before shutdown)."""
    from tests.fake_openai import FakeOpenAI

    emulator = BotAPIEmulator()
    async with FakeOpenAI() as fake, serve_http(emulator) as base:
        env = emulator_env(
            tmp_path,
            emulator,
            base,
            OPENAI_API_KEY="test-key-for-loopback",
            OPENAI_BASE_URL=fake.base_url,
            AI_MAX_RETRIES="0",
        )
        process = await run_bot(env, cwd=tmp_path)
        try:
            user = EmulatedUser(_NoHarness(emulator), 626262, "Inflight")  # type: ignore[arg-type]
            await user.send("/newjob", wait=False)
            await user.expect("company or job name", timeout=30)
            await user.send("Acme", wait=False)
            await user.expect("job title", timeout=10)
            await user.click("Skip", wait=False)
            await user.expect("experience level", timeout=10)
            await user.click("Junior", wait=False)
            await user.expect("job description", timeout=10)
            await user.send(
                "Backend engineer: Python, PostgreSQL and REST APIs in production.", wait=False
            )
            await user.expect("job saved", timeout=10)
            await user.send("/practice", wait=False)
            await user.expect("Choose a difficulty", timeout=10)
            fake.reply_delay(2.0, "What does an index do in PostgreSQL?")
            await user.click("Easy", wait=False)
            await asyncio.sleep(0.5)  # the model call is in flight
        finally:
            err = await stop(process)
        assert process.returncode == 0, err.decode()[-2000:]
        assert any("What does an index do" in m.text for m in user.bot_messages)
