"""Plans, quotas, rate limits and Telegram Stars payments: at the service level (limits,
concurrency, the token bucket over simulated days, expiry, refunds) and through the emulator
as a user would (limits with the Upgrade button, invoices, pre-checkout, successful payments,
subscriptions, replays, flood control, /plan and /paysupport)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram import LabeledPrice, Update
from telegram.ext import MessageHandler, filters
from tortoise import connections
from tortoise.exceptions import IntegrityError

from bot.db import close_database, init_database
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator
from bot.services import plans
from bot.services.flood import FloodControl, Verdict
from bot.services.plans import PlanPolicy
from bot.services.quotas import QuotaExceeded, Quotas, RateLimited, Resource
from bot.settings import Settings
from models import User
from models.payments import Payment, Plan
from tests.conftest import make_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI
from tests.helpers import new_job, started

ANSWER = (
    "I would split the service into small modules, write tests for each endpoint first, and "
    "measure latency before and after every change so the team can see the effect."
)


class FakeClock:
    """The time plans, quotas and the bucket see; tests move it by simulated days."""

    def __init__(self) -> None:
        self.at = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def policy(clock: FakeClock) -> PlanPolicy:
    """The default limits and prices, on the test's clock (for service-level tests)."""
    return PlanPolicy.from_settings(Settings.model_construct(), clock=clock)


@pytest.fixture
def quotas(policy: PlanPolicy) -> Quotas:
    return Quotas(policy)


def policy_of(bot: BotHarness) -> PlanPolicy:
    """The application's own plan policy (created in post_init)."""
    policy: PlanPolicy = bot.app.bot_data["services"].plans
    return policy


async def new_user(user_id: int = 1, plan: Plan = Plan.FREE) -> User:
    return await User.create(id=user_id, name="Ada", plan=plan)


async def pay(
    policy: PlanPolicy, user_id: int, plan: Plan, charge: str, *, price: int | None = None
) -> plans.PaymentResult:
    sold = policy.offer(user_id, plan)
    result = await policy.record_payment(
        user_id,
        payload=sold.payload,
        currency="XTR",
        total_amount=price or sold.price,
        charge_id=charge,
    )
    assert result is not None
    return result


async def spend_all(quotas: Quotas, user_id: int, resource: Resource, times: int) -> None:
    for _ in range(times):
        async with quotas.spend(user_id, resource):
            pass


# ----- limits at the service level --------------------------------------------------------------


async def test_free_limits_are_lifetime_totals_and_say_which(db: str, quotas: Quotas) -> None:
    await new_user()
    await spend_all(quotas, 1, "question", 5)
    with pytest.raises(QuotaExceeded) as refused:
        async with quotas.spend(1, "question"):
            raise AssertionError("the block must not run past the limit")
    assert (refused.value.resource, refused.value.plan, refused.value.limit) == (
        "question",
        "Free",
        5,
    )
    with pytest.raises(QuotaExceeded):
        await quotas.check(1, "question")

    await quotas.check(1, "interview")
    await spend_all(quotas, 1, "interview", 2)
    with pytest.raises(QuotaExceeded) as interviews:
        await quotas.begin_interview(1)
    assert (interviews.value.resource, interviews.value.limit) == ("interview", 2)
    assert not isinstance(interviews.value, RateLimited)

    with pytest.raises(QuotaExceeded) as resume:
        await quotas.check(1, "resume")
    assert resume.value.limit == 0  # "not part of the Free plan"
    with pytest.raises(QuotaExceeded):
        async with quotas.spend(1, "resume"):
            pass
    user = await User.get(id=1)
    assert (user.questions_used, user.interviews_used, user.resumes_used) == (5, 2, 0)


async def test_pro_and_max_lift_limits_and_only_max_analyses_resumes(
    db: str, quotas: Quotas
) -> None:
    await new_user(1, Plan.PRO)
    await new_user(2, Plan.MAX)
    await spend_all(quotas, 1, "question", 20)
    await spend_all(quotas, 1, "interview", 5)
    with pytest.raises(QuotaExceeded) as pro_resume:
        await quotas.check(1, "resume")
    assert (pro_resume.value.plan, pro_resume.value.limit) == ("Pro", 0)
    await spend_all(quotas, 2, "resume", 3)
    await quotas.check(2, "resume")
    usage = await quotas.usage(1)
    assert usage.plan is Plan.PRO and usage.used["question"] == 20
    assert usage.limits == {"question": None, "interview": None, "resume": 0}


