"""Admin lookups: /stats (usage figures) and /user (one user's plan, usage and status)."""

from __future__ import annotations

from telegram import Message

from bot.context import CoachContext
from bot.rendering import escape
from bot.services import admin as service
from bot.services import learning, plans
from bot.services.quotas import Usage
from handlers.admin.audit import usage_error, user_arg, when, who
from handlers.kit.replies import reply
from models.payments import Plan


# ----- /stats --------------------------------------------------------------------------------
def _figure(value: float | None, fmt: str = "{:.1f}") -> str:
    return "—" if value is None else fmt.format(value)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


async def stats_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if args:
        raise usage_error("stats")
    s = await service.stats(context.services.plans)
    learn = await learning.learner_stats(context.services.plans.now())
    plans_line = (
        " · ".join(f"{name} {count}" for name, count in s.users_per_plan.items())
        if s.users_per_plan is not None
        else "—"
    )
    lines = [
        "📊 <b>Stats</b>",
        f"Users: <b>{s.users}</b> · new in 7 days {s.new_users} · active in 7 days "
        f"{s.active_users}",
        f"Blocked the bot: {s.blocked_users} · banned: {s.banned_users}",
        f"Plans: {plans_line}",
        f"Job profiles: {s.job_profiles}",
        f"Questions: {s.questions} · answers: {_figure(s.answers, '{:.0f}')}"
        f" · average rating {_figure(s.answers_avg_rating)}/10",
        f"Interviews: {s.interviews} · completed {_figure(s.interviews_completed, '{:.0f}')}"
        f" · average duration {_duration(s.interview_avg_seconds)}"
        f" · average rating {_figure(s.interview_avg_rating)}/10",
        f"Resume analyses: {_figure(s.resume_analyses, '{:.0f}')}",
        f"Learners: active in 7 days {learn.active_7} · in 30 days {learn.active_30}"
        f" · answers a day {learn.answers_per_day:.1f} · reminders on {learn.reminder_opt_ins}",
        f"Stars received: <b>{s.stars}</b> ⭐ from {s.payments} payments (refunds excluded)",
    ]
    await reply(message, "\n".join(lines))
    return f"users={s.users} stars={s.stars}"


# ----- /user ---------------------------------------------------------------------------------
_RESOURCE_NAMES = {
    "question": "practice questions",
    "interview": "mock interviews",
    "resume": "resume analyses",
}


def _usage_lines(usage: Usage) -> list[str]:
    lines = []
    for resource, used in usage.used.items():
        name = _RESOURCE_NAMES.get(resource, resource)
        limit = usage.limits.get(resource)
        if limit is None:
            lines.append(f"{name}: {used} (unlimited)")
        elif limit == 0:
            lines.append(f"{name}: {used} (not in the plan)")
        else:
            lines.append(f"{name}: {used} of {limit}")
    lines.append(f"interview starts left: {usage.interview_starts} of {usage.bucket_capacity}")
    return lines


async def user_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1:
        raise usage_error("user")
    user = await user_arg(args, "user")
    info = await service.profile(context.services.quotas, user)
    plan = plans.plan_name(info.usage.plan)
    if info.usage.plan is not Plan.FREE:
        expires = info.usage.expires_at
        plan += f" until {when(expires)}" if expires else " (no end)"
    elif info.usage.expired is not None:
        plan += f" ({plans.plan_name(info.usage.expired)} has ended)"
    status = "active"
    if user.is_banned:
        status = "🚫 banned" + (f": {escape(user.ban_reason)}" if user.ban_reason else "")
    lines = [
        f"👤 {who(user)}",
        f"Joined {when(user.created_at)} · last active {when(user.last_seen_at, clock=True)}",
        f"Plan: <b>{escape(plan)}</b>",
        "Usage: " + " · ".join(escape(line) for line in _usage_lines(info.usage)),
        f"Job profiles: {info.job_profiles}",
        f"Reachable: {'yes' if user.is_active else 'no (blocked the bot)'}",
        f"Status: {status}",
    ]
    await reply(message, "\n".join(lines))
    return f"shown user {user.id}"
