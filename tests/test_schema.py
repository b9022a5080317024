"""The schema the migrations build is the schema the models describe.

A new database is migrated the way the bot does it at start-up (`bot.db.init_database`), read
back from the catalog (PostgreSQL) or the PRAGMAs (SQLite), and compared with
`Tortoise.describe_models()`: the same tables and columns; each column's type, nullability and
default; the primary key; a unique index for every unique field and `unique_together`; an index
led by every foreign key and `db_index` field (and no single-column index the models don't
declare); a CHECK with exactly the values of every CharEnumField and `VALUE_CHECKS` field. The
newest migration's `MODELS_STATE` must describe the models too: `aerich migrate` diffs them
against it.
So a model changed without its migration fails here, on both databases.

Indexes on several columns and partial indexes that a migration adds for queries may exist
beyond what the models declare.
"""

from __future__ import annotations

import importlib.util
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from aerich.utils import compress_dict, decompress_dict, get_formatted_compressed_data
from aerich.utils import get_models_describe as aerich_models_describe
from tortoise import BaseDBAsyncClient, Tortoise, connections
from tortoise.exceptions import IntegrityError
from tortoise.fields.base import DB_DEFAULT_NOT_SET
from tortoise.fields.data import CharEnumFieldInstance

from bot.db import APP, MIGRATIONS_DIR, close_database, init_database, tortoise_config
from bot.i18n import texts
from bot.services import interview_report, interviews
from models import Interview, JobInfo, User
from models.vocabulary import LANGUAGES
from tests.conftest import fresh_database
from tests.helpers import REPORT

# CHECKs that allow fewer values than the enum, on purpose: (table, column) -> values.
NARROWER_CHECKS: dict[tuple[str, str], set[str]] = {
    ("payments", "plan"): {"pro", "max"},  # only paid plans are bought
}
# Plain CharFields whose values are CHECKed: (table, column) -> values.
VALUE_CHECKS: dict[tuple[str, str], set[str]] = {
    ("users", "language"): set(LANGUAGES),
}


@dataclass(frozen=True)
class Column:
    type: str
    nullable: bool
    default: Any


@dataclass(frozen=True)
class Index:
    columns: tuple[str, ...]
    unique: bool
    partial: bool


@dataclass
class Table:
    columns: dict[str, Column] = field(default_factory=dict)
    primary_key: tuple[str, ...] = ()
    indexes: set[Index] = field(default_factory=set)  # all but the primary key's
    checks: list[str] = field(default_factory=list)  # CHECK (...) expressions


# ----- the database -----------------------------------------------------------------------------


def check_expressions(sql: str) -> list[str]:
    """The parenthesised expression of every CHECK in `sql`."""
    found = []
    for match in re.finditer(r"\bCHECK\s*\(", sql, re.IGNORECASE):
        depth, start = 0, match.end() - 1
        for i in range(start, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[i], 0)
            if depth == 0:
                found.append(sql[start : i + 1])
                break
    return found


async def read_postgres(conn: BaseDBAsyncClient) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    columns = await conn.execute_query_dict(
        """
        SELECT c.relname AS "table", a.attname AS "column",
               format_type(a.atttypid, a.atttypmod) AS "type", a.attnotnull AS "notnull",
               pg_get_expr(d.adbin, d.adrelid) AS "default"
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        """
    )
    for row in columns:
        tables.setdefault(row["table"], Table()).columns[row["column"]] = Column(
            row["type"], not row["notnull"], row["default"]
        )
    indexes = await conn.execute_query_dict(
        """
        SELECT t.relname AS "table", ix.indisunique AS "unique", ix.indisprimary AS "primary",
               ix.indpred IS NOT NULL AS "partial",
               array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     ORDER BY k.ord) AS "columns"
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public'
        """
    )
    for row in indexes:
        table = tables[row["table"]]
        if row["primary"]:
            table.primary_key = tuple(row["columns"])
        else:
            table.indexes.add(Index(tuple(row["columns"]), row["unique"], row["partial"]))
    checks = await conn.execute_query_dict(
        """
        SELECT c.relname AS "table", pg_get_constraintdef(k.oid) AS "sql"
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND k.contype = 'c'
        """
    )
    for row in checks:
        tables[row["table"]].checks.extend(check_expressions(row["sql"]))
    return tables


