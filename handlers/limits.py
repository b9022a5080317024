"""Telling a user plainly which limit they reached, with an Upgrade button."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.services.quotas import QuotaExceeded, RateLimited
from handlers import callbacks
from handlers.replies import reply

UPGRADE_DATA = callbacks.make("plan", "upgrade")

_WHAT = {
    "question": "practice questions",
    "interview": "mock interviews",
    "resume": "resume analyses",
}


def limit_text(exc: QuotaExceeded) -> str:
    if isinstance(exc, RateLimited):
        return (
            "⏳ You've started a lot of interviews lately. The next one frees up in about "
            f"{max(1, round(exc.retry_in_hours))} h."
        )
    what = _WHAT.get(exc.resource, exc.resource)
    if exc.limit:
        return (
            f"🔒 You've used all {exc.limit} {what} of the {exc.plan} plan. "
            "Upgrade to keep going — /plan shows your usage."
        )
    if exc.resource == "resume":
        return f"🔒 Resume analysis comes with the Max plan; it's not part of the {exc.plan} plan."
    return (
        f"🔒 {what.capitalize()} are not part of the {exc.plan} plan. "
        "Upgrade to use them — /plan shows what each plan includes."
    )


def upgrade_keyboard(exc: QuotaExceeded) -> InlineKeyboardMarkup | None:
    """Straight to the plan that lifts this limit: only Max includes resume analysis."""
    if isinstance(exc, RateLimited):
        return None
    if exc.resource == "resume":
        button = InlineKeyboardButton(
            "⭐ Get Max", callback_data=callbacks.make("plan", "buy", "max")
        )
    else:
        button = InlineKeyboardButton("⭐ Upgrade", callback_data=UPGRADE_DATA)
    return InlineKeyboardMarkup([[button]])


async def explain_limit(message: Message, exc: QuotaExceeded) -> None:
    await reply(message, limit_text(exc), reply_markup=upgrade_keyboard(exc))
