"""Plans, their limits and prices, invoices and Telegram Stars payments, refunds and expiry.

A user is on `users.plan` until `users.plan_expires_at`; after that they are on Free again, with
nothing to run at expiry (every reader goes through `effective_plan`). A paid plan with no
expiry never ends (reserved for grants by hand).

The plan columns sum up the user's payments that were not refunded: `record_payment` folds
one more payment in (locking the user's row; the charge id is unique, so a repeated update is
applied once); `refund_payment` folds them all again without the refunded one, so a refund in a
stack of payments takes back exactly what that payment bought (for a plan also changed by hand,
the payment's worth of time comes off the end instead).

Limits, prices and the clock live in a `PlanPolicy`, made from the settings in `post_init` and
reached as `context.services.plans` (no module-level state): what depends on them (offers,
checkout, payments, refunds) are its methods; what does not (`effective_plan`,
`parse_payload`, `recent_payments`, `is_refunded`) are plain functions. Its `clock` is the one
time every plan, quota and bucket decision reads; tests set it to simulate days.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.settings import Settings
from models import User
from models.payments import Payment, Plan
from models.vocabulary import Resource

log = logging.getLogger(__name__)

RESOURCES: tuple[Resource, ...] = tuple(Resource)
COUNTERS: dict[Resource, str] = {
    "question": "questions_used",
    "interview": "interviews_used",
    "resume": "resumes_used",
}

PLAN_DAYS = 30
SUBSCRIPTION_PERIOD = PLAN_DAYS * 24 * 3600  # the only period the Bot API accepts
CURRENCY = "XTR"
PAID_PLANS: tuple[Plan, ...] = (Plan.PRO, Plan.MAX)
_RANK: dict[Plan, int] = {Plan.FREE: 0, Plan.PRO: 1, Plan.MAX: 2}


# ----- time ---------------------------------------------------------------------------------
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


# ----- plans --------------------------------------------------------------------------------
def effective_plan(plan: str, expires_at: datetime | None, at: datetime) -> Plan:
    """The plan in force at `at`: an expired paid plan counts as Free."""
    current = Plan(plan)
    if current is Plan.FREE or (expires_at is not None and expires_at <= at):
        return Plan.FREE
    return current


def _same(a: tuple[Plan, datetime | None], b: tuple[Plan, datetime | None]) -> bool:
    if a[0] != b[0] or (a[1] is None) != (b[1] is None):
        return False
    return a[1] is None or b[1] is None or abs(a[1] - b[1]) < timedelta(seconds=1)


# ----- invoices -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Offer:
    """What an invoice sells, to whom, at what price; carried in the invoice payload."""

    plan: Plan
    user_id: int
    price: int
    days: int = PLAN_DAYS
    subscription: bool = False

    @property
    def payload(self) -> str:
        kind = "sub" if self.subscription else "once"
        return f"plan:{self.plan.value}:{self.days}:{self.price}:{self.user_id}:{kind}"


def parse_payload(payload: str | None) -> Offer | None:
    """The offer in an invoice payload, or None when it is not one of ours."""
    parts = (payload or "").split(":")
    if len(parts) != 6 or parts[0] != "plan" or parts[5] not in ("sub", "once"):
        return None
    _, plan, days, price, user_id, kind = parts
    if plan not in {p.value for p in PAID_PLANS}:
        return None
    if not (days.isdigit() and price.isdigit() and user_id.lstrip("-").isdigit()):
        return None
    if int(days) != PLAN_DAYS or int(price) <= 0:
        return None
    return Offer(Plan(plan), int(user_id), int(price), int(days), kind == "sub")


class CheckoutRefusal(StrEnum):
    """Why a pre-checkout may not go ahead (the handler words it as `plans-checkout-<value>`)."""

    INVALID_INVOICE = "invalid-invoice"  # not one of ours, or in another currency
    NOT_YOUR_INVOICE = "not-your-invoice"  # made for another account
    PRICE_CHANGED = "price-changed"  # not today's price
    HIGHER_PLAN = "higher-plan"  # a plan below the one the payer is on


# ----- payments -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PaymentResult:
    payment: Payment
    applied: bool  # False: this charge was recorded before (a repeated update)
    plan: Plan
    expires_at: datetime | None
    wrong_amount: bool = False  # not its invoice's price: recorded, nothing granted


def _result(payment: Payment, user: User, *, applied: bool) -> PaymentResult:
    return PaymentResult(
        payment, applied, Plan(user.plan), user.plan_expires_at, not grants_plan(payment)
    )


def grants_plan(payment: Payment) -> bool:
    """Whether a payment bought plan time: False when Telegram reported an amount other than
    its invoice's price (possible only if pre-checkout were bypassed); such a payment is kept
    for support to refund, and counts for nothing when plans are worked out again."""
    sold = parse_payload(payment.invoice_payload)
    return sold is None or payment.amount == sold.price


# ----- /paysupport ----------------------------------------------------------------------------
SUPPORT_COOLDOWN = timedelta(minutes=10)  # one message to the team per user in this time
SUPPORT_TEXT_MAX = 3000  # UTF-16 code units of the user's text passed on (Telegram counts those)


def support_wait(last_sent: datetime | None, at: datetime) -> timedelta | None:
    """How long the user must wait before another /paysupport message reaches the team, from
    when their last one did (`users.support_sent_at`); None when they may now."""
    if last_sent is None or last_sent.tzinfo is None:
        return None
    left = last_sent + SUPPORT_COOLDOWN - at
    return left if left > timedelta(0) else None


async def mark_support_sent(user: User, at: datetime) -> None:
    """Note that the user's /paysupport message reached the team at `at`."""
    await User.filter(id=user.id).update(support_sent_at=at)
    user.support_sent_at = at


