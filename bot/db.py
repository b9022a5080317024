"""Database wiring: the Tortoise config, start-up with migrations, shutdown.

`TORTOISE_ORM` (for the aerich CLI) is computed on first access from the settings,
so importing this module reads nothing.
"""

from __future__ import annotations

import logging
import pkgutil
from pathlib import Path
from typing import Any

from aerich import Command
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

import models

log = logging.getLogger(__name__)

APP = "models"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def model_modules() -> list[str]:
    """Every module of the `models` package, plus aerich's own version table."""
    names = [
        f"models.{info.name}"
        for info in pkgutil.iter_modules(models.__path__)
        if info.name not in ("base", "vocabulary")
    ]
    return [*sorted(names), "aerich.models"]


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": database_url},
        "apps": {APP: {"models": model_modules(), "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _ensure_sqlite_folder(database_url: str) -> None:
    if database_url.startswith("sqlite://") and ":memory:" not in database_url:
        Path(database_url.removeprefix("sqlite://")).parent.mkdir(parents=True, exist_ok=True)


def placeholders(dialect: str, count: int) -> list[str]:
    """Positional parameters of a hand-written statement: `$1, $2, …` for asyncpg, `?` for
    SQLite."""
    return [f"${n}" if dialect == "postgres" else "?" for n in range(1, count + 1)]


async def apply_migrations(config: dict[str, Any]) -> list[str]:
    """Apply pending aerich migrations; returns the files applied."""
    command = Command(tortoise_config=config, app=APP, location=str(MIGRATIONS_DIR))
    await command.init()
    applied = await command.upgrade(run_in_transaction=True)
    for name in applied:
        log.info("Applied migration %s", name)
    return applied


async def init_database(database_url: str, *, migrate: bool = True) -> list[str]:
    """Connect Tortoise (visible to every task, as python-telegram-bot runs handlers in its
    own tasks) and bring the schema up to date from the committed migrations."""
    _ensure_sqlite_folder(database_url)
    config = tortoise_config(database_url)
    await Tortoise.init(config=config, _enable_global_fallback=True)
    return await apply_migrations(config) if migrate else []


async def close_database() -> None:
    await Tortoise.close_connections()
    # Tortoise keeps each model's INSERT/DELETE SQL per connection *name*, not per database
    # kind: the next database this process opens (tests, the console) may speak another
    # dialect ("?" against "$1" placeholders).
    EXECUTOR_CACHE.clear()


def __getattr__(name: str) -> Any:
    if name == "TORTOISE_ORM":
        from bot.settings import load_settings

        return tortoise_config(load_settings().resolved_database_url)
    raise AttributeError(name)


_OUTAGE_WORDS = ("unable to open", "database is locked", "disk i/o error", "connection")


def is_outage(error: BaseException) -> bool:
    """Whether `error` means the database can't be reached (tell the user to try again later),
    as opposed to a statement it refused (a bad value: a bug, told as one)."""
    import sqlite3

    import asyncpg
    from tortoise.exceptions import DBConnectionError

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(
            current,
            OSError
            | DBConnectionError
            | asyncpg.PostgresConnectionError
            | asyncpg.InterfaceError
            | asyncpg.CannotConnectNowError
            | asyncpg.TooManyConnectionsError,
        ):
            return True
        if isinstance(current, sqlite3.OperationalError) and any(
            word in str(current).lower() for word in _OUTAGE_WORDS
        ):
            return True
        current = current.__cause__ or current.__context__
    return False
