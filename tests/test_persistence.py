"""The user's one flow lives on their users row: it round-trips whatever its JSON, is written
only when it changes, and an abandoned flow ends by itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services.users import load_session, save_flow
from bot.settings import CONVERSATION_TIMEOUT
from handlers.kit.flow import FlowRouter
from models import User

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
    [router] = [h for hs in bot.app.handlers.values() for h in hs if isinstance(h, FlowRouter)]
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
