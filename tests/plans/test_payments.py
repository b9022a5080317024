"""Telegram Stars payments: activation, expiry, upgrades, replays, refunds and pre-checkout at
the service level, and through the emulator as a user would (invoices, subscriptions, /plan)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator
from bot.i18n import texts
from bot.services import plans
from bot.services.plans import CheckoutRefusal, PlanPolicy
from bot.services.quotas import QuotaExceeded, Quotas
from bot.settings import Settings
from models import User
from models.payments import Payment, Plan
from tests.conftest import make_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI
from tests.helpers import new_job, started
from tests.plans.helpers import FakeClock, new_user, pay, policy_of, practise_once, spend_all

# ----- payments, expiry and refunds at the service level ----------------------------------------


def refusal(kind: str) -> str:
    """A pre-checkout refusal as the payer sees it."""
    return texts("en").plain(f"plans-checkout-{kind}")


async def test_payment_activates_extends_and_expires(
    db: str, clock: FakeClock, quotas: Quotas, policy: PlanPolicy
) -> None:
    await new_user()
    await spend_all(quotas, 1, "question", 5)
    start = clock.at
    first = await pay(policy, 1, Plan.PRO, "c1")
    assert first.applied and (first.plan, first.expires_at) == (Plan.PRO, start + timedelta(30))
    await spend_all(quotas, 1, "question", 3)  # limits lifted

    clock.advance(days=10)
    second = await pay(policy, 1, Plan.PRO, "c2")  # extended from the end, not from now
    assert second.expires_at == start + timedelta(days=60)

    clock.advance(days=50, seconds=-1)
    await quotas.check(1, "question")
    clock.advance(seconds=1)  # the plan has ended: Free again, with 8 questions used
    with pytest.raises(QuotaExceeded) as refused:
        await quotas.check(1, "question")
    assert (refused.value.plan, refused.value.limit) == (Plan.FREE, 5)
    usage = await quotas.usage(1)
    assert usage.plan is Plan.FREE and usage.expired is Plan.PRO and usage.expires_at is None

    clock.advance(days=100)  # a new purchase starts now
    third = await pay(policy, 1, Plan.MAX, "c3")
    assert (third.plan, third.expires_at) == (Plan.MAX, clock.at + timedelta(days=30))


async def test_upgrading_pro_to_max_carries_the_time_left_over_by_value(
    db: str, clock: FakeClock, policy: PlanPolicy
) -> None:
    await new_user()
    await pay(policy, 1, Plan.PRO, "pro")  # 250 Stars
    clock.advance(days=10)  # 20 days of Pro left = 10 days of Max (500 Stars)
    upgraded = await pay(policy, 1, Plan.MAX, "max")
    assert upgraded.plan is Plan.MAX
    assert upgraded.expires_at == clock.at + timedelta(days=40)
    # Pro bought while on Max (a race past pre-checkout): Max time of the value paid.
    late = await pay(policy, 1, Plan.PRO, "pro-late")
    assert late.plan is Plan.MAX and late.expires_at == clock.at + timedelta(days=55)


async def test_a_repeated_charge_is_applied_once(
    db: str, clock: FakeClock, policy: PlanPolicy
) -> None:
    await new_user()
    first = await pay(policy, 1, Plan.PRO, "same")
    again = await pay(policy, 1, Plan.PRO, "same")
    assert first.applied and not again.applied
    assert again.expires_at == first.expires_at
    assert await Payment.filter(user_id=1).count() == 1
    # Two deliveries of the same charge at the same moment: still once.
    results = await asyncio.gather(
        pay(policy, 1, Plan.MAX, "twin"), pay(policy, 1, Plan.MAX, "twin")
    )
    assert sorted(r.applied for r in results) == [False, True]
    assert await Payment.filter(user_id=1).count() == 2


async def test_a_payment_at_another_amount_is_recorded_but_grants_nothing(
    db: str, clock: FakeClock, policy: PlanPolicy
) -> None:
    """Only a bypassed pre-checkout could let it through: Telegram's amount is checked again."""
    await new_user()
    start = clock.at
    await pay(policy, 1, Plan.PRO, "right")
    wrong = await pay(policy, 1, Plan.MAX, "wrong", price=1)
    assert wrong.applied and wrong.wrong_amount
    assert (wrong.plan, wrong.expires_at) == (Plan.PRO, start + timedelta(days=30))
    recorded = await Payment.get(telegram_payment_charge_id="wrong")
    assert (recorded.amount, recorded.plan, recorded.refunded) == (1, Plan.MAX, False)
    again = await pay(policy, 1, Plan.MAX, "wrong", price=1)  # delivered again
    assert not again.applied and again.wrong_amount and again.plan is Plan.PRO

    # When the plan is worked out again from the payments, it still counts for nothing.
    clock.advance(days=1)
    await policy.refund_payment("right")
    user = await User.get(id=1)
    assert plans.effective_plan(user.plan, user.plan_expires_at, clock.at) is Plan.FREE
    # Refunding it (support's fix) takes back nothing it didn't give.
    bought = await pay(policy, 1, Plan.PRO, "later")
    refunded = await policy.refund_payment("wrong")
    assert refunded is not None and refunded.refunded
    user = await User.get(id=1)
    assert (user.plan, user.plan_expires_at) == (Plan.PRO, bought.expires_at)


