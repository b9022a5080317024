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
        return f"🔒 You've used all {exc.limit} {what} of the {exc.plan} plan."
    return f"🔒 {what.capitalize()} are not part of the {exc.plan} plan."


async def explain_limit(message: Message, exc: QuotaExceeded) -> None:
    keyboard = None
    if not isinstance(exc, RateLimited):
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton("⭐ Upgrade", callback_data=UPGRADE_DATA)]]
        )
        text = limit_text(exc) + " Upgrade to keep going — /plan shows your usage."
    else:
        text = limit_text(exc)
    await reply(message, text, reply_markup=keyboard)
