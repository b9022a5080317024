"""Admin commands through the emulator: figures, users, plans, bans, broadcasts, refunds, audit."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator, ChatMessage
from bot.emulator.types import SUBSCRIPTION_PERIOD
from bot.services import broadcast
from bot.settings import Settings
from models import Interview, JobInfo, Question, User
from models.admin import (
    AdminAction,
    Broadcast,
    BroadcastDelivery,
    BroadcastStatus,
    DeliveryStatus,
)
from models.answers import Answer
from models.core import InterviewStatus
from models.learning import Reminder
from models.payments import Payment, Plan
from models.resume import ResumeAnalysisRecord
from tests.conftest import make_settings, run_harness_clean
from tests.helpers import started

ADMIN_ID = 4_200_001
ADMIN_COMMANDS = ("stats", "user", "setplan", "ban", "unban", "broadcast", "refund")
UNKNOWN = "Sorry, I don't know that command. See /help."


def admin_settings(database_url: str, tmp_path: Path, **overrides: object) -> Settings:
    return make_settings(database_url, tmp_path, admin_ids=frozenset({ADMIN_ID}), **overrides)


@pytest.fixture
async def bot(database_url: str, tmp_path: Path) -> AsyncIterator[BotHarness]:
    async with run_harness_clean(admin_settings(database_url, tmp_path)) as harness:
        yield harness


@pytest.fixture
async def root(bot: BotHarness) -> EmulatedUser:
    return await started(bot, "Root", user_id=ADMIN_ID)


async def wait_until(predicate: Callable[[], object], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not await _value(predicate()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def _value(result: object) -> object:
    return await result if inspect.isawaitable(result) else result


def texts(emulator: BotAPIEmulator, user_id: int, needle: str) -> list[ChatMessage]:
    return [m for m in emulator.chat(user_id) if m.from_bot and needle in m.text]


# ----- who may use them ---------------------------------------------------------------------
async def test_non_admin_gets_the_unknown_command_reply_and_changes_nothing(
    bot: BotHarness, root: EmulatedUser
) -> None:
    ada = await started(bot, "Ada")
    draft_count = await Broadcast.all().count()
    for command in (
        "/stats",
        f"/user {ADMIN_ID}",
        f"/setplan {ada.id} max",
        f"/ban {ADMIN_ID} nope",
        f"/unban {ada.id}",
        "/broadcast Free stars for everyone",
        "/refund ch_nothing",
        "/stats@coach_bot",
    ):
        await ada.send(command)
        replies = ada.since_last_action()
        assert [m.text for m in replies] == [UNKNOWN], (command, ada.transcript())
    await ada.send("/frobnicate")
    assert [m.text for m in ada.since_last_action()] == [UNKNOWN]

    assert await AdminAction.all().count() == 0
    assert (await User.get(id=ada.id)).plan == Plan.FREE
    assert not (await User.get(id=ADMIN_ID)).is_banned
    assert await Broadcast.all().count() == draft_count == 0

    # Nothing reveals them: not in /help, not in the default menu.
    await ada.send("/help")
    help_text = (await ada.expect("commands")).text
    default_menu = {c["command"] for c in bot.emulator.commands['{"type": "default"}']}
    for command in ADMIN_COMMANDS:
        assert f"/{command} " not in help_text
        assert command not in default_menu


async def test_admin_menu_is_scoped_to_admin_chats(bot: BotHarness) -> None:
    scope = json.dumps({"chat_id": ADMIN_ID, "type": "chat"}, sort_keys=True)
    admin_menu = [c["command"] for c in bot.emulator.commands[scope]]
    public = [c["command"] for c in bot.emulator.commands['{"type": "default"}']]
    assert admin_menu[: len(public)] == public
    assert set(admin_menu) == set(public) | set(ADMIN_COMMANDS)
    chats = [key for key in bot.emulator.commands if '"chat"' in key]
    assert chats == [scope]  # the one admin's chat (besides the menus of each language)


async def test_former_admins_lose_the_admin_menu_at_the_next_start(
    database_url: str, tmp_path: Path
) -> None:
    """Their ids are remembered in the audit trail: from a command they ran, or from the menu
    being set for them."""
    emulator = BotAPIEmulator()
    quiet, busy = 4_200_002, 4_200_003  # one never ran a command, one did

    def has_menu(admin_id: int) -> bool:
        return json.dumps({"chat_id": admin_id, "type": "chat"}, sort_keys=True) in (
            emulator.commands
        )

    def start(*admins: int, wipe: bool = False) -> run_harness_clean:
        settings = make_settings(database_url, tmp_path, admin_ids=frozenset(admins))
        return run_harness_clean(settings, emulator, wipe=wipe)

    async with start(ADMIN_ID, quiet, busy, wipe=True) as bot:
        await (await started(bot, "Busy", user_id=busy)).send("/stats")
    async with start(ADMIN_ID, quiet, busy):  # the trail now knows all three
        assert all(has_menu(a) for a in (ADMIN_ID, quiet, busy))
    async with start(ADMIN_ID):
        assert has_menu(ADMIN_ID) and not has_menu(quiet) and not has_menu(busy)
        taken = await AdminAction.filter(command="menu", result__startswith="admin menu removed")
        assert sorted(a.admin_id for a in taken) == [quiet, busy]
    calls = len(emulator.calls)
    async with start(ADMIN_ID):  # nothing left to take back
        assert not any(c.method == "deleteMyCommands" for c in emulator.calls[calls:])
    async with start(ADMIN_ID, quiet):  # an admin again, then not again
        assert has_menu(quiet)
    async with start(ADMIN_ID):
        assert has_menu(ADMIN_ID) and not has_menu(quiet)


async def test_admin_callbacks_from_others_look_stale(bot: BotHarness, root: EmulatedUser) -> None:
    ada = await started(bot, "Ada")
    await root.send("/broadcast Hello")
    draft = await Broadcast.get()
    query = await ada.press(f"admin.send:{draft.id}")
    answer = ada.callback_answer(query)
    assert answer is not None and "no longer active" in answer["text"]
    assert (await Broadcast.get(id=draft.id)).status == BroadcastStatus.DRAFT
    assert await BroadcastDelivery.all().count() == 0


# ----- /stats -------------------------------------------------------------------------------
async def test_stats_reports_every_figure(bot: BotHarness, root: EmulatedUser) -> None:
    ada, bob, cy = [await started(bot, n) for n in ("Ada", "Bob", "Cy")]
    now = datetime.now(UTC)
    # Cy joined long ago and hasn't been seen for weeks; Bob is on Pro, Cy's Max has expired.
    await User.filter(id=cy.id).update(
        created_at=now - timedelta(days=40),
        last_seen_at=now - timedelta(days=20),
        plan=Plan.MAX,
        plan_expires_at=now - timedelta(days=1),
    )
    await User.filter(id=bob.id).update(plan=Plan.PRO, plan_expires_at=now + timedelta(days=9))
    job = await JobInfo.create(
        user_id=ada.id, name="Backend", experience_level="junior", description="Python " * 10
    )
    bobs = await JobInfo.create(
        user_id=bob.id, name="Frontend", experience_level="senior", description="React " * 10
    )
    questions = [
        await Question.create(job_info=job, text=f"Q{i}", difficulty="easy") for i in range(3)
    ]
    for question, rating in zip(questions, (4, 7, 8), strict=True):
        await Answer.create(question=question, text="a", rating=rating, feedback="f")
    start = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    for minutes, rating in ((10, 6), (20.5, 9)):
        await Interview.create(
            job_info=job,
            user_id=ada.id,
            status=InterviewStatus.COMPLETED,
            started_at=start,
            ended_at=start + timedelta(minutes=minutes),
            overall_rating=rating,
        )
    await Interview.create(job_info=job, user_id=ada.id, status=InterviewStatus.ACTIVE)
    await ResumeAnalysisRecord.create(job_info=job, overall_score=7, result={}, file_kind="pdf")
    for charge, amount, refunded in (("c1", 250, False), ("c2", 500, False), ("c3", 250, True)):
        await Payment.create(
            user_id=bob.id,
            plan=Plan.PRO,
            amount=amount,
            telegram_payment_charge_id=charge,
            refunded=refunded,
        )

    # Bob answered 20 days ago (a learner in 30 days, not in 7); Cy has a reminder on.
    old = await Question.create(job_info=bobs, text="Q old", difficulty="easy")
    await Answer.create(
        question=old, text="a", rating=5, feedback="f", created_at=now - timedelta(days=20)
    )
    await Reminder.create(user_id=cy.id, hour=19, minute=0, time_zone="UTC", next_at=now)

    await root.send("/stats")
    text = (await root.expect("Stats")).text
    assert (
        "Learners: active in 7 days 1 · in 30 days 2 · answers a day 0.4 · reminders on 1" in text
    )
    assert "Users: 4 · new in 7 days 3 · active in 7 days 3" in text
    assert "Plans: free 3 · pro 1 · max 0" in text
    assert "Job profiles: 2" in text
    assert "Questions: 4 · answers: 4 · average rating 6.0/10" in text
    assert "Interviews: 3 · completed 2 · average duration 15:15 · average rating 7.5/10" in text
    assert "Resume analyses: 1" in text
    assert "Stars received: 750 ⭐ from 2 payments" in text

    await root.send("/stats please")
    await root.expect("Usage: /stats")


# ----- /user --------------------------------------------------------------------------------
async def test_user_shows_profile_plan_usage_and_activity(
    bot: BotHarness, root: EmulatedUser
) -> None:
    ada = await started(bot, "Ada")
    await User.filter(id=ada.id).update(questions_used=3, interviews_used=1)
    await JobInfo.create(
        user_id=ada.id, name="Backend", experience_level="junior", description="Python " * 10
    )

    await root.send("/user @ada")
    card = (await root.expect("Ada")).text
    assert f"Ada @ada ({ada.id})" in card
    assert "Plan: Free" in card
    assert "practice questions: 3 of 5" in card and "mock interviews: 1 of 2" in card
    assert "resume analyses: 0 (not in the plan)" in card
    assert "interview starts left: 12 of 12" in card
    assert "Job profiles: 1" in card
    assert "last active " + datetime.now(UTC).strftime("%Y-%m-%d") in card
    assert "Status: active" in card and "Reachable: yes" in card

    await User.filter(id=ada.id).update(
        plan=Plan.MAX, plan_expires_at=datetime.now(UTC) - timedelta(hours=1)
    )
    await root.send(f"/user {ada.id}")
    card = (await root.expect("Ada")).text
    assert f"({ada.id})" in card and "Plan: Free (Max has ended)" in card

    for bad, answer in (
        ("/user", "Usage: /user <id | @username>"),
        ("/user ada", "Usage: /user"),
        ("/user @ada extra", "Usage: /user"),
        ("/user 9999999999999999999", "Usage: /user"),  # past BIGINT
        ("/user 12345", "No user 12345."),
        ("/user @nobody", "No user @nobody."),
    ):
        await root.send(bad)
        replies = [m.text for m in root.since_last_action()]
        assert len(replies) == 1 and replies[0].startswith(answer), (bad, replies)


# ----- /setplan -----------------------------------------------------------------------------
async def test_setplan_sets_plan_and_expiry(bot: BotHarness, root: EmulatedUser) -> None:
    ada = await started(bot, "Ada")
    await root.send("/setplan @ada pro 10")
    await root.expect("is now on Pro until")
    user = await User.get(id=ada.id)
    assert user.plan == Plan.PRO and user.plan_expires_at is not None
    assert abs(user.plan_expires_at - (datetime.now(UTC) + timedelta(days=10))) < timedelta(
        minutes=1
    )

    await root.send(f"/setplan {ada.id} MAX")
    await root.expect("is now on Max (no end)")
    user = await User.get(id=ada.id)
    assert (user.plan, user.plan_expires_at) == (Plan.MAX, None)
    await root.send("/user @ada")
    assert "Plan: Max (no end)" in (await root.expect("Ada")).text
    assert "resume analyses: 0 (unlimited)" in root.last.text

    await root.send("/setplan @ada free")
    await root.expect("is now on Free")
    assert (await User.get(id=ada.id)).plan == Plan.FREE

    for bad, answer in (
        ("/setplan @ada", "Usage: /setplan"),
        ("/setplan @ada gold", "Usage: /setplan"),
        ("/setplan @ada pro soon", "Usage: /setplan"),
        ("/setplan @ada pro 0", "Days must be 1 to 3650."),
        ("/setplan @ada free 5", "The free plan has no end"),
        ("/setplan @ghost pro 5", "No user @ghost."),
    ):
        await root.send(bad)
        await root.expect(answer)
    assert (await User.get(id=ada.id)).plan == Plan.FREE


# ----- /ban /unban --------------------------------------------------------------------------
async def test_ban_gives_one_notice_and_blocks_everything_until_unban(
    bot: BotHarness, root: EmulatedUser
) -> None:
    ada = await started(bot, "Ada")
    await ada.send("/help")  # a message with no buttons; a button of an earlier message below
    await root.send("/ban @ada spamming the bot")
    await root.expect("Banned Ada @ada")
    user = await User.get(id=ada.id)
    assert user.is_banned and user.ban_reason == "spamming the bot"

    await ada.send("/start")
    assert [m.text for m in ada.since_last_action()] == [
        "🚫 Your access to this bot has been suspended."
    ]
    for text in ("/help", "hello", "/newjob", "/practice"):
        await ada.send(text)
        assert ada.since_last_action() == [], (text, ada.transcript())
    query = await ada.press("jobs:open:1")
    assert ada.since_last_action() == []
    answer = ada.callback_answer(query)
    assert answer is not None and "text" not in answer  # answered silently: no spinner

    await root.send("/user @ada")
    assert "Status: 🚫 banned: spamming the bot" in (await root.expect("Ada")).text
    await root.send("/ban @ada")
    await root.expect("Already banned")
    await root.send(f"/ban {ADMIN_ID}")
    await root.expect("Admins can't be banned.")
    await root.send("/ban")
    await root.expect("Usage: /ban <id | @username> [reason]")

    await root.send("/unban @ada")
    await root.expect("Unbanned Ada")
    assert not (await User.get(id=ada.id)).is_banned
    await ada.send("/help")
    await ada.expect("Commands")
    await root.send("/unban @ada")
    await root.expect("is not banned")
    await root.send("/unban")
    await root.expect("Usage: /unban")


async def test_ban_cancels_the_subscription_and_a_renewal_already_charged_is_recorded(
    bot: BotHarness, root: EmulatedUser
) -> None:
    ada = await started(bot, "Ada")
    await ada.send("/upgrade")
    max_invoice = [m for m in ada.since_last_action() if m.kind == "invoice"][-1]
    link = next(b["url"] for b in max_invoice.buttons if "url" in b)
    subscription = await ada.pay(link)
    assert subscription.ok and subscription.invoice and subscription.subscription_expiration_date
    # Telegram charges the next period just as the admin bans her; it arrives after the ban.
    in_flight = bot.emulator.charge(
        ada.profile,
        subscription.invoice,
        recurring=True,
        expires=subscription.subscription_expiration_date + SUBSCRIPTION_PERIOD,
    )

    await root.send("/ban @ada")
    banned = await root.expect("Banned Ada @ada")
    assert f"subscription ({subscription.charge_id}) renews no more" in banned.text
    edits = [c.params for c in bot.emulator.calls if c.method == "editUserStarSubscription"]
    assert edits == [
        {
            "user_id": ada.id,
            "telegram_payment_charge_id": subscription.charge_id,
            "is_canceled": True,
        }
    ]
    audit = await AdminAction.get(command="ban")
    assert audit.result == f"user {ada.id} banned; subscription {subscription.charge_id} cancelled"

    refused = await ada.pay(max_invoice)  # a new payment: refused at pre-checkout
    assert not refused.ok and refused.error == "🚫 Your access to this bot has been suspended."
    await bot.emulator.push_update(  # the renewal charged before the cancellation: recorded
        {
            "message": {
                "message_id": bot.emulator.new_message_id(),
                "date": int(time.time()),
                "chat": bot.emulator.private_chat(ada.id),
                "from": ada.profile,
                "successful_payment": in_flight,
            }
        }
    )
    await bot.idle()
    later = await ada.renew(subscription)  # cancelled: Telegram charges no more periods
    assert not later.ok
    charges = {subscription.charge_id, in_flight["telegram_payment_charge_id"]}
    assert (
        set(
            await Payment.filter(user_id=ada.id).values_list(
                "telegram_payment_charge_id", flat=True
            )
        )
        == charges
    )


async def test_ban_reports_a_subscription_telegram_would_not_cancel(
    bot: BotHarness, root: EmulatedUser
) -> None:
    """A subscription recorded here that Telegram doesn't know: the ban holds, the admin and
    the audit trail are told."""
    ada = await started(bot, "Ada")
    await Payment.create(
        user_id=ada.id,
        plan=Plan.PRO,
        amount=250,
        telegram_payment_charge_id="ch_unknown_sub",
        is_recurring=True,
    )
    await root.send("/ban @ada")
    told = await root.expect("Banned Ada @ada")
    assert (
        "refused to cancel their subscription (ch_unknown_sub): charge_not_found"
        in told.text.lower()
    )
    assert (await User.get(id=ada.id)).is_banned
    audit = await AdminAction.get(command="ban")
    assert audit.ok and audit.result.lower() == (
        f"user {ada.id} banned; subscription ch_unknown_sub not cancelled: charge_not_found"
    )


# ----- /refund ------------------------------------------------------------------------------
async def test_refund_reverts_the_plan_once(bot: BotHarness, root: EmulatedUser) -> None:
    ada = await started(bot, "Ada")
    await ada.send("/upgrade")
    invoice = next(m for m in ada.since_last_action() if m.kind == "invoice")  # Pro
    receipt = await ada.pay(invoice)
    assert receipt.ok and receipt.charge_id, receipt.error
    await ada.expect("active until")
    assert (await User.get(id=ada.id)).plan == Plan.PRO
    price = bot.app.bot_data["services"].plans.price(Plan.PRO)

    await root.send(f"/refund {receipt.charge_id}")
    await root.expect(f"Refunded {price} ⭐ to user {ada.id}")
    assert [(r["user_id"], r["telegram_payment_charge_id"]) for r in bot.emulator.refunds] == [
        (ada.id, receipt.charge_id)
    ]
    assert (await Payment.get(telegram_payment_charge_id=receipt.charge_id)).refunded
    assert (await User.get(id=ada.id)).plan == Plan.FREE

    await root.send(f"/refund {receipt.charge_id}")
    await root.expect("That payment was refunded already.")
    await root.send("/refund ch_unknown")
    await root.expect("No payment with that charge id.")
    await root.send("/refund")
    await root.expect("Usage: /refund <telegram_payment_charge_id>")
    await root.send("/refund a b")
    await root.expect("Usage: /refund")

    # A payment Telegram never charged: it refuses, and nothing changes here.
    await Payment.create(
        user_id=ada.id, plan=Plan.MAX, amount=500, telegram_payment_charge_id="ch_forged"
    )
    await root.send("/refund ch_forged")
    await root.expect("Telegram refused the refund: CHARGE_NOT_FOUND")
    assert not (await Payment.get(telegram_payment_charge_id="ch_forged")).refunded
    assert len(bot.emulator.refunds) == 1


# ----- /broadcast ---------------------------------------------------------------------------
async def test_broadcast_reaches_active_users_and_marks_blockers_inactive(
    bot: BotHarness, root: EmulatedUser
) -> None:
    ada, bob, cy, dan = [await started(bot, n) for n in ("Ada", "Bob", "Cy", "Dan")]
    cy.block_bot()
    await User.filter(id=dan.id).update(is_banned=True)

    # The text is the admin's as typed: what looks like markup is shown, not interpreted.
    await root.send("/broadcast New: <b>voice</b> & mock interviews!")
    await root.expect("It goes to 4 active users")  # Root, Ada, Bob, Cy (not yet known blocked)
    preview = root.last
    assert preview.text == "New: <b>voice</b> & mock interviews!"
    assert root.buttons(preview) == ["Send", "Cancel"]
    send_data = preview.buttons[0]["callback_data"]
    assert texts(bot.emulator, ada.id, "mock interviews") == []  # nothing sent before Send

    await root.click("Send")
    finished = await root.expect("finished", timeout=10)
    assert "sent 3 · blocked the bot 1 · failed 0 (of 4)" in finished.text
    assert root.buttons(preview) == []
    for user in (ada, bob, root):
        received = texts(bot.emulator, user.id, "mock interviews")
        assert [m.text for m in received if m is not preview] == [preview.text]
    assert texts(bot.emulator, cy.id, "mock interviews") == []
    assert texts(bot.emulator, dan.id, "mock interviews") == []
    assert not (await User.get(id=cy.id)).is_active
    assert (await User.get(id=ada.id)).is_active
    assert (await Broadcast.get()).status == BroadcastStatus.DONE

    # A second press of Send sends nothing more.
    query = await root.press(send_data, preview)
    answer = root.callback_answer(query)
    assert answer is not None and "already" in answer["text"]
    assert len(texts(bot.emulator, ada.id, "mock interviews")) == 1

    # The user who blocked the bot comes back: reachable again.
    bot.emulator.blocked.discard(cy.id)
    await cy.send("/help")
    assert (await User.get(id=cy.id)).is_active


async def test_broadcast_cancel_and_usage(bot: BotHarness, root: EmulatedUser) -> None:
    ada = await started(bot, "Ada")
    await root.send("/broadcast Never mind")
    await root.click("Cancel")
    await root.expect("cancelled; nothing was sent")
    assert (await Broadcast.get()).status == BroadcastStatus.CANCELLED
    assert await BroadcastDelivery.all().count() == 0
    assert texts(bot.emulator, ada.id, "Never mind") == []
    for bad in ("/broadcast", "/broadcast    "):
        await root.send(bad)
        await root.expect("Usage: /broadcast <text>")


async def test_broadcast_resumes_after_restart_and_sends_nobody_twice(
    database_url: str, tmp_path: Path
) -> None:
    emulator = BotAPIEmulator()
    slow = admin_settings(database_url, tmp_path, broadcast_per_second=4)
    async with run_harness_clean(slow, emulator) as first:
        root = await started(first, "Root", user_id=ADMIN_ID)
        users = [await started(first, f"User{i}") for i in range(7)]
        await root.send("/broadcast Restart-proof news")
        preview = root.last
        await root.click("Send")
        await wait_until(
            lambda: sum(len(texts(emulator, u.id, "Restart-proof")) for u in users) >= 2,
            "the first deliveries",
        )
        # The last user's delivery is caught mid-send, as by a crash: it may have arrived, so
        # it must never be sent again.
        crashed = users[-1]
        await BroadcastDelivery.filter(user_id=crashed.id).update(status=DeliveryStatus.SENDING)
    delivered = sum(len(texts(emulator, u.id, "Restart-proof")) for u in users)
    assert 2 <= delivered < len(users) - 1  # stopped mid-way

    fast = admin_settings(database_url, tmp_path)
    async with run_harness_clean(fast, emulator, wipe=False):
        await wait_until(
            lambda: Broadcast.filter(status=BroadcastStatus.DONE).exists(), "the broadcast"
        )
        for user in [root, *users]:
            received = [m for m in texts(emulator, user.id, "Restart-proof") if m is not preview]
            assert len(received) == (0 if user is crashed else 1), user.id
        delivery = await BroadcastDelivery.get(user_id=crashed.id)
        assert delivery.status == DeliveryStatus.UNKNOWN
        progress = [m for m in emulator.chat(ADMIN_ID) if "Broadcast #" in m.text]
        assert "finished: sent 7 · blocked the bot 0 · failed 1 (of 8)" in progress[-1].text


async def test_broadcast_start_records_every_recipient_in_one_statement(
    db: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Send makes a delivery per active, non-banned user with one INSERT … SELECT: no paging
    through users inside the transaction (on SQLite, a lock on the whole database)."""
    users = [
        User(id=10_000 + i, name=f"U{i}", is_active=i % 7 != 0, is_banned=i % 11 == 0)
        for i in range(450)  # more than one page of the former batches
    ]
    await User.bulk_create(users)
    expected = sorted(u.id for u in users if u.is_active and not u.is_banned)
    draft = await broadcast.create_draft(ADMIN_ID, "Hello")
    caplog.set_level(logging.DEBUG, logger="tortoise.db_client")
    caplog.clear()
    assert await broadcast.start(draft.id) == len(expected)
    on_users = [r.getMessage() for r in caplog.records if '"users"' in r.getMessage()]
    assert len(on_users) == 1 and on_users[0].startswith("INSERT INTO"), on_users

    deliveries = await BroadcastDelivery.filter(broadcast_id=draft.id).order_by("id")
    assert [d.user_id for d in deliveries] == expected  # sent in user order, as before
    assert {d.status for d in deliveries} == {DeliveryStatus.PENDING}
    now = datetime.now(UTC)
    assert all(abs(now - d.updated_at) < timedelta(minutes=1) for d in deliveries)
    assert (await Broadcast.get(id=draft.id)).status == BroadcastStatus.SENDING
    assert await broadcast.start(draft.id) is None  # a second Send records nothing
    assert await BroadcastDelivery.all().count() == len(expected)
    progress = await broadcast.progress(draft.id)
    assert (progress.total, progress.pending) == (len(expected), len(expected))


