"""Outgoing calls (bot/delivery.py) through the real application and the emulator: a chat
paced by Telegram pauses alone, replies overtake broadcasts, superseded cosmetic calls are
dropped, and replies survive failures that certainly did not reach Telegram."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, TimedOut

from bot.delivery import BROADCAST, OutgoingScheduler
from bot.emulator.harness import BotHarness
from tests.test_throughput import until

# PTB 22 itself warns on every RetryAfter it builds that `retry_after` will become a timedelta.
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after. will be of type:DeprecationWarning")


def sent_to(bot: BotHarness, chat_id: int, method: str = "sendMessage") -> list[str]:
    """Texts of the calls Telegram carried out for `chat_id` (refused ones left out)."""
    return [
        str(c.params.get("text"))
        for c in bot.emulator.calls
        if c.method == method and c.params.get("chat_id") == chat_id and c.error is None
    ]


def scheduler(bot: BotHarness) -> OutgoingScheduler:
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, OutgoingScheduler)
    return limiter


async def test_a_chat_paced_by_telegram_waits_alone_and_exactly_as_told(bot: BotHarness) -> None:
    ada, bob = bot.user("Ada"), bot.user("Bob")
    bot.emulator.pace(ada.id, calls=1, seconds=1.0, retry_after=2)
    await ada.send("/cancel", wait=False)
    await ada.send("/cancel", wait=False)  # its reply gets "retry after 2" for Ada's chat
    await until(lambda: bot.emulator.flood_errors, "a 429")
    paced_at = time.monotonic()
    assert bot.emulator.flood_errors == 1

    started = time.monotonic()
    await bob.send("/cancel", wait=False)  # Bob is not held up by Ada's pause
    await bob.expect("nothing to cancel")
    assert time.monotonic() - started < 1.0

    await bot.idle()
    assert time.monotonic() - paced_at >= 1.9  # Ada's second reply waited out the 2 s
    assert len(sent_to(bot, ada.id)) == 2
    assert bot.emulator.flood_errors == 1  # sent again after the wait, not before
    assert scheduler(bot).throttled == 1


async def test_a_429_without_a_chat_pauses_every_call(bot: BotHarness) -> None:
    ada = bot.user("Ada")
    api = bot.app.bot
    bot.emulator.flood_everything(retry_after=1)
    started = time.monotonic()
    commands = asyncio.create_task(api.get_my_commands())  # no chat: a bot-wide 429
    await until(lambda: scheduler(bot).throttled, "the 429 to reach the scheduler")
    await api.send_message(ada.id, "after the pause")
    assert time.monotonic() - started >= 0.9
    await commands
    to_ada = [c for c in bot.emulator.calls if c.params.get("chat_id") == ada.id]
    assert [c.error for c in to_ada] == [None]  # held by the bot, not refused by Telegram


async def test_replies_overtake_a_queued_broadcast(bot: BotHarness) -> None:
    readers = [bot.user(f"Reader{n}") for n in range(60)]
    ada = bot.user("Ada")
    api = bot.app.bot
    news = [
        asyncio.create_task(api.send_message(r.id, "News", rate_limit_args=BROADCAST))
        for r in readers
    ]
    await asyncio.sleep(0.05)  # the first 30 used up the burst; the rest wait
    await ada.send("/cancel", wait=False)
    await ada.expect("nothing to cancel")
    await asyncio.gather(*news)
    order = [c.params.get("chat_id") for c in bot.emulator.calls if c.method == "sendMessage"]
    assert order.index(ada.id) < order.index(readers[-1].id) < len(order)
    assert order.index(ada.id) < 40  # within the first slots after the burst


async def test_a_cosmetic_call_superseded_while_waiting_is_dropped(bot: BotHarness) -> None:
    ada = bot.user("Ada")
    api = bot.app.bot
    bot.emulator.pace(ada.id, calls=1, seconds=1.0, retry_after=1)
    await api.send_message(ada.id, "first")
    second = asyncio.create_task(api.send_message(ada.id, "second"))  # 429: Ada paused 1 s
    await until(lambda: scheduler(bot).throttled, "the 429 to reach the scheduler")
    older = asyncio.create_task(api.send_message_draft(ada.id, 7, "Thinking"))
    await asyncio.sleep(0.01)
    newer = asyncio.create_task(api.send_message_draft(ada.id, 7, "Thinking harder"))
    assert await older is True  # returned at once, nothing sent
    assert not newer.done()
    await asyncio.gather(newer, second)
    assert sent_to(bot, ada.id, "sendMessageDraft") == ["Thinking harder"]
    assert bot.emulator.drafts[ada.id] == "Thinking harder"
    assert scheduler(bot).superseded == 1


@pytest.mark.parametrize(
    ("kind", "status", "times"),
    [("status", 500, 1), ("status", 502, 2), ("refused", 0, 1), ("reset", 0, 1)],
    ids=["500", "502-twice", "connection-refused", "reset-while-writing"],
)
async def test_a_reply_that_never_reached_telegram_is_sent_again(
    bot: BotHarness, kind: str, status: int, times: int
) -> None:
    ada = bot.user("Ada")
    bot.emulator.fail("sendMessage", kind, status=status, times=times, chat_id=ada.id)
    await ada.send("/cancel")
    await ada.expect("nothing to cancel", timeout=8)
    ada.expect_no("went wrong")
    assert len(bot.emulator.injected) == times
    assert sent_to(bot, ada.id) == ["Nothing to cancel. /help lists what I can do."]


async def test_after_a_timeout_a_short_reply_may_come_twice_but_never_is_lost(
    bot: BotHarness,
) -> None:
    ada = bot.user("Ada")
    bot.emulator.fail("sendMessage", "timeout", chat_id=ada.id)  # carried out, answer lost
    await ada.send("/cancel")
    await ada.expect("nothing to cancel")
    assert len(sent_to(bot, ada.id)) == 2  # a duplicate of a short notice, not silence


async def test_after_a_dropped_answer_a_message_with_buttons_is_not_sent_twice(
    bot: BotHarness,
) -> None:
    ada = bot.user("Ada")
    api = bot.app.bot
    bot.emulator.fail("sendMessage", "timeout", chat_id=ada.id)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="x:go")]])
    with pytest.raises(TimedOut):
        await api.send_message(ada.id, "Pick one", reply_markup=keyboard)
    assert sent_to(bot, ada.id) == ["Pick one"]  # it did arrive, once


async def test_a_refused_call_is_never_retried(bot: BotHarness) -> None:
    ada = bot.user("Ada")
    with pytest.raises(BadRequest):
        await bot.app.bot.send_message(ada.id, "<b>open", parse_mode="HTML")
    assert len([c for c in bot.emulator.calls if c.params.get("chat_id") == ada.id]) == 1
    assert scheduler(bot).retried == 0


async def test_a_keyboard_removal_waiting_behind_replies_does_not_hold_up_its_caller(
    bot: BotHarness,
) -> None:
    ada = bot.user("Ada")
    api = bot.app.bot
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="x:go")]])
    pick = await api.send_message(ada.id, "Pick one", reply_markup=keyboard)
    replies = [asyncio.create_task(api.send_message(ada.id, f"reply {n}")) for n in range(60)]
    await asyncio.sleep(0.05)  # the burst is used up; 30 replies wait for slots
    assert await api.edit_message_reply_markup(ada.id, pick.message_id) is True  # at once
    assert not all(r.done() for r in replies)
    await asyncio.gather(*replies)
    await until(lambda: bot.emulator.chat(ada.id)[0].reply_markup is None, "the removal")
    edits = [c for c in bot.emulator.calls if c.method == "editMessageReplyMarkup"]
    last_reply = max(c.at for c in bot.emulator.calls if c.method == "sendMessage")
    assert edits[0].at >= last_reply  # replies first, then the cosmetic call
