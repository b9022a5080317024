"""Stopping a user's Stars subscriptions (on /ban and on /deleteme)."""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot.context import CoachContext
from bot.services.admin import subscription_charges

log = logging.getLogger(__name__)


async def cancel_subscriptions(context: CoachContext, user_id: int) -> list[tuple[str, str | None]]:
    """Stop the renewals of the user's Stars subscriptions (each named by its latest charge):
    (charge id, None) when cancelled, (charge id, Telegram's refusal) otherwise."""
    outcomes: list[tuple[str, str | None]] = []
    for charge_id in await subscription_charges(user_id):
        try:
            await context.bot.edit_user_star_subscription(user_id, charge_id, is_canceled=True)
        except TelegramError as exc:
            log.warning("Could not cancel subscription %s of %s: %s", charge_id, user_id, exc)
            outcomes.append((charge_id, exc.message))
        else:
            outcomes.append((charge_id, None))
    return outcomes
