"""The user's one flow lives on their users row: it round-trips whatever its JSON, is written
only when it changes, and an abandoned flow ends by itself."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services.users import load_session, save_flow
from bot.settings import CONVERSATION_TIMEOUT
from handlers.kit.dispatch import IndexedGroup
from handlers.kit.flow import FlowRouter
from models import User
from tests.helpers import statements_of

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


async def test_a_flow_of_every_json_type_round_trips(db: str) -> None:
    session = await load_session(7, "Ada", None, "en", NOW)
    assert (session.flow, session.step, session.data, session.changed) == (None, None, {}, False)
    data = {"name": "Acme 😀", "level": None, "ids": [1, "2"], "nested": {"ok": True}}
    session.enter("newjob", "title", **data)
    assert session.changed
    await save_flow(session, NOW)
    assert not session.changed
    again = await load_session(7, "Ada", None, "en", NOW)
    assert (again.flow, again.step, again.data) == ("newjob", "title", data)
    assert again.flow_at == NOW
    again.clear()
    await save_flow(again, NOW)
    stored = await User.get(id=7)
    assert (stored.flow, stored.flow_step, stored.flow_data, stored.flow_at) == (None,) * 4


async def test_users_who_only_chat_write_nothing(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("hello")
    await user.expect("not waiting for an answer")
    before = await User.get(id=user.id)
    await user.send("anyone there?")
    await user.send("/help")  # commands and stray buttons outside any flow, too
    await user.press("zz:gone")
    after = await User.get(id=user.id)
    assert after.flow is None and after.updated_at == before.updated_at


async def test_an_abandoned_flow_ends_by_itself(bot: BotHarness, user: EmulatedUser) -> None:
    [main] = [h for hs in bot.app.handlers.values() for h in hs if isinstance(h, IndexedGroup)]
    [router] = [h for h in main.handlers if isinstance(h, FlowRouter)]
    assert {"newjob", "jobedit", "practice", "resume", "interview"} <= set(router.by_name)
    # Every flow times out but the interview, whose state is its own rows.
    assert all(
        flow.timeout == CONVERSATION_TIMEOUT for flow in router.flows if flow.name != "interview"
    )

    await user.send("/newjob")
    await user.expect("company or job name")
    stored = await User.get(id=user.id)
    assert (stored.flow, stored.flow_step) == ("newjob", "name") and stored.flow_at is not None
    plans = bot.app.bot_data["services"].plans
    now = plans.clock
    plans.clock = lambda: now() + CONVERSATION_TIMEOUT - timedelta(minutes=1)
    await user.send("Acme")  # still within the time: the job's name
    await user.expect("job title")
    later = datetime.now(UTC) + 2 * CONVERSATION_TIMEOUT + timedelta(minutes=1)
    plans.clock = lambda: later  # six hours untouched
    await user.send("Backend Engineer")  # no longer taken as the job's title
    await user.expect("not waiting for an answer")
    stored = await User.get(id=user.id)
    assert (stored.flow, stored.flow_step, stored.flow_data) == (None, None, None)


# ----- the user's row: read in batches ------------------------------------------------------
async def test_users_asked_for_at_once_are_read_with_one_statement(db: str) -> None:
    for user_id in range(1, 31):
        await User.create(id=user_id, name=f"User {user_id}", last_seen_at=NOW)
    sessions: list[Any] = []

    async def read_all() -> None:
        # 30 known users (one of them twice, as two updates without ordering) and a new one.
        ids = [*range(1, 31), 7, 99]
        found = await asyncio.gather(*(load_session(i, f"User {i}", None, "en", NOW) for i in ids))
        sessions.extend(found)

    statements = await statements_of(read_all)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1, statements
    assert [s.user_id for s in sessions] == [*range(1, 31), 7, 99]
    assert [s.user.name for s in sessions[:30]] == [f"User {i}" for i in range(1, 31)]
    assert sessions[6].user is not sessions[30].user  # each reader gets its own model
    assert await User.filter(id=99).exists()  # the new one was created


async def test_a_failed_batch_is_told_to_every_reader_and_a_cancelled_reader_to_none(
    db: str,
) -> None:
    await User.create(id=1, name="One", last_seen_at=NOW)
    # An id no database column holds makes the whole statement fail: every reader hears it.
    results = await asyncio.gather(
        load_session(1, "One", None, "en", NOW),
        load_session(2**63, "Huge", None, "en", NOW),
        return_exceptions=True,
    )
    assert all(isinstance(r, Exception) for r in results), results
    # A reader that gives up (its update was cancelled) leaves the others their rows.
    gone = asyncio.ensure_future(load_session(2, "Two", None, "en", NOW))
    kept = asyncio.ensure_future(load_session(1, "One", None, "en", NOW))
    await asyncio.sleep(0)
    gone.cancel()
    assert (await kept).user.name == "One"
    assert gone.cancelled()
