"""Admin actions on accounts: /setplan, /refund, /ban (which also stops the renewals of the
user's Stars subscriptions) and /unban, and the ban guard that keeps a banned user out."""

from __future__ import annotations

import logging
import time

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop

from bot.context import CoachContext
from bot.i18n import Html
from bot.services import admin as service
from handlers.admin.audit import UsageError, day, usage_error, user_arg, who
from handlers.kit.replies import reply
from handlers.plans.common import plan_name
from handlers.plans.subscriptions import cancel_subscriptions
from models.payments import Plan

log = logging.getLogger(__name__)

BAN_NOTICE_EVERY = 3600.0  # seconds between two notices to the same banned user
_NOTICES = "admin:ban_notices"


# ----- /setplan ------------------------------------------------------------------------------
async def setplan_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    parts = args.split()
    if len(parts) not in (2, 3):
        raise usage_error("setplan")
    try:
        plan = Plan(parts[1].lower())
        days = int(parts[2]) if len(parts) == 3 else None
    except ValueError:
        raise usage_error("setplan") from None
    if days is not None and not 1 <= days <= service.MAX_PLAN_DAYS:
        raise UsageError("admin-setplan-days", max=service.MAX_PLAN_DAYS)
    if plan is Plan.FREE and days is not None:
        raise UsageError("admin-setplan-free-no-end")
    user = await user_arg(parts[0], "setplan")
    expires = await service.set_plan(context.services.plans, user, plan, days)
    t = context.texts
    until = (
        t.html("admin-setplan-until", date=day(expires))
        if expires
        else Html("" if plan is Plan.FREE else t("admin-setplan-no-end"))
    )
    name = plan_name(t, plan)
    await reply(message, t("admin-setplan-done", who=who(t, user), plan=name, until=until))
    noted = f" until {day(expires)}" if expires else ("" if plan is Plan.FREE else " (no end)")
    return f"user {user.id}: {plan.value}{noted}"


# ----- /refund -------------------------------------------------------------------------------
async def refund_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1 or len(args) > 255:
        raise usage_error("refund")
    payment = await service.find_payment(args)
    if payment is None:
        raise UsageError("admin-refund-unknown")
    if payment.refunded:
        raise UsageError("admin-refund-already")
    try:
        await context.bot.refund_star_payment(payment.user_id, args)
    except TelegramError as exc:
        raise UsageError("admin-refund-refused", reason=exc.message) from None
    refunded = await context.services.plans.refund_payment(args)
    t = context.texts
    if refunded is None:  # the payment row went away meanwhile (its user was deleted)
        await reply(message, t("admin-refund-record-gone"))
        return f"refunded by Telegram; payment {args} no longer recorded"
    await reply(
        message,
        t(
            "admin-refund-done",
            amount=payment.amount,
            user=payment.user_id,
            plan=plan_name(t, payment.plan),
        ),
    )
    return f"refunded {payment.amount} XTR to user {payment.user_id}"


# ----- /ban /unban ---------------------------------------------------------------------------
async def ban_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    parts = args.split(maxsplit=1)
    if not parts:
        raise usage_error("ban")
    reason = parts[1].strip()[:255] if len(parts) > 1 else None
    user = await user_arg(parts[0], "ban")
    if user.id in context.settings.admin_ids:
        raise UsageError("admin-ban-admin")
    newly = await service.ban(user.id, reason)
    _notices(context.application).pop(user.id, None)
    t = context.texts
    because = t.html("admin-ban-reason", reason=reason) if reason else Html("")
    lines = [t("admin-ban-done", newly=newly, who=who(t, user), reason=because)]
    outcomes = [f"user {user.id} {'banned' if newly else 'already banned'}"]
    for charge_id, refusal in await cancel_subscriptions(context, user.id):
        if refusal is None:
            lines.append(t("admin-ban-subscription-cancelled", charge=charge_id))
            outcomes.append(f"subscription {charge_id} cancelled")
        else:
            lines.append(t("admin-ban-subscription-refused", charge=charge_id, reason=refusal))
            outcomes.append(f"subscription {charge_id} not cancelled: {refusal}")
    await reply(message, "\n".join(lines))
    return "; ".join(outcomes)


async def unban_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1:
        raise usage_error("unban")
    user = await user_arg(args, "unban")
    if not await service.unban(user.id):
        raise UsageError("admin-unban-not-banned", id=user.id)
    _notices(context.application).pop(user.id, None)
    await reply(message, context.texts("admin-unban-done", who=who(context.texts, user)))
    return f"user {user.id} unbanned"


# ----- the ban guard -------------------------------------------------------------------------
def _notices(app: Application) -> dict[int, float]:
    notices: dict[int, float] = app.bot_data.setdefault(_NOTICES, {})
    return notices


async def ban_guard(update: Update, context: CoachContext) -> None:
    """A banned user gets one short notice (again at most hourly) and nothing else; their
    payments can't start (pre-checkout refused), but a charge already made is still recorded."""
    user = update.effective_user
    if user is None or user.id in context.settings.admin_ids:
        return
    message = update.message
    if message is not None and (message.successful_payment or message.refunded_payment):
        return  # money Telegram has moved already (e.g. a subscription renewal) is recorded
    if not context.session.user.is_banned:  # read with the session (fails closed there)
        return
    notice = context.texts.plain("admin-ban-notice")
    notices = _notices(context.application)
    now = time.monotonic()
    due = now - notices.get(user.id, float("-inf")) >= BAN_NOTICE_EVERY
    if due:
        notices[user.id] = now
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(notice if due else None)
        elif update.pre_checkout_query is not None:
            await update.pre_checkout_query.answer(ok=False, error_message=notice)
        elif (
            due
            and update.effective_message is not None
            and update.effective_chat is not None
            and update.effective_chat.type == ChatType.PRIVATE
        ):
            await reply(update.effective_message, context.texts("admin-ban-notice"))
    except TelegramError as exc:
        log.info("Could not tell banned user %s: %s", user.id, exc)
    raise ApplicationHandlerStop
