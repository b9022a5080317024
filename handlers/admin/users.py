"""Admin lookups: /stats (usage figures) and /user (one user's plan, usage and status)."""

from __future__ import annotations

from telegram import Message

from bot.context import CoachContext
from bot.i18n import Html, Texts
from bot.rendering import escape
from bot.services import admin as service
from bot.services import learning
from bot.services.quotas import Usage
from handlers.admin.audit import day, usage_error, user_arg, when, who
from handlers.kit.replies import reply
from handlers.plans.common import plan_name
from models.payments import Plan


# ----- /stats --------------------------------------------------------------------------------
def _figure(none: str, value: float | None, fmt: str = "{:.1f}") -> str:
    return none if value is None else fmt.format(value)


def _duration(none: str, seconds: float | None) -> str:
    if seconds is None:
        return none
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


async def stats_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if args:
        raise usage_error("stats")
    t = context.texts
    s = await service.stats(context.services.plans)
    learn = await learning.learner_stats(context.services.plans.now())
    none = t.plain("admin-stats-none")
    plans_line = (
        " · ".join(f"{name} {count}" for name, count in s.users_per_plan.items())
        if s.users_per_plan is not None
        else none
    )
    text = t(
        "admin-stats",
        users=s.users,
        new_users=s.new_users,
        active_users=s.active_users,
        blocked=s.blocked_users,
        banned=s.banned_users,
        plans=plans_line,
        jobs=s.job_profiles,
        questions=s.questions,
        answers=_figure(none, s.answers, "{:.0f}"),
        answers_rating=_figure(none, s.answers_avg_rating),
        interviews=s.interviews,
        completed=_figure(none, s.interviews_completed, "{:.0f}"),
        duration=_duration(none, s.interview_avg_seconds),
        interview_rating=_figure(none, s.interview_avg_rating),
        resumes=_figure(none, s.resume_analyses, "{:.0f}"),
        learners_7=learn.active_7,
        learners_30=learn.active_30,
        answers_per_day=f"{learn.answers_per_day:.1f}",
        reminders=learn.reminder_opt_ins,
        stars=s.stars,
        payments=s.payments,
    )
    await reply(message, text)
    return f"users={s.users} stars={s.stars}"


# ----- /user ---------------------------------------------------------------------------------
def _usage_lines(t: Texts, usage: Usage) -> list[str]:
    lines = []
    for resource, used in usage.used.items():
        name = t.html("admin-user-resource", resource=resource)
        limit = usage.limits.get(resource)
        if limit is None:
            lines.append(t("admin-user-usage-unlimited", name=name, used=used))
        elif limit == 0:
            lines.append(t("admin-user-usage-excluded", name=name, used=used))
        else:
            lines.append(t("admin-user-usage-limited", name=name, used=used, limit=limit))
    starts = t("admin-user-starts", starts=usage.interview_starts, capacity=usage.bucket_capacity)
    lines.append(starts)
    return lines


def _plan_text(t: Texts, usage: Usage) -> str:
    name = plan_name(t, usage.plan)
    if usage.plan is not Plan.FREE:
        if usage.expires_at:
            return t("admin-user-plan-until", name=name, date=day(usage.expires_at))
        return t("admin-user-plan-no-end", name=name)
    if usage.expired is not None:
        return t("admin-user-plan-ended", name=name, ended=plan_name(t, usage.expired))
    return escape(name)


async def user_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1:
        raise usage_error("user")
    user = await user_arg(args, "user")
    info = await service.profile(context.services.quotas, user)
    t = context.texts
    if user.is_banned:
        status = (
            t("admin-user-banned-because", reason=user.ban_reason)
            if user.ban_reason
            else t("admin-user-banned")
        )
    else:
        status = t("admin-user-active")
    text = t(
        "admin-user",
        who=who(t, user),
        joined=when(t, user.created_at),
        last_active=when(t, user.last_seen_at, clock=True),
        plan=Html(_plan_text(t, info.usage)),
        usage=Html(" · ".join(_usage_lines(t, info.usage))),
        jobs=info.job_profiles,
        reachable=bool(user.is_active),
        status=Html(status),
    )
    await reply(message, text)
    return f"shown user {user.id}"
