"""Administration: figures, user lookup, plans by hand, bans, payments to refund, the audit trail.

Every figure comes from an aggregate query (COUNT, AVG, SUM, GROUP BY), never by loading rows.
Plans and their limits belong to `bot.services.plans`; this module only reads and sets them,
through the `PlanPolicy` and `Quotas` the handlers pass in (`context.services`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import Q
from tortoise.functions import Avg, Count, Max, Sum
from tortoise.queryset import QuerySet

from bot.services.plans import CURRENCY, PlanPolicy
from bot.services.quotas import Quotas, Usage
from models import Interview, JobInfo, Question, User
from models.admin import AdminAction
from models.answers import Answer
from models.core import InterviewStatus
from models.payments import Payment, Plan
from models.resume import ResumeAnalysisRecord

RECENT = timedelta(days=7)
MAX_PLAN_DAYS = 3650
_USERNAME = re.compile(r"^@([A-Za-z0-9_]{1,32})$")


# ----- looking people up ---------------------------------------------------------------------
def parse_user_ref(text: str) -> int | str | None:
    """A Telegram id (digits) or a @username; None when it is neither."""
    text = text.strip()
    if re.fullmatch(r"\d{1,19}", text):
        return int(text) if int(text) < 2**63 else None  # ids fit in BIGINT
    match = _USERNAME.match(text)
    return match.group(1) if match else None


async def find_user(ref: int | str) -> User | None:
    if isinstance(ref, int):
        return await User.get_or_none(id=ref)
    return await User.filter(username__iexact=ref).order_by("-updated_at").first()


async def is_banned(user_id: int) -> bool:
    return await User.filter(id=user_id, is_banned=True).exists()


# ----- the audit trail -----------------------------------------------------------------------
async def record_action(
    admin_id: int, command: str, arguments: str, result: str, *, ok: bool = True
) -> AdminAction:
    return await AdminAction.create(
        admin_id=admin_id,
        command=command[:32],
        arguments=arguments[:4000],
        result=result[:4000],
        ok=ok,
    )


# The admins' command menu is remembered in the audit trail: a "menu" row when it is set for an
# admin the trail doesn't know yet, another when it is taken from a former admin. Anyone in the
# trail but no longer an admin (and not taken already) still has it.
MENU = "menu"
MENU_SET = "admin menu set"
MENU_REMOVED = "admin menu removed: no longer an admin"


async def remember_menu(admin_id: int) -> None:
    """Note that `admin_id` has the admin menu, unless the trail knows them as an admin."""
    last = await AdminAction.filter(admin_id=admin_id).order_by("-id").first()
    if last is None or (last.command == MENU and last.result == MENU_REMOVED):
        await record_action(admin_id, MENU, "", MENU_SET)


async def former_admins_with_menu(admin_ids: Collection[int]) -> list[int]:
    """Ids in the audit trail that are not admins now and whose menu wasn't taken yet."""
    query = AdminAction.exclude(admin_id=0)  # 0: users' own actions (/deleteme), no admin
    if admin_ids:
        query = query.exclude(admin_id__in=list(admin_ids))
    rows = await query.annotate(last=Max("id")).group_by("admin_id").values("admin_id", "last")
    taken = set(
        await AdminAction.filter(
            id__in=[row["last"] for row in rows], command=MENU, result=MENU_REMOVED
        ).values_list("admin_id", flat=True)
    )
    return sorted(row["admin_id"] for row in rows if row["admin_id"] not in taken)


async def menu_removed(admin_id: int) -> None:
    await record_action(admin_id, MENU, "", MENU_REMOVED)


# ----- figures -------------------------------------------------------------------------------
@dataclass(slots=True)
class Stats:
    users: int
    new_users: int
    active_users: int
    blocked_users: int
    banned_users: int
    users_per_plan: dict[str, int]
    job_profiles: int
    questions: int
    answers: int
    answers_avg_rating: float | None
    interviews: int
    interviews_completed: int
    interview_avg_seconds: float | None
    interview_avg_rating: float | None
    resume_analyses: int
    stars: int
    payments: int


class _Mean(Avg):
    """AVG as a float (tortoise's Avg casts it back to the column's type: 7.5 → 7)."""

    populate_field_object = False


async def _count(query: QuerySet[Any]) -> int:
    rows = await query.annotate(_n=Count("id")).values("_n")
    return int(rows[0]["_n"] or 0) if rows else 0


async def _aggregate(query: QuerySet[Any], function: Any) -> float | None:
    rows = await query.annotate(_v=function).values("_v")
    value = rows[0]["_v"] if rows else None
    return None if value is None else float(value)


# Seconds from start to end, in each database's own terms.
_SECONDS = {
    "postgres": 'EXTRACT(EPOCH FROM ("ended_at" - "started_at"))',
    "sqlite": '(JULIANDAY("ended_at") - JULIANDAY("started_at")) * 86400',
}