async def test_a_failed_block_spends_nothing(db: str, quotas: Quotas) -> None:
    await new_user()
    for _ in range(3):
        with pytest.raises(RuntimeError):
            async with quotas.spend(1, "question"):
                raise RuntimeError("the model failed")
    assert (await User.get(id=1)).questions_used == 0
    await spend_all(quotas, 1, "question", 5)  # all five still there


async def test_limits_come_from_settings(db: str) -> None:
    limited = Settings.model_construct(free_questions=1, free_interviews=0)
    quotas = Quotas(PlanPolicy.from_settings(limited))
    await new_user()
    await spend_all(quotas, 1, "question", 1)
    with pytest.raises(QuotaExceeded) as refused:
        await quotas.check(1, "question")
    assert refused.value.limit == 1
    with pytest.raises(QuotaExceeded) as interviews:
        await quotas.begin_interview(1)
    assert interviews.value.limit == 0


async def test_ten_concurrent_requests_with_one_question_left_make_one(
    db: str, quotas: Quotas
) -> None:
    await new_user()
    await spend_all(quotas, 1, "question", 4)
    produced: list[int] = []

    async def generate(n: int) -> None:
        async with quotas.spend(1, "question"):
            await asyncio.sleep(0.05)  # the model writing, while the others try
            produced.append(n)

    results = await asyncio.gather(*(generate(n) for n in range(10)), return_exceptions=True)
    refused = [r for r in results if isinstance(r, QuotaExceeded)]
    assert len(produced) == 1 and len(refused) == 9, results
    assert (await User.get(id=1)).questions_used == 5


async def test_concurrent_failures_give_every_unit_back(db: str, quotas: Quotas) -> None:
    await new_user()
    await spend_all(quotas, 1, "question", 3)

    async def fail() -> None:
        async with quotas.spend(1, "question"):
            await asyncio.sleep(0.02)
            raise RuntimeError("model down")

    results = await asyncio.gather(*(fail() for _ in range(6)), return_exceptions=True)
    assert sum(isinstance(r, RuntimeError) for r in results) == 2  # two units were left
    assert sum(isinstance(r, QuotaExceeded) for r in results) == 4
    assert (await User.get(id=1)).questions_used == 3


# ----- the interview-start token bucket ---------------------------------------------------------


async def test_token_bucket_over_simulated_days_survives_a_restart(
    db: str, clock: FakeClock, quotas: Quotas
) -> None:
    await new_user(1, Plan.PRO)
    for _ in range(12):
        await quotas.begin_interview(1)
    with pytest.raises(RateLimited) as empty:
        await quotas.begin_interview(1)
    assert empty.value.retry_in_hours == pytest.approx(6.0)  # 4 a day: one every 6 h

    # A restart does not refill it: the level is in the database.
    await close_database()
    await init_database(db)
    quotas = Quotas(PlanPolicy.from_settings(Settings.model_construct(), clock=clock))
    with pytest.raises(RateLimited):
        await quotas.begin_interview(1)

    clock.advance(hours=5)
    with pytest.raises(RateLimited) as later:
        await quotas.begin_interview(1)
    assert later.value.retry_in_hours == pytest.approx(1.0)
    clock.advance(hours=1)
    await quotas.begin_interview(1)  # exactly one token after 6 h
    with pytest.raises(RateLimited):
        await quotas.begin_interview(1)

    clock.advance(days=1)
    for _ in range(4):
        await quotas.begin_interview(1)
    with pytest.raises(RateLimited):
        await quotas.begin_interview(1)

    clock.advance(days=30)  # refills up to the capacity, never beyond
    assert (await quotas.usage(1)).interview_starts == 12
    for _ in range(12):
        await quotas.begin_interview(1)
    with pytest.raises(RateLimited):
        await quotas.begin_interview(1)


async def test_the_plan_is_checked_before_a_token_is_taken(
    db: str, clock: FakeClock, quotas: Quotas
) -> None:
    await new_user()
    await spend_all(quotas, 1, "interview", 2)
    for _ in range(3):
        with pytest.raises(QuotaExceeded):
            await quotas.begin_interview(1)
    user = await User.get(id=1)
    assert user.interview_tokens is None  # still full