async def read_sqlite(conn: BaseDBAsyncClient) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    rows = await conn.execute_query_dict(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    for row in rows:
        name, table = row["name"], Table(checks=check_expressions(row["sql"]))
        tables[name] = table
        info = await conn.execute_query_dict(f'PRAGMA table_info("{name}")')
        for column in info:
            table.columns[column["name"]] = Column(
                column["type"], not column["notnull"] and not column["pk"], column["dflt_value"]
            )
        table.primary_key = tuple(
            c["name"] for c in sorted((c for c in info if c["pk"]), key=lambda c: c["pk"])
        )
        for index in await conn.execute_query_dict(f'PRAGMA index_list("{name}")'):
            if index["origin"] == "pk":
                continue
            parts = await conn.execute_query_dict(f'PRAGMA index_info("{index["name"]}")')
            columns = tuple(p["name"] for p in sorted(parts, key=lambda p: p["seqno"]))
            table.indexes.add(Index(columns, bool(index["unique"]), bool(index["partial"])))
    return tables


# ----- normalising ------------------------------------------------------------------------------

# The same type under another name: Tortoise's name -> the catalog's (PostgreSQL), or the names
# SQLite keeps as declared (migration 5 declares a boolean BOOLEAN, the others INT: both store
# 0 and 1; an INTEGER PRIMARY KEY is the rowid of an IntField key).
PG_TYPES = {
    "INT": "INTEGER",
    "SERIAL": "INTEGER",
    "BIGSERIAL": "BIGINT",
    "BOOL": "BOOLEAN",
    "TIMESTAMPTZ": "TIMESTAMP WITH TIME ZONE",
}
SQLITE_TYPES = {"INTEGER": "INT", "BOOLEAN": "INT"}


def normal_type(dialect: str, sql_type: str) -> str:
    name = " ".join(sql_type.upper().split())
    if dialect == "postgres":
        name = re.sub(r"^VARCHAR\((\d+)\)$", r"CHARACTER VARYING(\1)", name)
        return PG_TYPES.get(name, name)
    return SQLITE_TYPES.get(name, name)


def normal_default(sql: str | None) -> Any:
    """A column default as a Python value: 'x'::character varying -> 'x', FALSE -> False."""
    if sql is None:
        return None
    text = sql.strip()
    if quoted := re.fullmatch(r"'((?:[^']|'')*)'(?:::[\w\s]+(?:\(\d+\))?)?", text):
        return quoted.group(1).replace("''", "'")
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d*", text):
        return float(text)
    return text


def check_values(check: str) -> set[str]:
    """The string literals of a CHECK: its allowed values when it is an IN list."""
    return {value.replace("''", "'") for value in re.findall(r"'((?:[^']|'')*)'", check)}


def read_back(dialect: str, tables: dict[str, Table]) -> dict[str, Table]:
    for table in tables.values():
        for name, column in table.columns.items():
            default = normal_default(column.default)
            if isinstance(default, str) and default.startswith("nextval("):
                default = None  # a SERIAL key; generated keys are compared by type
            table.columns[name] = Column(
                normal_type(dialect, column.type), column.nullable, default
            )
    return tables


# ----- the models -------------------------------------------------------------------------------


@dataclass
class Expected:
    table: Table
    unique_sets: list[tuple[str, ...]]  # each needs a unique index on exactly these columns
    leading: set[str]  # each needs an index that starts with it (foreign keys, db_index)
    enums: dict[str, set[str]]  # column -> the values its CHECK allows


def model_default(described: dict[str, Any]) -> Any:
    """The DEFAULT the column should have: the field's `db_default`, else its constant
    `default` (the migrations write those into the database too)."""
    if described["db_default"] is not DB_DEFAULT_NOT_SET:
        return described["db_default"]
    default = described["default"]
    if default is None or callable(default):
        return None
    return default.value if isinstance(default, Enum) else default


def expected_schema(dialect: str) -> dict[str, Expected]:
    expected: dict[str, Expected] = {}
    for described in Tortoise.describe_models(serializable=False).values():
        assert not described["m2m_fields"], "m2m tables: teach this test about them"
        model = Tortoise.apps[APP][described["name"].split(".", 1)[1]]
        table = Table(primary_key=(described["pk_field"]["db_column"],))
        enums: dict[str, set[str]] = {}
        unique_sets: list[tuple[str, ...]] = []
        leading: set[str] = set()
        for spec in [described["pk_field"], *described["data_fields"]]:
            column = spec["db_column"]
            types = spec["db_field_types"]
            table.columns[column] = Column(
                normal_type(dialect, types.get(dialect, types[""])),
                spec["nullable"],
                None if spec["generated"] else model_default(spec),
            )
            if spec is described["pk_field"]:
                continue
            if spec["unique"]:
                unique_sets.append((column,))
            elif spec["indexed"]:
                leading.add(column)
            model_field = model._meta.fields_map[spec["name"]]
            if (described["table"], column) in VALUE_CHECKS:
                enums[column] = VALUE_CHECKS[(described["table"], column)]
            elif isinstance(model_field, CharEnumFieldInstance):
                enum_values = {member.value for member in model_field.enum_type}
                enums[column] = NARROWER_CHECKS.get((described["table"], column), enum_values)
        columns_of = {spec["name"]: spec["db_column"] for spec in described["data_fields"]}
        for relation in [*described["fk_fields"], *described["o2o_fields"]]:
            columns_of[relation["name"]] = relation["raw_field"]
            leading.add(relation["raw_field"])
            raw = model._meta.fields_map[relation["raw_field"]]
            if relation["unique"] and not raw.pk:  # a unique foreign key (one-to-one)
                unique_sets.append((relation["raw_field"],))
        for names in described["unique_together"]:
            unique_sets.append(tuple(columns_of[name] for name in names))
        for index in described["indexes"]:
            names = getattr(index, "fields", index)
            leading.add(columns_of[names[0]])
        expected[described["table"]] = Expected(table, unique_sets, leading, enums)
    return expected


# ----- comparing --------------------------------------------------------------------------------


def differences(expected: dict[str, Expected], actual: dict[str, Table]) -> list[str]:
    found: list[str] = []
    if set(expected) != set(actual):
        found.append(
            f"tables only in the models: {sorted(set(expected) - set(actual))}, "
            f"only in the database: {sorted(set(actual) - set(expected))}"
        )
    for name in sorted(set(expected) & set(actual)):
        want, have = expected[name], actual[name]
        for column in sorted(set(want.table.columns) | set(have.columns)):
            model_column, db_column = want.table.columns.get(column), have.columns.get(column)
            if model_column != db_column:
                found.append(f"{name}.{column}: model {model_column}, database {db_column}")
        if want.table.primary_key != have.primary_key:
            found.append(f"{name}: primary key {want.table.primary_key} != {have.primary_key}")
        whole = [ix for ix in have.indexes if not ix.partial]
        unique = {frozenset(ix.columns) for ix in whole if ix.unique}
        for columns in want.unique_sets:
            if frozenset(columns) not in unique:
                found.append(f"{name}: no unique index on {columns}")
        for columns in unique - {frozenset(c) for c in want.unique_sets}:
            found.append(f"{name}: unique index on {sorted(columns)} the models don't declare")
        for column in sorted(want.leading):
            starts = [ix.columns[0] for ix in whole] + list(have.primary_key[:1])
            if column not in starts:
                found.append(f"{name}: no index starts with {column}")
        for ix in whole:
            if len(ix.columns) == 1 and not ix.unique and ix.columns[0] not in want.leading:
                found.append(f"{name}: index on {ix.columns[0]} the models don't declare")
        for column, values in sorted(want.enums.items()):
            pattern = re.compile(rf'(^|[^\w])"?{re.escape(column)}"?([^\w]|$)')
            allowed = [check_values(c) for c in have.checks if pattern.search(c)]
            if values not in allowed:
                found.append(f"{name}.{column}: no CHECK of {sorted(values)} (found {allowed})")
    return found


def migration_files() -> list[Path]:
    files = (MIGRATIONS_DIR / "models").glob("[0-9]*_*.py")
    return sorted(files, key=lambda path: int(path.name.split("_", 1)[0]))


async def test_migrations_build_the_schema_the_models_describe(
    backend: str, tmp_path: Path
) -> None:
    async with fresh_database(backend, tmp_path) as url:
        applied = await init_database(url)
        try:
            assert applied == [path.name for path in migration_files()]
            conn = connections.get("default")
            dialect = conn.capabilities.dialect
            read: Callable[[BaseDBAsyncClient], Any] = (
                read_postgres if dialect == "postgres" else read_sqlite
            )
            actual = read_back(dialect, await read(conn))
            found = differences(expected_schema(dialect), actual)
        finally:
            await close_database()
    assert not found, "The migrations and the models differ:\n" + "\n".join(found)


def load_migration(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_the_newest_migration_holds_the_models_state() -> None:
    """`aerich migrate` compares the models with the newest migration's MODELS_STATE: when it
    is out of date, aerich writes a migration of its own (and an old-format file is rewritten)."""
    newest = migration_files()[-1]
    module = load_migration(newest)
    await Tortoise.init(config=tortoise_config("sqlite://:memory:"))
    try:
        models = aerich_models_describe(APP)
    finally:
        await Tortoise.close_connections()
    stored = decompress_dict(getattr(module, "MODELS_STATE", None) or compress_dict({}))
    current = decompress_dict(compress_dict(models))
    changed = sorted(n for n in set(stored) | set(current) if stored.get(n) != current.get(n))
    assert not changed, (
        f"{newest.name} doesn't describe the models {changed}: they changed without a "
        "migration. Add one (CONTRIBUTING.md, Migrations) ending with\n\nMODELS_STATE = (\n    "
        + get_formatted_compressed_data(models)
        + "\n)"
    )


# ----- migration 9: interviews keep each fact once -----------------------------------------------


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def test_migration_9_keeps_older_interviews_readable(db: str) -> None:
    """Interviews written before migration 9 (with `duration` and `feedback`) keep their
    duration and report after it, and get them back from its downgrade."""
    conn = connections.get("default")
    [path] = [p for p in migration_files() if p.name.startswith("9_")]
    migration = load_migration(path)
    user = await User.create(id=9009, name="Ada")
    job = await JobInfo.create(user=user, name="Acme", experience_level="junior", description="d")
    seed, structured, active = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    rows = (
        # the seed's: no times, a duration and the report as Markdown only
        (seed, "completed", None, None, "01:02:03", "# Old report\n\nGood.", None),
        (
            structured,
            "completed",
            "2026-02-01 09:00:00+00:00",
            "2026-02-01 09:14:30+00:00",
            "00:14:30",
            "# Mock interview report (stored twice)",
            json.dumps(REPORT),
        ),
        (active, "active", "2026-02-02 09:00:00+00:00", None, "00:00:00", None, None),
    )
    await conn.execute_script(await migration.downgrade(conn))
    try:
        for interview_id, status, started, ended, duration, feedback, report in rows:
            values = [
                sql_text(str(interview_id)),
                sql_text(str(job.id)),
                str(user.id),
                sql_text(status),
                sql_text("2026-01-05 10:00:00+00:00"),
                sql_text("2026-01-05 10:00:00+00:00"),
                *(sql_text(v) if v is not None else "NULL" for v in (started, ended)),
                sql_text(duration),
                *(sql_text(v) if v is not None else "NULL" for v in (feedback, report)),
            ]
            await conn.execute_script(
                'INSERT INTO "interviews" ("id", "job_info_id", "user_id", "status", "created_at",'
                ' "updated_at", "started_at", "ended_at", "duration", "feedback", "report_json")'
                f" VALUES ({', '.join(values)})"
            )
    finally:
        await conn.execute_script(await migration.upgrade(conn))

    old = await Interview.get(id=seed).select_related("job_info")
    assert old.started_at == datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert old.ended_at == old.started_at + timedelta(hours=1, minutes=2, seconds=3)
    assert interviews.duration_of(old) == "01:02:03"
    assert interview_report.has_report(old)
    assert interview_report.report_text(texts("en"), old) == "# Old report\n\nGood."
    assert interview_report.stored_report(old) is None  # no PDF of a Markdown-only report
    both = await Interview.get(id=structured).select_related("job_info")
    assert interviews.duration_of(both) == "00:14:30"
    report = interview_report.stored_report(both)
    assert report is not None and report.overall_rating == REPORT["overall_rating"]
    markdown = interview_report.report_text(texts("en"), both)
    assert markdown and markdown.startswith("# Mock interview report")
    assert "duration 00:14:30" in markdown and REPORT["summary"] in markdown
    running = await Interview.get(id=active)
    assert running.ended_at is None and not interview_report.has_report(running)
    listed = await interviews.history(user.id, job.id)
    assert listed is not None
    durations = {item.id: item.duration for item in listed.items}
    assert durations[seed] == "01:02:03" and durations[structured] == "00:14:30"

    await conn.execute_script(await migration.downgrade(conn))
    try:
        restored = {
            str(row["id"]): row
            for row in await conn.execute_query_dict(
                'SELECT "id", "duration", "feedback", "report_json" FROM "interviews"'
            )
        }
    finally:
        await conn.execute_script(await migration.upgrade(conn))
    assert restored[str(seed)]["duration"] == "01:02:03"
    assert restored[str(seed)]["feedback"] == "# Old report\n\nGood."
    assert restored[str(seed)]["report_json"] is None
    assert restored[str(structured)]["duration"] == "00:14:30"
    assert restored[str(structured)]["report_json"] is not None


# ----- migration 10: the per-user flow ----------------------------------------------------------


async def test_users_flow_columns_and_their_checks(db: str) -> None:
    """A step needs a flow, the language is one of LANGUAGES (both CHECKed by the database),
    and migration 10's downgrade and upgrade run on a table with rows."""
    user = await User.create(id=1010, name="Ada")
    assert (user.language, user.flow, user.flow_step, user.flow_data) == ("en", None, None, None)
    now = datetime.now(UTC)
    await User.filter(id=user.id).update(
        flow="newjob", flow_step="title", flow_data={"name": "Acme"}, flow_at=now, language="pt"
    )
    stored = await User.get(id=user.id)
    assert (stored.flow, stored.flow_step, stored.flow_data) == (
        "newjob",
        "title",
        {"name": "Acme"},
    )
    assert stored.flow_at == now and stored.language == "pt"
    with pytest.raises(IntegrityError):
        await User.filter(id=user.id).update(flow=None)  # the step would be left without it
    with pytest.raises(IntegrityError):
        await User.create(id=1011, name="Bob", flow_step="title")
    with pytest.raises(IntegrityError):
        await User.filter(id=user.id).update(language="de")

    conn = connections.get("default")
    [path] = [p for p in migration_files() if p.name.startswith("10_")]
    migration = load_migration(path)
    await conn.execute_script(await migration.downgrade(conn))
    try:
        rows = await conn.execute_query_dict('SELECT * FROM "users" WHERE "id" = 1010')
        assert "flow" not in rows[0] and "language" not in rows[0]
    finally:
        await conn.execute_script(await migration.upgrade(conn))
    again = await User.get(id=user.id)
    assert (again.language, again.flow, again.flow_step) == ("en", None, None)


async def test_one_process_can_use_sqlite_then_postgresql(tmp_path: Path) -> None:
    """Tortoise caches each model's INSERT per connection name, not per dialect: after a
    SQLite database, PostgreSQL got "?" placeholders (the console's tests, then any other).
    Closing the database forgets them."""
    from models import User
    from tests.conftest import fresh_database

    await init_database(f"sqlite://{tmp_path / 'first.sqlite3'}")
    try:
        await User.create(id=1, name="Ada", language="en")
    finally:
        await close_database()
    async with fresh_database("postgres", tmp_path) as url:
        await init_database(url)
        try:
            await User.create(id=1, name="Ada", language="en")
            assert await User.filter(id=1).count() == 1
        finally:
            await close_database()
