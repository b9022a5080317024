"""Users: created or refreshed from what Telegram tells us, read once per update."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from tortoise import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from bot.db import placeholders
from bot.i18n import choose_language
from bot.session import UserSession
from models import User

# Last activity is refreshed at most this often per user: not one write per update.
LAST_SEEN_EVERY = timedelta(minutes=5)


async def load_session(
    user_id: int, name: str, username: str | None, language_code: str | None, now: datetime
) -> UserSession:
    """The user's row (created on first contact) as a session: one read, plus a write only
    when Telegram's details changed, the user was unreachable, or `last_seen_at` is stale.

    The interface language is taken from Telegram's `language_code` on first contact only;
    later it is the user's choice."""
    name = (name or "").strip()[:255] or "there"
    user = await _read_user(user_id)
    if user is None:
        try:
            user = await User.create(
                id=user_id,
                name=name,
                username=username,
                language_code=language_code,
                language=choose_language(language_code),
                last_seen_at=now,
            )
        except IntegrityError:  # created meanwhile by an update without ordering (payment)
            user = await User.get(id=user_id)
        return UserSession.of(user)
    changes: dict[str, object] = {}
    if user.last_seen_at is None or now - user.last_seen_at >= LAST_SEEN_EVERY:
        changes["last_seen_at"] = now
    if not user.is_active:
        changes["is_active"] = True
    if (user.name, user.username, user.language_code) != (name, username, language_code):
        changes.update(name=name, username=username, language_code=language_code, updated_at=now)
    if changes:
        await User.filter(id=user_id).update(**changes)
        for field_name, value in changes.items():
            setattr(user, field_name, value)
    return UserSession.of(user)


async def _read_user(user_id: int) -> User | None:
    """The user's row, read together with the rows other updates ask for in the same turn of
    the event loop: a batch of updates from Telegram costs one statement, not one per user."""
    connection = User._meta.db
    loop = asyncio.get_running_loop()
    batch = _BATCHES.get(connection)
    if batch is None:
        batch = _BATCHES[connection] = {}
        loop.call_soon(_start_batch, connection)
    future: asyncio.Future[dict[str, Any] | None] = loop.create_future()
    batch.setdefault(user_id, []).append(future)
    row = await future
    return User._init_from_db(**row) if row is not None else None


# Rows asked for and not yet read, per connection: user id -> the readers waiting for it.
_BATCHES: dict[BaseDBAsyncClient, dict[int, list[asyncio.Future[dict[str, Any] | None]]]] = {}
_READING: set[asyncio.Task[None]] = set()
# A batch is read in statements of these sizes (ids padded by repetition), so a handful of
# statements serve every batch size.
_BATCH_SIZES = (1, 4, 16, 64, 256)


def _start_batch(connection: BaseDBAsyncClient) -> None:
    batch = _BATCHES.pop(connection)
    task = asyncio.get_running_loop().create_task(_read_batch(connection, batch))
    _READING.add(task)
    task.add_done_callback(_READING.discard)


async def _read_batch(
    connection: BaseDBAsyncClient,
    batch: dict[int, list[asyncio.Future[dict[str, Any] | None]]],
) -> None:
    ids = list(batch)
    try:
        rows: dict[int, dict[str, Any]] = {}
        while ids:
            size = next((n for n in _BATCH_SIZES if n >= len(ids)), _BATCH_SIZES[-1])
            chunk, ids = ids[:size], ids[size:]
            sql = _statement(
                ("select", str(size)),
                lambda table, marks, size=size: (
                    f'SELECT * FROM "{table}" WHERE "id" IN ({", ".join(marks[:size])})'
                ),
                connection,
                size,
            )
            _, found = await connection.execute_query(
                sql, chunk + [chunk[-1]] * (size - len(chunk))
            )
            rows.update((row["id"], dict(row)) for row in found)
    except asyncio.CancelledError:  # shutting down: the readers are cancelled with it
        for future in _waiting(batch):
            future.cancel()
        raise
    except Exception as exc:  # told to every reader, as their own query would have
        for future in _waiting(batch):
            future.set_exception(exc)
        return
    for user_id, futures in batch.items():
        for future in futures:
            if not future.done():  # not cancelled meanwhile
                future.set_result(rows.get(user_id))


def _waiting(
    batch: dict[int, list[asyncio.Future[dict[str, Any] | None]]],
) -> list[asyncio.Future[dict[str, Any] | None]]:
    return [future for futures in batch.values() for future in futures if not future.done()]


async def _update_user(user_id: int, **changes: object) -> None:
    """`User.filter(id=user_id).update(**changes)` with the statement built once per set of
    columns: values are converted by the fields exactly as Tortoise's update converts them."""
    columns = tuple(User._meta.fields_db_projection[name] for name in changes)

    def update(table: str, marks: list[str]) -> str:
        assignments = ", ".join(f'"{c}" = {m}' for c, m in zip(columns, marks, strict=False))
        return f'UPDATE "{table}" SET {assignments} WHERE "id" = {marks[len(columns)]}'

    connection = User._meta.db
    sql = _statement(("update", *columns), update, connection)
    fields = User._meta.fields_map
    values = [fields[name].to_db_value(value, None) for name, value in changes.items()]
    await connection.execute_query(sql, [*values, user_id])


def _statement(
    key: tuple[str, ...],
    build: Callable[[str, list[str]], str],
    connection: BaseDBAsyncClient | None = None,
    size: int = 0,
) -> str:
    """The statement `key` for the users table on `connection`'s dialect, built once by
    `build(table, placeholders)` (at least `size` placeholders, and enough for any statement
    on one row of `users`)."""
    connection = connection or User._meta.db
    dialect = connection.capabilities.dialect
    sql = _STATEMENTS.get((dialect, *key))
    if sql is None:
        marks = placeholders(dialect, max(size, len(User._meta.fields_map) + 1))
        sql = _STATEMENTS[(dialect, *key)] = build(User._meta.db_table, marks)
    return sql


_STATEMENTS: dict[tuple[str, ...], str] = {}


async def save_flow(session: UserSession, now: datetime) -> None:
    """Store the session's flow (one UPDATE)."""
    flow = session.flow
    await _update_user(
        session.user_id,
        flow=flow,
        flow_step=session.step if flow else None,
        flow_data=session.data if flow and session.data else None,
        flow_at=now if flow else None,
    )
    session.user.flow_at = now if flow else None
    session.mark_stored()


async def set_language(user_id: int, language: str) -> None:
    await User.filter(id=user_id).update(language=language)


async def language_of(user_id: int) -> str | None:
    """The user's interface language; None for someone who never wrote to the bot."""
    found = await User.filter(id=user_id).values_list("language", flat=True)
    return str(found[0]) if found else None
