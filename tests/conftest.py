"""Shared fixtures: a real database (PostgreSQL and SQLite), the real application on the
Telegram emulator, and users who talk to it; with a model, the fake OpenAI server (`fake`) and
the application that uses it (`model_bot`). Plain helpers are in `tests/helpers.py`.

Every test that uses `database_url` (or `backend`) runs once per database. `--db postgres` or
`--db sqlite` runs one of them. PostgreSQL is never skipped: if it can't be reached, the run fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from tortoise import connections

from bot.db import close_database, init_database
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness, run_harness
from bot.emulator.server import BotAPIEmulator
from bot.settings import Settings
from tests.fake_openai import FakeOpenAI

PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BACKENDS = ("postgres", "sqlite")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        default="both",
        choices=["both", *BACKENDS],
        help="database(s) to run the database tests on",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("--db")
        backends = BACKENDS if chosen == "both" else (chosen,)
        metafunc.parametrize("backend", backends, scope="session", indirect=True)


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@asynccontextmanager
async def fresh_database(backend: str, folder: Path) -> AsyncIterator[str]:
    """The URL of a new, empty database (a file in `folder` for SQLite), dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite://{folder / 'test.sqlite3'}"
        return
    name = f"coach_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://", 1))
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.fail(
            f"PostgreSQL is required for the tests and can't be reached at {PG_ADMIN_URL}: {exc}"
        )
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
async def database_url(
    backend: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A fresh database for this test session, dropped at the end."""
    async with fresh_database(backend, tmp_path_factory.mktemp("sqlite")) as url:
        yield url


async def wipe_tables() -> None:
    """Empty every table but aerich's, so each test starts from a clean database."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        rows = await conn.execute_query_dict(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
        )
    else:
        rows = await conn.execute_query_dict(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    tables = [r["name"] for r in rows if r["name"] != "aerich"]
    if not tables:
        return
    if conn.capabilities.dialect == "postgres":
        quoted = ", ".join(f'"{table}"' for table in tables)
        await conn.execute_script(f"TRUNCATE {quoted} CASCADE")
    else:
        for table in tables:
            await conn.execute_script(f'DELETE FROM "{table}"')


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[str]:
    """Tortoise connected to a migrated, empty database (for service-level tests)."""
    await init_database(database_url)
    await wipe_tables()
    try:
        yield database_url
    finally:
        await close_database()


def make_settings(database_url: str, data_dir: Path, **overrides: Any) -> Settings:
    """Settings for tests: explicit values only, never the developer's .env or environment."""
    values: dict[str, Any] = {
        "telegram_bot_token": None,
        "database_url": database_url,
        "data_dir": data_dir,
        "openai_api_key": None,
        "openai_base_url": None,
        "admin_ids": frozenset(),
        "webhook_url": None,
        "log_level": "INFO",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def _model_values(fake: FakeOpenAI, overrides: dict[str, Any]) -> dict[str, Any]:
    """The OpenAI backend on the fake server, with no retries unless a test asks for them."""
    return {
        "openai_api_key": "test",
        "openai_base_url": fake.base_url,
        "ai_max_retries": 0,
        **overrides,
    }


def model_settings(
    database_url: str, data_dir: Path, fake: FakeOpenAI, **overrides: Any
) -> Settings:
    """`make_settings` for the bot with a model: the OpenAI backend on `fake`."""
    return make_settings(database_url, data_dir, **_model_values(fake, overrides))


def openai_settings(fake: FakeOpenAI, **overrides: Any) -> Settings:
    """Settings for the AI backend alone (no bot, no database): the OpenAI backend on `fake`."""
    return Settings(_env_file=None, **_model_values(fake, overrides))  # type: ignore[call-arg]


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[BotHarness]:
    """The real application against the emulator, on a clean database."""
    async with run_harness_clean(settings) as harness:
        yield harness


class run_harness_clean:
    """`run_harness` that empties the database first and checks the emulator's findings last."""

    def __init__(
        self, settings: Settings, emulator: BotAPIEmulator | None = None, *, wipe: bool = True
    ) -> None:
        self.settings, self.emulator, self.wipe = settings, emulator or BotAPIEmulator(), wipe
        self._cm: Any = None

    async def __aenter__(self) -> BotHarness:
        self._cm = run_harness(self.settings, self.emulator)
        harness = await self._cm.__aenter__()
        if self.wipe:
            await wipe_tables()
        return harness

    async def __aexit__(self, *exc: object) -> None:
        await self._cm.__aexit__(*exc)
        if exc[0] is None:
            assert not self.emulator.violations, self.emulator.violations
            # Every button press got an answer, so no button was left spinning.
            answered = self.emulator.callback_answers
            unanswered = [q for q in self.emulator.pressed if q not in answered]
            assert not unanswered, f"callback queries never answered: {unanswered}"


@pytest.fixture
def user(bot: BotHarness) -> EmulatedUser:
    return bot.user("Ada")


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    """An OpenAI-compatible server on loopback (`tests.fake_openai`)."""
    async with FakeOpenAI() as server:
        yield server


@pytest.fixture
async def model_bot(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> AsyncIterator[BotHarness]:
    """The real application with a model: the OpenAI backend on `fake`, on a clean database."""
    async with run_harness_clean(model_settings(database_url, tmp_path, fake)) as harness:
        yield harness
