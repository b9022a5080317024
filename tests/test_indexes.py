"""Migration 8: composite indexes for the hot ORDER BY / WHERE, on PostgreSQL and SQLite, and
its downgrade."""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

from tortoise import connections

from bot.db import MIGRATIONS_DIR
from tests.helpers import index_definitions

EXPECTED = (
    ("job_info", ("user_id", "created_at")),
    ("questions", ("job_info_id", "created_at")),
    ("interviews", ("job_info_id", "created_at")),
    ("interviews", ("user_id", "status")),
)


def migration_8() -> ModuleType:
    [path] = (MIGRATIONS_DIR / "models").glob("8_*_indexes.py")
    spec = importlib.util.spec_from_file_location("migration_8", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def has_index(defs: str, table: str, *columns: str) -> bool:
    cols = r",\s*".join(f'"?{column}"?' for column in columns)
    return re.search(rf'{table}"? (USING btree )?\({cols}\)', defs) is not None


async def test_composite_indexes_exist_and_the_downgrade_drops_them(db: str) -> None:
    defs = " ".join(await index_definitions())
    for table, columns in EXPECTED:
        assert has_index(defs, table, *columns), (table, columns, defs)

    conn = connections.get("default")
    migration = migration_8()
    try:
        await conn.execute_script(await migration.downgrade(conn))
        defs = " ".join(await index_definitions())
        for table, columns in EXPECTED:
            assert not has_index(defs, table, *columns), (table, columns)
        assert has_index(defs, "job_info", "user_id")  # the foreign-key indexes stay
    finally:
        await conn.execute_script(await migration.upgrade(conn))
    defs = " ".join(await index_definitions())
    assert all(has_index(defs, table, *columns) for table, columns in EXPECTED)