# ----- audit and activity -------------------------------------------------------------------
async def test_every_admin_command_is_audited(bot: BotHarness, root: EmulatedUser) -> None:
    ada = await started(bot, "Ada")
    await root.send("/stats")
    await root.send("/ban @ada rude")
    await root.send("/setplan @ada gold")
    await root.send("/broadcast Hi all")
    await root.click("Cancel")
    actions = await AdminAction.all().order_by("id")
    assert [(a.admin_id, a.command, a.arguments, a.ok) for a in actions] == [
        (ADMIN_ID, "stats", "", True),
        (ADMIN_ID, "ban", "@ada rude", True),
        (ADMIN_ID, "setplan", "@ada gold", False),
        (ADMIN_ID, "broadcast", "Hi all", True),
        (ADMIN_ID, "broadcast:cancel", str((await Broadcast.get()).id), True),
    ]
    assert actions[1].result == f"user {ada.id} banned"
    assert actions[2].result.startswith("Usage: /setplan")
    assert all(abs(a.created_at - datetime.now(UTC)) < timedelta(minutes=1) for a in actions)


async def test_last_seen_is_refreshed_every_few_minutes_not_every_update(
    bot: BotHarness,
) -> None:
    ada = await started(bot, "Ada")
    first = (await User.get(id=ada.id)).last_seen_at
    assert first is not None and abs(first - datetime.now(UTC)) < timedelta(minutes=1)
    await ada.send("/help")
    assert (await User.get(id=ada.id)).last_seen_at == first  # within minutes: no write
    earlier = datetime.now(UTC) - timedelta(minutes=6)
    await User.filter(id=ada.id).update(last_seen_at=earlier)
    await ada.send("/help")
    assert (await User.get(id=ada.id)).last_seen_at > earlier + timedelta(minutes=5)
