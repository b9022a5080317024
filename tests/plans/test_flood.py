"""Flood control: the per-user window in memory, and through the chat (one notice, a capped
backlog, counted on arrival)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from telegram import LabeledPrice, Update
from telegram.ext import MessageHandler, filters

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.i18n import texts
from bot.services.flood import FloodControl, Verdict
from handlers.plans.common import invoice_description, invoice_title
from models.payments import Plan
from tests.conftest import make_settings, run_harness_clean
from tests.helpers import started
from tests.plans.helpers import policy_of

# ----- flood control (in memory) ----------------------------------------------------------------


def test_flood_window_notice_once_then_drop_until_it_passes() -> None:
    now = [0.0]
    control = FloodControl(100, 60.0, clock=lambda: now[0])
    verdicts = []
    for _ in range(105):
        verdicts.append(control.hit(1))
        now[0] += 0.1
    assert verdicts[:100] == [Verdict.ALLOW] * 100
    assert verdicts[100:] == [Verdict.NOTIFY] + [Verdict.DROP] * 4
    assert control.hit(2) is Verdict.ALLOW  # another user is not affected
    assert control.retry_after(1) == pytest.approx(60.0 - 10.5)
    now[0] = 60.0  # the first accepted update has left the window
    assert control.hit(1) is Verdict.ALLOW
    assert control.hit(1) is Verdict.NOTIFY  # a new flood: told again, once
    assert control.hit(1) is Verdict.DROP


def test_flood_memory_is_bounded() -> None:
    now = [0.0]
    control = FloodControl(3, 60.0, max_users=50, clock=lambda: now[0])
    for user_id in range(1000):
        control.hit(user_id)
    assert len(control) == 50
    for _ in range(10):
        control.hit(7)
    assert len(control._users[7].accepted) == 3  # never more than the limit
    now[0] = 61.0
    control.hit(1)  # everyone idle for a whole window is forgotten
    assert len(control) == 1


async def test_flood_of_101_messages_gets_one_notice_and_others_are_unaffected(
    bot: BotHarness,
) -> None:
    ada, bob = bot.user("Ada"), bot.user("Bob")
    sold = policy_of(bot).offer(ada.id, Plan.PRO)
    await bot.app.bot.send_invoice(  # an invoice Ada got before the flood
        chat_id=ada.id,
        title=invoice_title(texts("en"), sold),
        description=invoice_description(texts("en"), sold),
        payload=sold.payload,
        currency="XTR",
        prices=[LabeledPrice("Pro", sold.price)],
    )
    for n in range(101):  # one after another, as fast as the bot answers (a burst that piles
        await ada.send(f"message {n}")  # up behind a slow update is capped sooner: see below)
    await bob.send("/plan", wait=False)
    await bot.idle(timeout=60)
    replies = [m for m in ada.bot_messages if m.kind == "text"]
    assert len([m for m in replies if "Slow down" in m.text]) == 1, ada.transcript()
    assert len([m for m in replies if "not waiting" in m.text]) == 100
    await bob.expect("Your plan: Free")
    for n in range(3):
        await ada.send(f"still flooding {n}")
        assert ada.since_last_action() == []  # dropped silently

    # Payments are never dropped: Telegram is waiting for the answer.
    receipt = await ada.pay()
    assert receipt.ok, receipt.error
    await ada.expect("Pro is active")


@asynccontextmanager
async def slow_recorder(
    bot: BotHarness,
) -> AsyncIterator[tuple[list[tuple[int, str]], asyncio.Event]]:
    """Records every plain text that reaches the first handler group, as (user id, text);
    "slow" blocks there (like a minutes-long model call) until the event is set (at the
    latest on leaving the block, so a failing test does not hang)."""
    seen: list[tuple[int, str]] = []
    release = asyncio.Event()

    async def record(update: Update, context: object) -> None:
        assert update.message and update.effective_user
        seen.append((update.effective_user.id, update.message.text or ""))
        if update.message.text == "slow":
            await release.wait()

    bot.app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, record), group=-100)
    try:
        yield seen, release
    finally:
        release.set()


async def until(predicate: Callable[[], object], what: str, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def notices(user: EmulatedUser) -> list[str]:
    return [m.text for m in user.bot_messages if "Slow down" in m.text]


async def test_updates_piling_up_behind_a_slow_one_are_capped_with_one_notice(
    bot: BotHarness,
) -> None:
    ada = await started(bot, "Ada")
    await ada.send("/upgrade")
    invoice = next(m for m in ada.since_last_action() if m.kind == "invoice")
    async with slow_recorder(bot) as (seen, release):
        await ada.send("slow", wait=False)
        await until(lambda: seen == [(ada.id, "slow")], "the slow update to start")
        for n in range(30):
            await ada.send(f"m {n}", wait=False)
        # Told at once, while the slow update still runs: the extra ones were not kept waiting.
        await until(lambda: notices(ada), "the notice")
        assert notices(ada) == [
            "🐢 Slow down, please — I'm still working on your earlier messages. "
            "I'll ignore new ones until I've caught up."
        ]
        receipt = await ada.pay(invoice, wait=False)  # payments are never dropped
        assert receipt.ok, receipt.error
        assert seen == [(ada.id, "slow")] and not release.is_set()
    await bot.idle()
    # 20 waited and ran in order; the other 10 reached no handler at all (nor the database).
    assert seen == [(ada.id, "slow")] + [(ada.id, f"m {n}") for n in range(20)]
    replies = [m.text for m in ada.bot_messages if "not waiting" in m.text]
    assert len(replies) == 21
    assert len(notices(ada)) == 1
    await ada.send("/plan")
    await ada.expect("Your plan: Pro")
    await ada.send("back again")  # the backlog is gone: handled as usual
    assert seen[-1] == (ada.id, "back again")


async def test_flood_is_counted_when_updates_arrive_not_when_their_turn_comes(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path, flood_updates_per_minute=5)
    group = -100_200_300
    async with run_harness_clean(settings) as bot, slow_recorder(bot) as (seen, release):
        ada, bob = bot.user("Ada"), bot.user("Bob")
        await ada.send("slow", wait=False)
        await until(lambda: seen == [(ada.id, "slow")], "the slow update to start")
        for n in range(8):
            await ada.send(f"m {n}", wait=False)
        await until(lambda: notices(ada), "the notice")  # while "slow" is still running
        assert not release.is_set()
        [notice] = notices(ada)
        told = "🐢 Slow down, please — that's more than 5 messages in a minute. I'll ignore new"
        assert notice.startswith(told)
        assert 55 <= int(notice.removeprefix(told).split()[-2]) <= 60  # "ones for about 60 s."
        for n in range(8):  # in a group the bot never posts the notice
            await bob.send(f"chatter {n}", group=group, wait=False)
        release.set()
        await bot.idle()
        assert [text for user_id, text in seen if user_id == ada.id] == [
            "slow",
            *(f"m {n}" for n in range(4)),
        ]
        assert [text for user_id, text in seen if user_id == bob.id] == [
            f"chatter {n}" for n in range(5)
        ]
        assert len(notices(ada)) == 1
        assert not [m for m in bot.emulator.chat(group) if m.from_bot]
        assert bob.bot_messages == []