async def test_concurrent_starts_take_only_the_tokens_there_are(
    db: str, clock: FakeClock, quotas: Quotas
) -> None:
    await new_user(1, Plan.PRO)
    for _ in range(10):
        await quotas.begin_interview(1)
    results = await asyncio.gather(
        *(quotas.begin_interview(1) for _ in range(8)), return_exceptions=True
    )
    assert results.count(None) == 2
    assert sum(isinstance(r, RateLimited) for r in results) == 6


async def test_a_token_taken_from_just_under_one_leaves_zero_not_a_tiny_negative(
    db: str, clock: FakeClock, quotas: Quotas
) -> None:
    """Float refills can leave 1 - ε tokens; taking one must store 0, which the CHECK
    (interview_tokens >= 0) accepts, not -ε, which it refuses."""
    user = await new_user(1, Plan.PRO)
    user.interview_tokens, user.interview_tokens_at = 1 - 1e-12, clock.at
    await user.save(update_fields=["interview_tokens", "interview_tokens_at"])
    await quotas.begin_interview(1)
    assert (await User.get(id=1)).interview_tokens == 0.0
    with pytest.raises(RateLimited):
        await quotas.begin_interview(1)


# ----- payments, expiry and refunds at the service level ----------------------------------------


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
    assert (refused.value.plan, refused.value.limit) == ("Free", 5)
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
        plans.NOT_YOUR_INVOICE
    )
    assert await policy.validate_checkout(sold.payload, 1, "XTR", sold.price + 1) == (
        plans.PRICE_CHANGED
    )
    for payload in ("", "plan:gold:30:250:1:once", "plan:pro:7:250:1:once", "hello", "a" * 128):
        assert await policy.validate_checkout(payload, 1, "XTR", sold.price) == (
            plans.INVALID_INVOICE
        )
    assert await policy.validate_checkout(sold.payload, 1, "USD", sold.price) == (
        plans.INVALID_INVOICE
    )
    raised = PlanPolicy.from_settings(Settings.model_construct(pro_price_stars=300), clock=clock)
    assert await raised.validate_checkout(sold.payload, 1, "XTR", sold.price) == (
        plans.PRICE_CHANGED
    )
    await User.filter(id=1).update(plan=Plan.MAX, plan_expires_at=clock.at + timedelta(days=3))
    pro = policy.offer(1, Plan.PRO)
    assert "higher plan" in (await policy.validate_checkout(pro.payload, 1, "XTR", pro.price) or "")
    assert await policy.offers_for(1) == [Plan.MAX]


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


# ----- through the chat ------------------------------------------------------------------------


async def practise_once(user: EmulatedUser) -> None:
    await user.send("/practice")
    await user.click("Easy")


