"""Telling a user plainly which limit they reached, with an Upgrade button."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message

from bot import metrics
from bot.context import CoachContext
from bot.i18n import Texts
from bot.services.quotas import QuotaExceeded, RateLimited
from handlers.kit.buttons import Button
from handlers.kit.replies import reply
from models.payments import Plan


class UpgradeButton(Button, prefix="plan.upgrade"):
    """Opens the plans to buy (handled by the plans feature)."""


class BuyButton(Button, prefix="plan.buy"):
    """Starts the purchase of one plan (handled by the plans feature)."""

    plan: Plan


def limit_text(t: Texts, exc: QuotaExceeded) -> str:
    if isinstance(exc, RateLimited):
        return t("kit-limit-rate", hours=max(1, round(exc.retry_in_hours)))
    plan = t.plain("plans-name", plan=(exc.plan or Plan.FREE).value)
    what = t("kit-limit-what", resource=exc.resource)
    if exc.limit:
        return t("kit-limit-used", limit=exc.limit, what=what, plan=plan)
    if exc.resource == "resume":
        return t("kit-limit-resume", plan=plan)
    capitalized = t("kit-limit-what-capitalized", resource=exc.resource)
    return t("kit-limit-excluded", what_capitalized=capitalized, plan=plan)


def upgrade_keyboard(t: Texts, exc: QuotaExceeded) -> InlineKeyboardMarkup | None:
    """Straight to the plan that lifts this limit: only Max includes resume analysis."""
    if isinstance(exc, RateLimited):
        return None
    if exc.resource == "resume":
        button = BuyButton(plan=Plan.MAX).button(t.plain("kit-button-get-max"))
    else:
        button = UpgradeButton().button(t.plain("kit-button-upgrade"))
    return InlineKeyboardMarkup([[button]])


async def explain_limit(message: Message, context: CoachContext, exc: QuotaExceeded) -> None:
    metrics.QUOTA_REFUSALS.labels(str(getattr(exc.resource, "value", exc.resource))).inc()
    t = context.texts
    await reply(message, limit_text(t, exc), reply_markup=upgrade_keyboard(t, exc))
