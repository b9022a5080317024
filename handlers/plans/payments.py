"""Telegram Stars payments: a pre-checkout query, answered at once after checking the invoice,
then a successful_payment message that activates or extends the plan; refunds take it back.
Each handler stops the update (they run before any flow, which must not swallow them)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import CoachContext
from bot.services import plans
from handlers.kit.replies import reply
from handlers.plans.common import date_text, plan_name

log = logging.getLogger(__name__)


async def pre_checkout(update: Update, context: CoachContext) -> None:
    """Answer within Telegram's 10 seconds: ok only for our invoice, its payer, today's price."""
    query = update.pre_checkout_query
    assert query is not None
    try:
        problem = await context.services.plans.validate_checkout(
            query.invoice_payload, query.from_user.id, query.currency, query.total_amount
        )
    except Exception:
        await query.answer(ok=False, error_message=context.texts.plain("plans-checkout-failed"))
        raise
    if problem:
        log.info("Pre-checkout %s by %s refused: %s", query.id, query.from_user.id, problem)
        await query.answer(ok=False, error_message=context.texts.plain(f"plans-checkout-{problem}"))
    else:
        await query.answer(ok=True)
    raise ApplicationHandlerStop


async def successful_payment(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message is not None and message.successful_payment and update.effective_user
    t = context.texts
    paid = message.successful_payment
    charge = paid.telegram_payment_charge_id
    result = await context.services.plans.record_payment(
        update.effective_user.id,
        payload=paid.invoice_payload,
        currency=paid.currency,
        total_amount=paid.total_amount,
        charge_id=charge,
        provider_charge_id=paid.provider_payment_charge_id,
        is_recurring=bool(paid.is_recurring),
    )
    if result is None:
        await reply(message, t("plans-payment-unmatched", charge=charge))
    elif not result.applied:
        log.info("Payment %s was already recorded", charge)
    elif result.wrong_amount:
        await reply(
            message, t("plans-payment-wrong-amount", amount=paid.total_amount, charge=charge)
        )
    else:
        until = (
            t.plain("plans-payment-until", date=date_text(t, result.expires_at))
            if result.expires_at
            else ""
        )
        renewed = bool(paid.is_recurring and not paid.is_first_recurring)
        await reply(
            message,
            t(
                "plans-payment-done",
                name=plan_name(t, result.plan),
                renewed=renewed,
                until=until,
            ),
        )
    raise ApplicationHandlerStop


async def refunded_payment(update: Update, context: CoachContext) -> None:
    """Telegram tells us a payment was refunded: take back what it bought (once)."""
    message = update.effective_message
    assert message is not None and message.refunded_payment
    refunded = message.refunded_payment
    if await plans.is_refunded(refunded.telegram_payment_charge_id):
        raise ApplicationHandlerStop  # already taken back (the admin's /refund)
    await context.services.plans.refund_payment(refunded.telegram_payment_charge_id)
    await reply(message, context.texts("plans-refunded", amount=refunded.total_amount))
    raise ApplicationHandlerStop