def clip(text: str, limit: int = SUPPORT_TEXT_MAX) -> str:
    """`text` cut to at most `limit` UTF-16 code units, at a whole character ("…" marks a
    cut)."""
    sizes = [2 if ord(char) > 0xFFFF else 1 for char in text]
    if sum(sizes) <= limit:
        return text
    kept = units = 0
    while units + sizes[kept] <= limit - 1:  # room for the "…"
        units += sizes[kept]
        kept += 1
    return text[:kept] + "…"


async def recent_payments(user_id: int, limit: int = 5) -> list[Payment]:
    return await Payment.filter(user_id=user_id).order_by("-created_at", "-id").limit(limit)


async def is_refunded(charge_id: str) -> bool:
    return await Payment.filter(telegram_payment_charge_id=charge_id, refunded=True).exists()


# ----- the policy: limits, prices, the clock -----------------------------------------------
@dataclass(slots=True, kw_only=True)
class PlanPolicy:
    """Limits and prices from the settings, and the clock; created in `post_init` and reached
    as `context.services.plans` (pass it to services that need it)."""

    free_questions: int
    free_interviews: int
    pro_price: int
    max_price: int
    bucket_capacity: int
    bucket_refill_per_day: float
    clock: Clock = system_clock

    @classmethod
    def from_settings(cls, settings: Settings, *, clock: Clock | None = None) -> PlanPolicy:
        return cls(
            free_questions=settings.free_questions,
            free_interviews=settings.free_interviews,
            pro_price=settings.pro_price_stars,
            max_price=settings.max_price_stars,
            bucket_capacity=settings.interview_bucket_capacity,
            bucket_refill_per_day=settings.interview_bucket_refill_per_day,
            clock=clock or system_clock,
        )

    def now(self) -> datetime:
        return self.clock()

    def price(self, plan: Plan) -> int:
        return {Plan.PRO: self.pro_price, Plan.MAX: self.max_price}.get(plan, 0)

    def limit(self, plan: Plan, resource: Resource) -> int | None:
        """How many of `resource` the plan allows in total: None = unlimited, 0 = not included."""
        if resource == "resume":
            return None if plan is Plan.MAX else 0
        if plan is not Plan.FREE:
            return None
        return self.free_questions if resource == "question" else self.free_interviews

    # ----- plan time ---------------------------------------------------------------------------
    def _convert(self, delta: timedelta, source: Plan, target: Plan) -> timedelta:
        """Time on `source` turned into time of equal value on `target` (by price)."""
        if source is target:
            return delta
        return delta * (self.price(source) / self.price(target))

    def extend(
        self, plan: Plan, expires_at: datetime | None, bought: Plan, days: int, at: datetime
    ) -> tuple[Plan, datetime | None]:
        """The plan after buying `days` of `bought` at `at`.

        From Free (or an expired plan) the bought plan starts now. The same plan is extended
        from its end. Buying Max while on Pro moves to Max at once, with the Pro time left
        turned into Max time of the same value; buying Pro while on Max adds Max time of the
        value paid.
        """
        current = effective_plan(plan, expires_at, at)
        if current is Plan.FREE:
            return bought, at + timedelta(days=days)
        if expires_at is None:  # a grant that never ends: nothing to extend
            return current, None
        target = max(current, bought, key=_RANK.__getitem__)
        left = self._convert(expires_at - at, current, target)
        return target, at + left + self._convert(timedelta(days=days), bought, target)

    def replay(self, payments: Iterable[Payment]) -> tuple[Plan, datetime | None]:
        """The plan these payments bought, applied in the order they were made."""
        plan, expires_at = Plan.FREE, None
        for payment in sorted(payments, key=lambda p: (p.created_at, p.id)):
            plan, expires_at = self.extend(
                plan, expires_at, Plan(payment.plan), payment.days, payment.created_at
            )
        return plan, expires_at

    def take_back(
        self, plan: Plan, expires_at: datetime | None, payment: Payment, at: datetime
    ) -> tuple[Plan, datetime | None]:
        """The plan without the time of equal value to what `payment` bought (for a plan that
        was also changed by hand, so the payments alone don't explain it)."""
        current = effective_plan(plan, expires_at, at)
        if current is Plan.FREE or expires_at is None:
            return plan, expires_at
        days = timedelta(days=payment.days)
        return plan, max(at, expires_at - self._convert(days, Plan(payment.plan), current))

    # ----- invoices ----------------------------------------------------------------------------
    def offer(self, user_id: int, plan: Plan, *, subscription: bool = False) -> Offer:
        if plan not in PAID_PLANS:
            raise ValueError(f"{plan} is not for sale")
        return Offer(plan, user_id, self.price(plan), subscription=subscription)

    async def offers_for(self, user_id: int) -> list[Plan]:
        """The plans worth buying now: not one below the plan in force."""
        user = await User.get_or_none(id=user_id).only("id", "plan", "plan_expires_at")
        current = (
            effective_plan(user.plan, user.plan_expires_at, self.now())
            if user is not None
            else Plan.FREE
        )
        return [p for p in PAID_PLANS if _RANK[p] >= _RANK[current]]

    async def validate_checkout(
        self, payload: str, payer_id: int, currency: str, total_amount: int
    ) -> CheckoutRefusal | None:
        """None when a pre-checkout may go ahead, else why not (the handler words it).

        The payload must be ours, for the account paying, at today's price, and not for a plan
        below the one the payer is on (it would add nothing they need)."""
        sold = parse_payload(payload)
        if sold is None or currency != CURRENCY:
            return CheckoutRefusal.INVALID_INVOICE
        if sold.user_id != payer_id:
            return CheckoutRefusal.NOT_YOUR_INVOICE
        if total_amount != sold.price or sold.price != self.price(sold.plan):
            return CheckoutRefusal.PRICE_CHANGED
        if sold.plan not in await self.offers_for(payer_id):
            return CheckoutRefusal.HIGHER_PLAN
        return None

    # ----- payments ----------------------------------------------------------------------------
    async def record_payment(
        self,
        user_id: int,
        *,
        payload: str,
        currency: str,
        total_amount: int,
        charge_id: str,
        provider_charge_id: str | None = None,
        is_recurring: bool = False,
    ) -> PaymentResult | None:
        """Record a successful payment and activate or extend the plan, in one transaction.

        A charge id already recorded changes nothing (`applied` is False). None when the
        payload is not one of our offers (nothing is recorded; the payer must be helped by
        hand). An amount other than the price in the payload is recorded but grants nothing
        (`wrong_amount`): pre-checkout refuses it, so only a bypassed check gets here."""
        sold = parse_payload(payload)
        if sold is None or currency != CURRENCY:
            log.error("Payment %s with unknown payload %r from %s", charge_id, payload, user_id)
            return None
        if sold.user_id != user_id:
            log.warning("Payment %s: invoice for %s paid by %s", charge_id, sold.user_id, user_id)
        if total_amount != sold.price:
            log.error(
                "Payment %s from %s: %s %s paid for an invoice of %s; recorded, no plan granted",
                charge_id,
                user_id,
                total_amount,
                currency,
                sold.price,
            )
        at = self.now()
        try:
            async with in_transaction():
                user = await User.select_for_update().get(id=user_id)
                existing = await Payment.get_or_none(telegram_payment_charge_id=charge_id)
                if existing is not None:
                    return _result(existing, user, applied=False)
                payment = await Payment.create(
                    user_id=user_id,
                    plan=sold.plan,
                    amount=total_amount,
                    currency=currency,
                    telegram_payment_charge_id=charge_id,
                    provider_payment_charge_id=provider_charge_id or None,
                    invoice_payload=payload,
                    is_recurring=is_recurring,
                    days=sold.days,
                    created_at=at,
                )
                if grants_plan(payment):
                    user.plan, user.plan_expires_at = self.extend(
                        Plan(user.plan), user.plan_expires_at, sold.plan, sold.days, at
                    )
                    await user.save(update_fields=["plan", "plan_expires_at", "updated_at"])
                return _result(payment, user, applied=True)
        except IntegrityError:  # the same charge recorded at this very moment by another update
            payment = await Payment.get(telegram_payment_charge_id=charge_id)
            user = await User.get(id=user_id)
            return _result(payment, user, applied=False)

    async def refund_payment(self, charge_id: str) -> Payment | None:
        """Mark a payment refunded and take back the plan time it bought, in one transaction.

        Call it after `refundStarPayment` succeeded. When the user's plan is what their
        payments bought, it becomes what the others bought (exact, even in a stack of
        payments); when it was also set by hand since, the time of equal value to the payment
        is taken off its end. A payment that granted nothing (`grants_plan`) takes nothing back.
        A payment refunded before is returned unchanged; None when there is no such charge."""
        found = await Payment.get_or_none(telegram_payment_charge_id=charge_id).only(
            "id", "user_id"
        )
        if found is None:
            return None
        async with in_transaction():  # the user's row first, as record_payment locks it
            user = await User.select_for_update().get(id=found.user_id)  # type: ignore[attr-defined]
            payment = await Payment.select_for_update().get(id=found.id)
            if payment.refunded:
                return payment
            at = self.now()
            payment.refunded, payment.refunded_at = True, at
            await payment.save(update_fields=["refunded", "refunded_at"])
            if not grants_plan(payment):
                return payment
            kept = [
                p for p in await Payment.filter(user_id=user.id, refunded=False) if grants_plan(p)
            ]
            state = (Plan(user.plan), user.plan_expires_at)
            if _same(state, self.replay([*kept, payment])):
                user.plan, user.plan_expires_at = self.replay(kept)
            else:
                user.plan, user.plan_expires_at = self.take_back(*state, payment, at)
            await user.save(update_fields=["plan", "plan_expires_at", "updated_at"])
            return payment
