"""Plans and payments: /plan, /upgrade, the plan buttons, Telegram Stars payments,
/paysupport, and the flood notice."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    BaseHandler,
    CommandHandler,
    MessageHandler,
    PreCheckoutQueryHandler,
    filters,
)

from handlers.kit.buttons import on_press
from handlers.kit.flow import Flow
from handlers.plans.buttons import BuyButton, UpgradeButton
from handlers.plans.flood import flood_notifier
from handlers.plans.payments import pre_checkout, refunded_payment, successful_payment
from handlers.plans.plan import buy_button, plan_command, upgrade_button, upgrade_command
from handlers.plans.support import paysupport_command

__all__ = ["flood_notifier", "flows", "handlers", "payment_handlers"]


def flows() -> list[Flow]:
    return []  # no conversation


def payment_handlers() -> list[BaseHandler[Any, Any, Any]]:
    """Payments and the plan buttons, in a group before conversations so no flow swallows
    them; each stops the update there."""
    return [
        PreCheckoutQueryHandler(pre_checkout),
        MessageHandler(filters.SUCCESSFUL_PAYMENT, successful_payment),
        MessageHandler(filters.StatusUpdate.REFUNDED_PAYMENT, refunded_payment),
        on_press(UpgradeButton, upgrade_button),
        on_press(BuyButton, buy_button),
    ]


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return [
        CommandHandler("plan", plan_command),
        CommandHandler("upgrade", upgrade_command),
        CommandHandler("paysupport", paysupport_command),
    ]
