"""Conversation states and user_data survive in the database, whatever their JSON type; only
what is worth keeping is kept (no empty user_data, no abandoned flows)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from telegram.ext import ConversationHandler

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.persistence import USER_DATA, DatabasePersistence
from bot.settings import CONVERSATION_TIMEOUT
from handlers.kit.flow import FlowRouter
from models import User
from models.state import BotState


async def test_states_of_every_json_type_round_trip(db: str) -> None:
    store = DatabasePersistence()
    states: dict[tuple[int, ...], object] = {
        (1, 1): "practice:answering",  # a bare string is the tricky one for JSONField
        (2, 2): 3,
        (3, 3): ["a", 1],
        (4, 4): {"step": "x"},
    }
    for key, state in states.items():
        await store.update_conversation("flow", key, state)
    await store.update_conversation("flow", (1, 1), "practice:rating")  # update in place
    await store.update_conversation("flow", (2, 2), None)  # ended
    assert await store.get_conversations("flow") == {
        (1, 1): "practice:rating",
        (3, 3): ["a", 1],
        (4, 4): {"step": "x"},
    }
    assert await DatabasePersistence().get_conversations("other") == {}


async def test_user_data_round_trips_and_drops(db: str) -> None:
    store = DatabasePersistence()
    await store.update_user_data(7, {"draft": {"name": "Acme", "level": None}})
    await store.update_user_data(7, {"draft": {"name": "Acme 2"}})
    await store.update_user_data(8, {})
    data = await store.get_user_data()
    assert data[7] == {"draft": {"name": "Acme 2"}} and data[8] == {}
    await store.drop_user_data(7)
    assert 7 not in await store.get_user_data()


async def test_only_users_with_something_to_remember_get_a_row(db: str) -> None:
    store = DatabasePersistence()
    await store.update_user_data(7, {"draft": {"name": "Acme"}})
    await store.update_user_data(8, {})  # python-telegram-bot's entry for a user who chatted
    assert await BotState.filter(kind=USER_DATA).values_list("key", flat=True) == ["7"]
    await store.update_user_data(7, {})  # the flow ended: its row goes
    assert await BotState.filter(kind=USER_DATA).count() == 0
    # Empty rows written by older versions are neither loaded nor kept.
    await BotState.create(kind=USER_DATA, key="9", value={})
    await store.update_user_data(10, {"step": 1})
    assert dict(await store.get_user_data()) == {10: {"step": 1}}
    assert await BotState.filter(kind=USER_DATA).values_list("key", flat=True) == ["10"]


async def test_users_who_only_chat_leave_no_rows(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("hello")
    await user.expect("not waiting for an answer")
    await user.send("anyone there?")
    await user.send("/help")  # commands and stray buttons outside any interview, too
    await user.press("zz:gone")
    await bot.app.update_persistence()
    rows = await BotState.filter(kind=USER_DATA).values_list("key", "value")
    assert rows == [], (rows, dict(bot.app.user_data))


async def test_an_abandoned_flow_ends_by_itself(bot: BotHarness, user: EmulatedUser) -> None:
    conversations = [
        handler
        for handlers in bot.app.handlers.values()
        for handler in handlers
        if isinstance(handler, ConversationHandler)
    ]
    assert all(c.conversation_timeout == CONVERSATION_TIMEOUT for c in conversations)
    [router] = [h for hs in bot.app.handlers.values() for h in hs if isinstance(h, FlowRouter)]
    assert {"newjob", "jobedit"} <= set(router.by_name)
    assert all(flow.timeout == CONVERSATION_TIMEOUT for flow in router.flows)

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