async def test_refund_takes_back_exactly_what_the_payment_bought(
    db: str, clock: FakeClock, policy: PlanPolicy
) -> None:
    await new_user()
    start = clock.at
    await pay(policy, 1, Plan.PRO, "a")
    clock.advance(days=5)
    await pay(policy, 1, Plan.PRO, "b")
    clock.advance(days=1)
    refunded = await policy.refund_payment("a")
    assert refunded is not None and refunded.refunded and refunded.refunded_at == clock.at
    user = await User.get(id=1)
    # Without "a", "b" alone bought Pro from day 5 to day 35.
    assert (user.plan, user.plan_expires_at) == (Plan.PRO, start + timedelta(days=35))
    again = await policy.refund_payment("a")  # twice: nothing more is taken
    assert again is not None and again.id == refunded.id
    assert (await User.get(id=1)).plan_expires_at == start + timedelta(days=35)
    assert await policy.refund_payment("no-such-charge") is None

    await policy.refund_payment("b")
    user = await User.get(id=1)
    assert plans.effective_plan(user.plan, user.plan_expires_at, clock.at) is Plan.FREE


async def test_refund_after_a_plan_set_by_hand_takes_the_value_off_the_end(
    db: str, clock: FakeClock, policy: PlanPolicy
) -> None:
    await new_user()
    await pay(policy, 1, Plan.MAX, "m")
    by_hand = clock.at + timedelta(days=90)
    await User.filter(id=1).update(plan=Plan.MAX, plan_expires_at=by_hand)  # an admin's grant
    await policy.refund_payment("m")
    user = await User.get(id=1)
    assert (user.plan, user.plan_expires_at) == (Plan.MAX, by_hand - timedelta(days=30))


async def test_checkout_validation(db: str, clock: FakeClock, policy: PlanPolicy) -> None:
    await new_user(1)
    await new_user(2)
    sold = policy.offer(1, Plan.PRO)
    assert await policy.validate_checkout(sold.payload, 1, "XTR", sold.price) is None
    assert await policy.validate_checkout(sold.payload, 2, "XTR", sold.price) == (
        CheckoutRefusal.NOT_YOUR_INVOICE
    )
    assert await policy.validate_checkout(sold.payload, 1, "XTR", sold.price + 1) == (
        CheckoutRefusal.PRICE_CHANGED
    )
    for payload in ("", "plan:gold:30:250:1:once", "plan:pro:7:250:1:once", "hello", "a" * 128):
        assert await policy.validate_checkout(payload, 1, "XTR", sold.price) == (
            CheckoutRefusal.INVALID_INVOICE
        )
    assert await policy.validate_checkout(sold.payload, 1, "USD", sold.price) == (
        CheckoutRefusal.INVALID_INVOICE
    )
    raised = PlanPolicy.from_settings(Settings.model_construct(pro_price_stars=300), clock=clock)
    assert await raised.validate_checkout(sold.payload, 1, "XTR", sold.price) == (
        CheckoutRefusal.PRICE_CHANGED
    )
    await User.filter(id=1).update(plan=Plan.MAX, plan_expires_at=clock.at + timedelta(days=3))
    pro = policy.offer(1, Plan.PRO)
    assert await policy.validate_checkout(pro.payload, 1, "XTR", pro.price) == (
        CheckoutRefusal.HIGHER_PLAN
    )
    assert await policy.offers_for(1) == [Plan.MAX]