async def _average_interview_seconds() -> float | None:
    """AVG of completed interviews' durations (`ended_at - started_at`), computed by the
    database."""
    conn = connections.get("default")
    rows = await conn.execute_query_dict(
        f'SELECT AVG({_SECONDS[conn.capabilities.dialect]}) AS "avg" FROM "interviews"'
        " WHERE \"status\" = 'completed'"
        ' AND "started_at" IS NOT NULL AND "ended_at" IS NOT NULL'
    )
    value = rows[0]["avg"] if rows else None
    return None if value is None else float(value)


async def _users_per_plan(at: datetime) -> dict[str, int]:
    """Users by the plan in force: a plan past its expiry counts as free."""
    per_plan = {plan.value: 0 for plan in Plan}
    rows = (
        await User.filter(Q(plan_expires_at__isnull=True) | Q(plan_expires_at__gt=at))
        .annotate(_n=Count("id"))
        .group_by("plan")
        .values("plan", "_n")
    )
    for row in rows:
        per_plan[str(getattr(row["plan"], "value", row["plan"]))] += int(row["_n"])
    per_plan[Plan.FREE.value] += await _count(User.filter(plan_expires_at__lte=at))
    return per_plan


async def stats(policy: PlanPolicy) -> Stats:
    at = policy.now()
    since = at - RECENT
    completed = Interview.filter(status=InterviewStatus.COMPLETED)
    paid = Payment.filter(refunded=False, currency=CURRENCY)
    return Stats(
        users=await _count(User.all()),
        new_users=await _count(User.filter(created_at__gte=since)),
        active_users=await _count(User.filter(last_seen_at__gte=since)),
        blocked_users=await _count(User.filter(is_active=False)),
        banned_users=await _count(User.filter(is_banned=True)),
        users_per_plan=await _users_per_plan(at),
        job_profiles=await _count(JobInfo.all()),
        questions=await _count(Question.all()),
        answers=await _count(Answer.all()),
        answers_avg_rating=await _aggregate(Answer.all(), _Mean("rating")),
        interviews=await _count(Interview.all()),
        interviews_completed=await _count(completed),
        interview_avg_seconds=await _average_interview_seconds(),
        interview_avg_rating=await _aggregate(
            completed.filter(overall_rating__isnull=False), _Mean("overall_rating")
        ),
        resume_analyses=await _count(ResumeAnalysisRecord.all()),
        stars=int(await _aggregate(paid, Sum("amount")) or 0),
        payments=await _count(paid),
    )


# ----- one user ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Profile:
    user: User
    usage: Usage  # the plan in force, its expiry, usage against limits
    job_profiles: int


async def profile(quotas: Quotas, user: User) -> Profile:
    return Profile(
        user=user,
        usage=await quotas.usage(user.id),
        job_profiles=await _count(JobInfo.filter(user_id=user.id)),
    )


# ----- changing a user -----------------------------------------------------------------------
async def set_plan(policy: PlanPolicy, user: User, plan: Plan, days: int | None) -> datetime | None:
    """Put the user on `plan` by hand: for `days` from `policy.now()`, or with no end when days
    is None (free never ends). Returns the new expiry."""
    expires = None if plan is Plan.FREE or days is None else policy.now() + timedelta(days=days)
    await User.filter(id=user.id).update(plan=plan, plan_expires_at=expires)
    return expires


async def ban(user_id: int, reason: str | None) -> bool:
    """Ban the user; False if they were banned already (the reason is updated either way)."""
    changed = await User.filter(id=user_id, is_banned=False).update(
        is_banned=True, ban_reason=reason
    )
    if not changed:
        await User.filter(id=user_id).update(ban_reason=reason)
    return bool(changed)


async def subscription_charges(user_id: int) -> list[str]:
    """The latest charge of each Stars subscription the user has paid for (one subscription
    per subscription invoice), newest first: the ids that name them to Telegram."""
    rows = (
        await Payment.filter(user_id=user_id, is_recurring=True)
        .order_by("-created_at", "-id")
        .values_list("invoice_payload", "telegram_payment_charge_id")
    )
    latest: dict[str, str] = {}
    for payload, charge_id in rows:
        latest.setdefault(payload, charge_id)
    return list(latest.values())


async def unban(user_id: int) -> bool:
    """Lift the ban; False if the user was not banned."""
    return bool(
        await User.filter(id=user_id, is_banned=True).update(is_banned=False, ban_reason=None)
    )


# ----- payments ------------------------------------------------------------------------------
async def find_payment(charge_id: str) -> Payment | None:
    return await Payment.get_or_none(telegram_payment_charge_id=charge_id)
