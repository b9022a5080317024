"""Plan limits and the interview-start token bucket: at the service level (lifetime totals,
concurrency, simulated days) and through the chat (limits with the Upgrade button)."""

from __future__ import annotations

import asyncio

import pytest

from bot.db import close_database, init_database
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services.plans import PlanPolicy
from bot.services.quotas import QuotaExceeded, Quotas, RateLimited
from bot.settings import Settings
from models import User
from models.payments import Payment, Plan
from tests.helpers import new_job
from tests.plans.helpers import ANSWER, FakeClock, new_user, practise_once, spend_all

# ----- limits at the service level --------------------------------------------------------------


async def test_free_limits_are_lifetime_totals_and_say_which(db: str, quotas: Quotas) -> None:
    await new_user()
    await spend_all(quotas, 1, "question", 5)
    with pytest.raises(QuotaExceeded) as refused:
        async with quotas.spend(1, "question"):
            raise AssertionError("the block must not run past the limit")
    assert (refused.value.resource, refused.value.plan, refused.value.limit) == (
        "question",
        Plan.FREE,
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
    assert (pro_resume.value.plan, pro_resume.value.limit) == (Plan.PRO, 0)
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

    # Every attempt is made before any unit is given back (else a given-back unit is spent
    # again, whatever the machine's speed).
    tried = {"entered": 0, "refused": 0}
    all_tried = asyncio.Event()

    def count(outcome: str) -> None:
        tried[outcome] += 1
        if sum(tried.values()) == 6:
            all_tried.set()

    async def fail() -> None:
        try:
            async with quotas.spend(1, "question"):
                count("entered")
                await all_tried.wait()
                raise RuntimeError("model down")
        except QuotaExceeded:
            count("refused")
            raise

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


# ----- through the chat ------------------------------------------------------------------------


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
        await user.send(ANSWER)  # the first answer counts the interview...
        await user.send(ANSWER)  # ...and a second makes it long enough to keep
        await user.send("/end")
        await user.expect("Interview ended after")
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
