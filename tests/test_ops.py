"""Operations through the emulator: /healthz and /metrics on METRICS_PORT, /health for admins,
one admin alert per error kind per 10 minutes, and a database outage during a conversation
(PostgreSQL reached through a TCP proxy on loopback that the test closes and reopens — the
shared server itself is never stopped) that loses no update."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from pathlib import Path

import aiohttp
import pytest
from telegram import Update
from telegram.ext import CommandHandler

from bot.context import CoachContext
from models.answers import Answer
from tests.conftest import make_settings, run_harness_clean
from tests.helpers import new_job, started

ADMIN_ID = 900_001


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def counter(text: str, name: str) -> float:
    """The sum of a metric's samples in Prometheus text."""
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith(name) and not line.startswith("#")
    )


async def test_healthz_and_metrics_answer_and_a_counter_moves(
    database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    settings = make_settings(database_url, tmp_path, metrics_port=port)
    async with run_harness_clean(settings) as bot, aiohttp.ClientSession() as http:
        base = f"http://127.0.0.1:{port}"
        async with http.get(f"{base}/metrics") as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/plain")
            before = counter(await response.text(), 'coach_updates_total{type="command"}')
        user = await started(bot, "Ada")
        await user.send("/help")
        async with http.get(f"{base}/metrics") as response:
            text = await response.text()
        assert counter(text, 'coach_updates_total{type="command"}') == before + 2
        assert counter(text, "coach_update_seconds_count") >= 2
        assert counter(text, 'coach_telegram_calls_total{method="sendMessage",outcome="ok"}') >= 2
        assert "coach_active_interviews 0.0" in text
        async with http.get(f"{base}/healthz") as response:
            report = await response.json()
            assert response.status == 200, report
        assert report["database"] == "ok" and report["updates"] == "polling"
        assert report["last_update_seconds_ago"] is not None


@pytest.fixture
def admin_settings(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_settings(database_url, tmp_path, admin_ids=frozenset({ADMIN_ID}))


async def test_an_error_alerts_admins_once_per_kind_per_ten_minutes(admin_settings) -> None:  # type: ignore[no-untyped-def]
    async def boom(update: Update, context: CoachContext) -> None:
        raise ZeroDivisionError("secret user text must not leak")

    async with run_harness_clean(admin_settings) as bot:
        bot.app.add_handler(CommandHandler("boom", boom), group=-1)
        admin = bot.user("Root", user_id=ADMIN_ID)
        await admin.send("/start")
        user = await started(bot, "Ada")
        await user.send("/boom")
        await user.expect("something went wrong")
        alert = await admin.expect("Unhandled error")
        assert "ZeroDivisionError" in alert.text and "tests.test_ops:boom" in alert.text
        assert "secret user text" not in alert.text
        await user.send("/boom")
        await user.expect("something went wrong")
        await bot.idle()
        alerts = [m for m in bot.emulator.chat(ADMIN_ID) if "Unhandled error" in m.text]
        assert len(alerts) == 1

        await admin.send("/health")
        health = await admin.expect("Health")
        assert "Database: ok" in health.text and "Updates: polling" in health.text
        await user.send("/health")  # not an admin: an unknown command
        await user.expect("don't know that command")


# ----- the database stopped and started ------------------------------------------------------
class Proxy:
    """A TCP proxy on loopback to PostgreSQL that can be taken down (listener closed, every
    connection cut) and brought back on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target, self.port = target, free_port()
        self.server: asyncio.Server | None = None
        self.links: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._link, "127.0.0.1", self.port)

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.links):
            writer.transport.abort()
        self.links.clear()
        await self.server.wait_closed()

    async def _link(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self.links.update({writer, up_writer})

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_database_stopped_and_started_mid_conversation_loses_no_update(
    backend: str, database_url: str, tmp_path: Path
) -> None:
    if backend != "postgres":
        pytest.skip("staged on PostgreSQL through a TCP proxy; SQLite has no server to lose")
    proxy = Proxy(("127.0.0.1", 5432))
    await proxy.start()
    try:
        url = database_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
        assert url != database_url
        async with run_harness_clean(make_settings(url, tmp_path)) as bot:
            user = bot.user("Ada")
            await new_job(user)
            await user.send("/practice")
            await user.click("Easy")
            await user.expect("Easy question")

            await proxy.stop()  # the database goes away mid-conversation
            answer = "A closure keeps the variables of its enclosing scope alive."
            await user.send(answer, wait=False)
            await user.expect("temporarily unavailable", timeout=15)
            await user.send("/help", wait=False)
            await asyncio.sleep(1.5)
            told = [m for m in user.bot_messages if "temporarily unavailable" in m.text]
            assert len(told) == 1  # one reply per outage
            assert not [m for m in user.bot_messages if "Correct answer" in m.text]

            await proxy.start()  # back on the same port: no restart
            await user.expect("Correct answer", timeout=20)
            await user.expect("Commands", timeout=10)
            answers = await Answer.filter(question__job_info__user_id=user.id).values("text")
            assert [a["text"] for a in answers] == [answer]
    finally:
        with contextlib.suppress(Exception):
            await proxy.stop()
