"""What the plans tests share: a movable clock, users, payments, spending."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services import plans
from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas, Resource
from models import User
from models.payments import Plan

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


async def practise_once(user: EmulatedUser) -> None:
    await user.send("/practice")
    await user.click("Easy")