async def test_resume_needs_max_and_a_subscription_link_buys_it(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await user.send("/resume")
    refused = await user.expect("comes with the Max plan")
    assert "not part of the Free plan" in refused.text
    assert user.buttons(refused) == ["⭐ Get Max"]  # only Max lifts this limit
    await user.click("Get Max")
    invoices = [m for m in user.since_last_action() if m.kind == "invoice"]
    assert len(invoices) == 1
    max_invoice = invoices[0]
    link = next(b["url"] for b in max_invoice.buttons if "url" in b)
    sub = bot.emulator.invoice_links[link]
    assert sub["subscription_period"] == 2592000 and sub["prices"][0]["amount"] == 500

    receipt = await user.pay(link)
    assert receipt.ok and receipt.subscription_expiration_date
    await user.expect("Max is active")
    payment = await Payment.get(user_id=user.id)
    assert payment.is_recurring and payment.plan == Plan.MAX
    first_end = (await User.get(id=user.id)).plan_expires_at
    assert first_end is not None

    await user.send("/resume")
    user.expect_no("not part of")

    renewal = await user.renew(receipt)  # Telegram charges the next month by itself
    assert renewal.ok and renewal.charge_id != receipt.charge_id
    await user.expect("Max is renewed")
    assert (await User.get(id=user.id)).plan_expires_at == first_end + timedelta(days=30)


async def test_replayed_successful_payment_is_applied_once(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send("/upgrade")
    receipt = await user.pay()  # the newest invoice: Max
    assert receipt.ok
    await user.expect("active until")
    expires = (await User.get(id=user.id)).plan_expires_at
    for _ in range(2):
        await user.replay(receipt)
        assert user.since_last_action() == []  # nothing said, nothing applied
    assert await Payment.filter(user_id=user.id).count() == 1
    assert (await User.get(id=user.id)).plan_expires_at == expires


async def test_a_charge_at_another_amount_than_the_invoice_is_kept_but_not_granted(
    bot: BotHarness, user: EmulatedUser
) -> None:
    """What a bypassed pre-checkout would deliver: the invoice's payload, a different amount."""
    await user.send("/upgrade")
    invoice = next(m for m in user.since_last_action() if m.kind == "invoice")  # Pro
    params = bot.emulator.invoices[invoice.message_id]
    payment = bot.emulator.charge(
        user.profile, {**params, "prices": [{"label": "Pro, 30 days", "amount": 1}]}
    )
    charge_id = payment["telegram_payment_charge_id"]
    await bot.emulator.push_update(
        {
            "message": {
                "message_id": bot.emulator.new_message_id(),
                "date": int(datetime.now(UTC).timestamp()),
                "chat": bot.emulator.private_chat(user.id),
                "from": user.profile,
                "successful_payment": payment,
            }
        }
    )
    await bot.idle()
    told = user.last.text
    assert "isn't the price of this plan" in told and charge_id in told and "/paysupport" in told
    assert "Thank you!" not in told
    row = await User.get(id=user.id)
    assert (row.plan, row.plan_expires_at) == (Plan.FREE, None)
    recorded = await Payment.get(telegram_payment_charge_id=charge_id)
    assert (recorded.user_id, recorded.amount, recorded.refunded) == (user.id, 1, False)


async def test_pre_checkout_refuses_other_users_unknown_payloads(bot: BotHarness) -> None:
    ada, bob = bot.user("Ada"), bot.user("Bob")
    await ada.send("/upgrade")
    pro_invoice = next(m for m in ada.chat if m.kind == "invoice")

    # Bob pays a forwarded copy of Ada's invoice.
    await bob.send("/start")
    refused = await bob.pay(pro_invoice)
    assert not refused.ok and refused.error == refusal("not-your-invoice")

    # An invoice whose payload we don't know (e.g. sent by an older version of the bot).
    await bot.app.bot.send_invoice(
        chat_id=ada.id,
        title="Gold",
        description="A plan that does not exist",
        payload="legacy:gold",
        currency="XTR",
        prices=[{"label": "Gold", "amount": 100}],  # type: ignore[list-item]
    )
    legacy = await ada.pay()
    assert not legacy.ok and legacy.error == refusal("invalid-invoice")

    assert await Payment.all().count() == 0
    assert not bot.emulator.charges
    for user in (ada, bob):
        row = await User.get(id=user.id)
        assert row.plan == Plan.FREE
    answers = bot.emulator.pre_checkout_answers.values()
    assert [a["ok"] for a in answers] == [False, False]


async def test_pre_checkout_refuses_a_changed_price(database_url: str, tmp_path: Path) -> None:
    emulator = BotAPIEmulator()
    async with run_harness_clean(make_settings(database_url, tmp_path), emulator) as first:
        ada = first.user("Ada")
        await ada.send("/upgrade")
        old_invoice = next(m for m in ada.chat if m.kind == "invoice")
    raised = make_settings(database_url, tmp_path, pro_price_stars=300)
    async with run_harness_clean(raised, emulator, wipe=False) as second:
        again = second.user("Ada", user_id=ada.id)
        refused = await again.pay(old_invoice)
        assert not refused.ok and refused.error == refusal("price-changed")
        assert await Payment.all().count() == 0
        await again.send("/upgrade")
        fresh = next(m for m in again.since_last_action() if m.kind == "invoice")
        assert fresh.file and fresh.file["total_amount"] == 300
        assert (await again.pay(fresh)).ok
        await again.expect("active")


async def test_plan_shows_usage_expiry_and_the_return_to_free(
    bot: BotHarness, user: EmulatedUser, clock: FakeClock
) -> None:
    policy_of(bot).clock = clock  # the days /plan, practice and payments see
    await new_job(user)
    await practise_once(user)
    await user.send("/plan")
    shown = await user.expect("Your plan: Free")
    assert "Practice questions: 1 of 5 used" in shown.text
    assert "Mock interviews: 0 of 2 used" in shown.text
    assert "Resume analyses: not included" in shown.text
    assert "Interview starts: 12 of 12 available (4 more each day)" in shown.text
    assert user.buttons(shown) == ["⭐ Get Pro — 250 ⭐", "⭐ Get Max — 500 ⭐"]

    await user.click("Get Pro")
    invoice = user.last
    assert invoice.kind == "invoice" and invoice.file and invoice.file["total_amount"] == 250
    await user.pay(invoice)
    await user.send("/plan")
    shown = await user.expect("Your plan: Pro")
    expires = clock.at + timedelta(days=30)
    assert f"Active until {expires:%-d %b %Y, %H:%M} UTC" in shown.text
    assert "Practice questions: unlimited (1 so far)" in shown.text
    assert user.buttons(shown) == ["⭐ Extend Pro — 250 ⭐", "⭐ Get Max — 500 ⭐"]

    clock.advance(days=30, seconds=1)
    await user.send("/plan")
    shown = await user.expect("Your plan: Free")
    assert "Pro plan has ended" in shown.text
    for _ in range(4):
        await practise_once(user)
        await user.expect("Easy question")
    await practise_once(user)
    await user.expect("You've used all 5 practice questions")


async def test_schema_refuses_unknown_plans_negative_counts_and_duplicate_charges(
    db: str, policy: PlanPolicy
) -> None:
    conn = connections.get("default")
    await new_user()
    for statement in (
        "UPDATE users SET plan = 'gold' WHERE id = 1",
        "UPDATE users SET questions_used = -1 WHERE id = 1",
        "UPDATE users SET interview_tokens = -0.5 WHERE id = 1",
    ):
        with pytest.raises(IntegrityError):
            await conn.execute_query(statement)
    await pay(policy, 1, Plan.PRO, "dup")
    with pytest.raises(IntegrityError):
        await Payment.create(user_id=1, plan=Plan.PRO, amount=250, telegram_payment_charge_id="dup")
    with pytest.raises(IntegrityError):
        await Payment.create(user_id=1, plan=Plan.FREE, amount=250, telegram_payment_charge_id="x")
    with pytest.raises(IntegrityError):
        await Payment.create(user_id=1, plan=Plan.PRO, amount=0, telegram_payment_charge_id="y")


async def test_a_refund_telegram_reports_takes_the_plan_back_once(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send("/upgrade")
    receipt = await user.pay()
    assert receipt.ok and receipt.message and receipt.charge_id
    await bot.app.bot.refund_star_payment(user.id, receipt.charge_id)
    paid = receipt.message["successful_payment"]
    service = {
        **receipt.message,
        "message_id": bot.emulator.new_message_id(),
        "refunded_payment": {
            key: paid[key]
            for key in ("currency", "total_amount", "invoice_payload", "telegram_payment_charge_id")
        },
    }
    del service["successful_payment"]
    for _ in range(2):
        await bot.emulator.push_update({"message": service})
        await bot.idle()
    refunds = [m for m in user.bot_messages if "was refunded" in m.text]
    assert len(refunds) == 1
    payment = await Payment.get(telegram_payment_charge_id=receipt.charge_id)
    assert payment.refunded
    await user.send("/plan")
    await user.expect("Your plan: Free")


async def test_pre_checkout_is_answered_while_the_same_users_model_call_is_slow(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    """Telegram cancels a payment not answered within 10 s: it must not queue behind the
    user's own slow update (here a question the model takes 3 s to start writing)."""
    user = await started(model_bot, "Payer")
    await new_job(user)
    await user.send("/upgrade")
    invoice = next(m for m in user.since_last_action() if m.kind == "invoice")
    fake.reply_delay(3.0, "What is a closure in Python?")
    await user.send("/practice", wait=True)
    await user.click("Easy", wait=False)  # the model call is now in flight
    await asyncio.sleep(0.2)
    receipt = await user.pay(invoice, timeout=1.5)
    assert receipt.ok, receipt
    await model_bot.idle()
    await user.expect("closure")
