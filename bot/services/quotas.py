"""Plan limits. Every feature checks and spends quota through `Quotas` only: one is created in
`post_init` on the application's `PlanPolicy` (limits and clock) and reached as
`context.services.quotas` (pass it to services that need it).

`check` refuses early (before any work); `spend` reserves one unit atomically around the work
and gives it back if the work fails, so a failed generation spends nothing.

How spending stays atomic: usage is a lifetime counter per resource on the user's row, and
`spend` takes a unit with one conditional UPDATE —
`SET questions_used = questions_used + 1 WHERE id = $1 AND (<on a plan with no limit> OR
questions_used < <limit>)` — so the database decides, and of any number of concurrent requests
only as many succeed as units were left (no read-then-write window, no lock held while a model
generates). If the block raises, one unit is given back. Unlimited plans count too, for /plan.

Interview starts are rate-limited by a token bucket per user (`interview_tokens` as of
`interview_tokens_at`, NULL = full), kept in the database so a restart does not refill it;
a token is taken under a row lock (PostgreSQL; SQLite runs transactions one at a time).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from bot.services.plans import COUNTERS, RESOURCES, PlanPolicy, Resource, effective_plan
from models import User
from models.payments import Plan

__all__ = [
    "QuotaExceeded",
    "Quotas",
    "RateLimited",
    "Resource",
    "Usage",
]

_EPSILON = 1e-9  # refills are float arithmetic: 0.25 day x 4 a day is one whole token


class QuotaExceeded(Exception):
    """The user's plan does not allow one more `resource` (`limit` of them; None when the
    refusal is not the plan's, as for RateLimited). Handlers word it."""

    def __init__(self, resource: Resource, plan: Plan | None, limit: int | None) -> None:
        self.resource, self.plan, self.limit = resource, plan, limit
        super().__init__(f"{resource} limit of the {plan} plan reached")


class RateLimited(QuotaExceeded):
    """Too many interview starts lately (token bucket); `retry_in_hours` says when one frees."""

    def __init__(self, retry_in_hours: float) -> None:
        super().__init__("interview", None, None)
        self.retry_in_hours = retry_in_hours


@dataclass(frozen=True, slots=True)
class Usage:
    plan: Plan  # in force now
    expires_at: datetime | None  # of the plan in force (None for Free)
    expired: Plan | None  # a paid plan that has ended, if any
    used: dict[Resource, int]
    limits: dict[Resource, int | None]  # None = unlimited, 0 = not included
    interview_starts: int  # whole tokens in the bucket now
    bucket_capacity: int
    bucket_refill_per_day: float


