"""Throughput under load: many users mid-generation, broadcasts and typing actions sharing
Telegram's rate limit. (Flood control and per-user backlogs: tests/test_plans.py.)"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from telegram.constants import ChatAction
from telegram.ext import MessageHandler, filters

from bot.emulator.harness import BotHarness
from tests.conftest import make_settings, run_harness_clean
from tests.helpers import new_job, started
from tests.test_jobs import open_card

ADMIN_ID = 4_300_001


async def until(predicate: Callable[[], object], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


async def timed(call: Awaitable[object]) -> float:
    started_at = time.monotonic()
    await call
    return time.monotonic() - started_at


async def test_a_hundred_users_mid_generation_do_not_hold_up_a_new_users_start(
    bot: BotHarness,
) -> None:
    """Each update holds a slot for its whole model call; with the default bound, a hundred
    users waiting on the model leave room for everyone else."""
    release = asyncio.Event()
    waiting: list[int] = []

    async def generating(update: object, context: object) -> None:
        waiting.append(1)
        await release.wait()

    bot.app.add_handler(MessageHandler(filters.Regex("^generate$"), generating), group=-100)
    try:
        for n in range(100):
            await bot.user(f"Busy{n}").send("generate", wait=False)
        await until(lambda: len(waiting) == 100, "every user's update to start")
        newcomer = bot.user("New")
        await newcomer.send("/start", wait=False)
        await newcomer.expect("interview coach", timeout=3)
        assert len(waiting) == 100 and not release.is_set()  # all still "generating"
    finally:
        release.set()
    await bot.idle()


# PTB 22 itself warns on every RetryAfter it builds that `retry_after` will become a timedelta.
@pytest.mark.filterwarnings("ignore:.*retry_after. will be of type:DeprecationWarning")
async def test_typing_and_drafts_neither_queue_behind_messages_nor_pause_on_a_429(
    bot: BotHarness,
) -> None:
    ada, bob = bot.user("Ada"), bot.user("Bob")
    api = bot.app.bot
    # 75 messages queued at once (as a broadcast or a busy minute would): 1.5 s beyond the
    # burst Telegram's overall 30 a second allows.
    sends = [
        asyncio.create_task(api.send_message(ada.id, f"news {n}", disable_notification=True))
        for n in range(75)
    ]
    await asyncio.sleep(0.05)
    assert await timed(api.send_chat_action(bob.id, ChatAction.TYPING)) < 0.5
    assert await timed(api.send_message_draft(bob.id, 7, "Thinking…")) < 0.5
    await asyncio.gather(*sends)
    assert bot.emulator.drafts[bob.id] == "Thinking…"

    # A 429 for Ada's chat holds Ada's messages until the wait is over (then they are retried);
    # Bob's typing and drafts go on (tests/test_delivery.py: other chats' messages too).
    bot.emulator.flood_limit = (3, 5.0)
    blocked = [asyncio.create_task(api.send_message(ada.id, f"more {n}")) for n in range(4)]
    await until(lambda: bot.emulator.flood_errors, "a 429")
    assert await timed(api.send_chat_action(bob.id, ChatAction.TYPING)) < 0.5
    assert await timed(api.send_message_draft(bob.id, 7, "Still thinking…")) < 0.5
    bot.emulator.flood_limit = None
    await asyncio.gather(*blocked)  # retried after the wait
    assert (bob.id, "typing") in bot.emulator.chat_actions


async def test_a_broadcast_leaves_most_of_telegrams_rate_to_users_by_default(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path, admin_ids=frozenset({ADMIN_ID}))
    async with run_harness_clean(settings) as bot:
        root = await started(bot, "Root", user_id=ADMIN_ID)
        for n in range(12):
            await started(bot, f"Reader{n}")
        await root.send("/broadcast Paced news")  # the preview
        before = len(bot.emulator.calls)
        await root.click("Send")
        await root.expect("finished", timeout=15)
        sent = [
            call.at
            for call in bot.emulator.calls[before:]
            if call.method == "sendMessage" and call.params.get("text") == "Paced news"
        ]
        assert len(sent) == 13
        pace = (len(sent) - 1) / (sent[-1] - sent[0])
        assert pace <= 10.5  # messages a second: 20 of Telegram's 30 stay free for replies


# ----- counted calls per visible change (issue 14.2) ------------------------------------------
COUNTED = ("sendMessage", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "deleteMessage")


def counted_since(bot: BotHarness, before: int) -> list[str]:
    """The calls Telegram counts against the limits (drafts and chat actions are not)."""
    return [c.method for c in bot.emulator.calls[before:] if c.method in COUNTED]


async def test_an_interview_turn_is_one_counted_message(bot: BotHarness) -> None:
    user = bot.user("Ada")
    await new_job(user)
    await user.send("/interview")
    await user.expect("Hi Ada")
    await bot.idle()
    before = len(bot.emulator.calls)
    await user.send(
        "I built Django REST services on PostgreSQL for payments, tested with pytest, and "
        "tuned slow queries with EXPLAIN and an index on the customer id."
    )
    await user.expect("Interviewer")
    await bot.idle()
    # The line is streamed as drafts (not counted), then sent once.
    assert counted_since(bot, before) == ["sendMessage"]


@pytest.mark.parametrize(
    ("button", "shows"),
    [
        ("Past questions", "questions"),
        ("Past interviews", "interviews"),
        ("✏️ Edit", "What would you like to change"),
    ],
)
async def test_a_job_card_action_is_one_counted_message(
    bot: BotHarness, button: str, shows: str
) -> None:
    user = bot.user("Ada")
    job = await new_job(user)
    await open_card(user, job)
    await bot.idle()
    before = len(bot.emulator.calls)
    await user.click(button)
    await user.expect(shows)
    await bot.idle()
    assert counted_since(bot, before) == ["sendMessage"]