async def test_practice_limit_upgrade_with_stars_lifts_it(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    for _ in range(5):
        await practise_once(user)
        await user.expect("Easy question")
    await practise_once(user)
    refused = await user.expect("You've used all 5 practice questions of the Free plan")
    assert user.buttons(refused) == ["⭐ Upgrade"]
    assert (await User.get(id=user.id)).questions_used == 5

    await user.click("Upgrade")
    await user.expect("Upgrade with Telegram Stars")
    invoices = [m for m in user.since_last_action() if m.kind == "invoice"]
    assert [m.file["total_amount"] for m in invoices if m.file] == [250, 500]
    assert all(m.file and m.file["currency"] == "XTR" for m in invoices)
    assert [b.get("pay") for b in invoices[0].buttons] == [True, None]
    assert "Subscribe monthly" in user.buttons(invoices[0])[1]

    receipt = await user.pay(invoices[0])
    assert receipt.ok, receipt.error
    done = await user.expect("Pro is active until")
    assert "limits are lifted" in done.text
    user_row = await User.get(id=user.id)
    assert user_row.plan == Plan.PRO and user_row.plan_expires_at is not None
    payment = await Payment.get(user_id=user.id)
    assert (payment.plan, payment.amount, payment.telegram_payment_charge_id) == (
        Plan.PRO,
        250,
        receipt.charge_id,
    )
    assert payment.days == 30 and not payment.is_recurring

    await practise_once(user)  # the sixth question now comes
    await user.expect("Easy question")
    assert (await User.get(id=user.id)).questions_used == 6


async def test_interview_limit_through_the_chat(bot: BotHarness, user: EmulatedUser) -> None:
    await new_job(user)
    for _ in range(2):
        await user.send("/interview")
        await user.expect("Hi Ada")
        await user.send(ANSWER)  # the first answer counts the interview
        await user.send("/end")
        await user.expect("Interview ended")
    assert (await User.get(id=user.id)).interviews_used == 2
    await user.send("/interview")
    refused = await user.expect("You've used all 2 mock interviews of the Free plan")
    assert user.buttons(refused) == ["⭐ Upgrade"]
    await user.click("Upgrade")
    invoices = [m for m in user.since_last_action() if m.kind == "invoice"]
    assert len(invoices) == 2
    await user.pay(invoices[0])
    await user.send("/interview")
    await user.expect("Hi Ada")


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
    assert not refused.ok and refused.error == plans.NOT_YOUR_INVOICE

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
    assert not legacy.ok and legacy.error == plans.INVALID_INVOICE

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
        assert not refused.ok and refused.error == plans.PRICE_CHANGED
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


async def test_flood_of_101_messages_gets_one_notice_and_others_are_unaffected(
    bot: BotHarness,
) -> None:
    ada, bob = bot.user("Ada"), bot.user("Bob")
    sold = policy_of(bot).offer(ada.id, Plan.PRO)
    await bot.app.bot.send_invoice(  # an invoice Ada got before the flood
        chat_id=ada.id,
        title=sold.title,
        description=sold.description,
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


async def test_paysupport_explains_and_passes_questions_to_admins(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(
        database_url, tmp_path, admin_ids=frozenset({900_001}), pay_support_contact="@coach_help"
    )
    async with run_harness_clean(settings) as bot:
        admin = await started(bot, "Root", user_id=900_001)
        user = bot.user("Ada")
        await user.send("/upgrade")
        receipt = await user.pay()
        await user.send("/paysupport")
        shown = await user.expect("Help with payments")
        assert "Refunds" in shown.text and "14 days" in shown.text
        assert "@coach_help" in shown.text and str(receipt.charge_id) in shown.text
        await user.send("/paysupport I paid twice <by mistake>")
        await user.expect("went to the team")
        relayed = admin.last
        assert "I paid twice <by mistake>" in relayed.text and str(user.id) in relayed.text
        commands = [c["command"] for c in bot.emulator.commands['{"type": "default"}']]
        assert {"plan", "upgrade", "paysupport"} <= set(commands)


async def test_paysupport_relays_a_long_message_whole_says_when_nobody_got_it_and_paces_itself(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(
        database_url, tmp_path, admin_ids=frozenset({900_001}), pay_support_contact="@coach_help"
    )
    async with run_harness_clean(settings) as bot:
        policy_of(bot).clock = clock
        admin = await started(bot, "Root", user_id=900_001)
        user = await started(bot, "Ada")

        def relayed() -> list[str]:
            return [m.text for m in admin.bot_messages if "/paysupport from" in m.text]

        # Nobody can be reached: the user is told so, and may try again at once.
        bot.emulator.blocked.add(admin.id)
        await user.send("/paysupport Charged but still on Free")
        told = await user.expect("couldn't pass your message on")
        assert "@coach_help" in told.text
        user.expect_no("went to the team")
        bot.emulator.blocked.discard(admin.id)

        # The user's text is cut before it is escaped, so the HTML stays whole (cutting the
        # assembled HTML split the payment line's <code> and Telegram refused the message).
        await user.send("/upgrade")
        receipt = await user.pay()
        assert receipt.ok and receipt.charge_id
        await user.send("/paysupport " + "x" * 3_900)
        await user.expect("went to the team")
        assert len(relayed()) == 1
        shown = relayed()[0]
        assert "x" * 2_900 + "…" in shown and receipt.charge_id in shown
        assert str(user.id) in shown and len(shown) <= 4096

        # One message every 10 minutes.
        clock.advance(minutes=9)
        await user.send("/paysupport Any news?")
        await user.expect("send another in 1 minute")
        user.expect_no("went to the team")
        assert len(relayed()) == 1
        clock.advance(minutes=1)
        await user.send("/paysupport Any news?")
        await user.expect("went to the team")
        assert "Any news?" in relayed()[-1]
        assert len(relayed()) == 2


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