class Quotas:
    """`check`, `async with spend`, `begin_interview` and `usage`, under `plans`' limits and
    clock (read at each call, so a test may set `plans.clock`)."""

    __slots__ = ("plans",)

    def __init__(self, plans: PlanPolicy) -> None:
        self.plans = plans

    async def begin_interview(self, user_id: int) -> None:
        """Called when an interview starts: checks the plan and takes one start token from the
        user's bucket (raises QuotaExceeded or RateLimited). The interview counts against the
        plan only once the candidate answers, via `spend(user_id, "interview")`."""
        await self.check(user_id, "interview")
        await self._take_interview_token(user_id)

    async def check(self, user_id: int, resource: Resource) -> None:
        """Raise QuotaExceeded when the user has none of `resource` left."""
        user = await User.get_or_none(id=user_id)
        if user is None:  # not seen yet: a new Free user with nothing used
            limit = self.plans.limit(Plan.FREE, resource)
            if limit == 0:
                raise QuotaExceeded(resource, Plan.FREE, limit)
            return
        plan = effective_plan(user.plan, user.plan_expires_at, self.plans.now())
        limit = self.plans.limit(plan, resource)
        if limit is not None and getattr(user, COUNTERS[resource]) >= limit:
            raise QuotaExceeded(resource, plan, limit)

    @asynccontextmanager
    async def spend(self, user_id: int, resource: Resource) -> AsyncIterator[None]:
        """Reserve one unit of `resource` for the block; released again if the block raises."""
        counter = COUNTERS[resource]
        at = self.plans.now()
        allowed = self._may_spend(resource, at)
        taken = 0
        if allowed is not None:
            taken = await User.filter(allowed, id=user_id).update(**{counter: F(counter) + 1})
        if not taken:
            raise await self._refusal(user_id, resource, at)
        try:
            yield
        except BaseException:
            await asyncio.shield(_release(user_id, counter))
            raise

    async def _refusal(self, user_id: int, resource: Resource, at: datetime) -> QuotaExceeded:
        user = await User.get_or_none(id=user_id).only("id", "plan", "plan_expires_at")
        if user is None:
            raise LookupError(f"no user {user_id}: users are created before any feature runs")
        plan = effective_plan(user.plan, user.plan_expires_at, at)
        return QuotaExceeded(resource, plan, self.plans.limit(plan, resource))

    def _may_spend(self, resource: Resource, at: datetime) -> Q | None:
        """Rows that may take one more `resource` at `at`: on a plan without a limit for it, or
        under that plan's limit. None when no plan includes it."""
        counter = COUNTERS[resource]
        parts: list[Q] = []
        for plan in Plan:
            limit = self.plans.limit(plan, resource)
            if limit == 0:
                continue
            if plan is Plan.FREE:
                on_plan = Q(plan=Plan.FREE) | Q(plan_expires_at__lte=at)
            else:
                on_plan = Q(plan=plan) & (
                    Q(plan_expires_at__isnull=True) | Q(plan_expires_at__gt=at)
                )
            parts.append(on_plan if limit is None else on_plan & Q(**{f"{counter}__lt": limit}))
        return reduce(or_, parts) if parts else None

    # ----- interview starts: a token bucket ------------------------------------------------
    def bucket_level(self, tokens: float | None, as_of: datetime | None, at: datetime) -> float:
        """Tokens in the bucket at `at`, refilled continuously since `as_of` up to the
        capacity."""
        capacity = float(self.plans.bucket_capacity)
        if tokens is None or as_of is None:
            return capacity
        days = max(0.0, (at - as_of).total_seconds() / 86_400)
        return min(capacity, tokens + days * self.plans.bucket_refill_per_day)

    async def _take_interview_token(self, user_id: int) -> None:
        at = self.plans.now()
        async with in_transaction():
            user = await User.select_for_update().get_or_none(id=user_id)
            if user is None:
                return
            level = self.bucket_level(user.interview_tokens, user.interview_tokens_at, at)
            if level < 1 - _EPSILON:
                hours = (1 - level) / self.plans.bucket_refill_per_day * 24
                raise RateLimited(retry_in_hours=hours)
            # max: a level of 1 - ε (float refills) must not store -ε, which the CHECK refuses
            user.interview_tokens, user.interview_tokens_at = max(0.0, level - 1), at
            await user.save(update_fields=["interview_tokens", "interview_tokens_at"])

    async def give_back_interview(self, user_id: int, *, counted: bool, token: bool) -> None:
        """An interview discarded, or ended too short for a report, doesn't count: its plan
        unit goes back when its first answer took one (`counted`), and its start token when
        `token` (a discarded interview: /plan reads as before it started)."""
        at = self.plans.now()
        async with in_transaction():
            user = await User.select_for_update().get_or_none(id=user_id)
            if user is None:
                return
            fields: list[str] = []
            if token:
                level = self.bucket_level(user.interview_tokens, user.interview_tokens_at, at)
                user.interview_tokens = min(float(self.plans.bucket_capacity), level + 1)
                user.interview_tokens_at = at
                fields += ["interview_tokens", "interview_tokens_at"]
            counter = COUNTERS["interview"]
            if counted and getattr(user, counter) > 0:
                setattr(user, counter, getattr(user, counter) - 1)
                fields.append(counter)
            if fields:
                await user.save(update_fields=fields)

    # ----- what /plan shows -----------------------------------------------------------------
    async def usage(self, user_id: int) -> Usage:
        policy = self.plans
        user = await User.get_or_none(id=user_id)
        at = policy.now()
        stored = Plan(user.plan) if user else Plan.FREE
        expires_at = user.plan_expires_at if user else None
        plan = effective_plan(stored, expires_at, at)
        level = (
            self.bucket_level(user.interview_tokens, user.interview_tokens_at, at) if user else None
        )
        return Usage(
            plan=plan,
            expires_at=expires_at if plan is not Plan.FREE else None,
            expired=stored if stored is not plan else None,
            used={r: getattr(user, COUNTERS[r]) if user else 0 for r in RESOURCES},
            limits={r: policy.limit(plan, r) for r in RESOURCES},
            interview_starts=(
                math.floor(level + _EPSILON) if level is not None else policy.bucket_capacity
            ),
            bucket_capacity=policy.bucket_capacity,
            bucket_refill_per_day=policy.bucket_refill_per_day,
        )


async def _release(user_id: int, counter: str) -> None:
    await User.filter(id=user_id, **{f"{counter}__gt": 0}).update(**{counter: F(counter) - 1})
