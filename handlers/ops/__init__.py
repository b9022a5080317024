"""Operations: /health for admins (the /healthz report) and alerts to admins about unhandled
errors (`alerts`)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.context import CoachContext
from bot.i18n import Texts
from bot.monitor import health
from bot.settings import Settings
from handlers.kit.replies import reply


def _seconds(t: Texts, value: float | None) -> str:
    return t.plain("ops-never") if value is None else t.plain("ops-seconds-ago", seconds=value)


async def health_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message is not None
    t = context.texts
    report = await health(context.application)
    await reply(
        update.effective_message,
        t(
            "ops-health",
            ok=str(report.ok).lower(),
            database=report.database,
            updates=report.updates,
            last_update=_seconds(t, report.last_update_seconds_ago),
            model=report.model,
            model_kind=report.model_kind or "-",
            model_at=_seconds(t, report.model_seconds_ago),
            kept=report.kept_updates,
        ),
    )


def handlers(settings: Settings) -> list[BaseHandler]:
    admins = filters.User(user_id=settings.admin_ids)
    return [CommandHandler("health", health_command, filters=admins)]
