"""/plan, /upgrade, /paysupport, Telegram Stars payments, and flood control.

Payments: /upgrade (and the Upgrade buttons) send one invoice per plan worth buying — pay once
for 30 days — each with a button to subscribe monthly instead (a Stars subscription link). Both
arrive here the same way: a pre-checkout query, answered at once after checking the invoice,
then a successful_payment message that activates or extends the plan.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LabeledPrice,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    PreCheckoutQueryHandler,
    filters,
)

from bot.context import CoachContext
from bot.rendering import escape
from bot.services import plans
from bot.settings import Settings
from handlers import callbacks
from handlers.kit.replies import reply
from models.payments import Plan

log = logging.getLogger(__name__)

_WHAT = {
    "question": "Practice questions",
    "interview": "Mock interviews",
    "resume": "Resume analyses",
}


def _date(moment: datetime) -> str:
    return f"{moment:%-d %b %Y, %H:%M} UTC"


# ----- /plan ----------------------------------------------------------------------------------
async def plan_command(update: Update, context: CoachContext) -> None:
    assert update.effective_user and update.effective_message
    user_id = update.effective_user.id
    policy = context.services.plans
    usage = await context.services.quotas.usage(user_id)
    name = plans.plan_name(usage.plan)
    lines = [f"<b>Your plan: {name}</b>"]
    if usage.expires_at is not None:
        lines.append(f"Active until {_date(usage.expires_at)}.")
    elif usage.expired is not None:
        lines.append(f"Your {plans.plan_name(usage.expired)} plan has ended; you're on Free again.")
    lines.append("")
    for resource, what in _WHAT.items():
        used, limit = usage.used[resource], usage.limits[resource]
        if limit is None:
            lines.append(f"• {what}: unlimited ({used} so far)")
        elif limit == 0:
            lines.append(f"• {what}: not included (Max plan)")
        else:
            lines.append(f"• {what}: {min(used, limit)} of {limit} used")
    lines.append(
        f"• Interview starts: {usage.interview_starts} of {usage.bucket_capacity} available "
        f"({usage.bucket_refill_per_day:g} more each day)"
    )
    offers = await policy.offers_for(user_id)
    keyboard = _plan_buttons(policy, offers, usage.plan) if offers else None
    if offers:
        lines += ["", "Upgrade with Telegram Stars: /upgrade"]
    await reply(update.effective_message, "\n".join(lines), reply_markup=keyboard)


def _plan_buttons(
    policy: plans.PlanPolicy, offers: list[Plan], current: Plan
) -> InlineKeyboardMarkup:
    row = [
        InlineKeyboardButton(
            f"⭐ {'Extend' if plan is current else 'Get'} {plans.plan_name(plan)} "
            f"— {policy.price(plan)} ⭐",
            callback_data=callbacks.make("plan", "buy", plan.value),
        )
        for plan in offers
    ]
    return InlineKeyboardMarkup([row])


# ----- /upgrade and the Upgrade buttons -----------------------------------------------------
async def upgrade_command(update: Update, context: CoachContext) -> None:
    assert update.effective_user and update.effective_message
    await _send_offers(update.effective_message, context, update.effective_user.id)


async def plan_button(update: Update, context: CoachContext) -> None:
    """`plan:upgrade` (from any limit message) and `plan:buy:<plan>` (from /plan)."""
    query = update.callback_query
    assert query is not None and update.effective_user
    data = callbacks.parse(query.data)
    user_id = update.effective_user.id
    message = query.message if isinstance(query.message, Message) else None
    if data is None or message is None:
        await query.answer()
        raise ApplicationHandlerStop
    if data.action == "buy":
        offers = await context.services.plans.offers_for(user_id)
        wanted = next((p for p in offers if p.value == data.arg()), None)
        if wanted is None:
            await query.answer("That plan isn't available. /plan shows what you have.")
            raise ApplicationHandlerStop
        await query.answer()
        await _send_invoice(message, context, user_id, wanted)
    else:
        await query.answer()
        await _send_offers(message, context, user_id)
    raise ApplicationHandlerStop


async def _send_offers(message: Message, context: CoachContext, user_id: int) -> None:
    policy = context.services.plans
    offers = await policy.offers_for(user_id)
    lines = [
        "<b>Upgrade with Telegram Stars</b>",
        f"• <b>Pro</b> — {policy.pro_price} ⭐ for 30 days: unlimited practice questions "
        "and mock interviews.",
        f"• <b>Max</b> — {policy.max_price} ⭐ for 30 days: everything in Pro, "
        "plus resume analysis.",
        "",
        "Pay once with an invoice below, or tap <i>Subscribe monthly</i> to renew every 30 days "
        "(cancel any time in Telegram). Questions about payments: /paysupport",
    ]
    if offers == [Plan.MAX]:
        lines.insert(1, "You're on Max — paying again extends it by 30 days.")
    await reply(message, "\n".join(lines))
    for plan in offers:
        await _send_invoice(message, context, user_id, plan)


async def _send_invoice(message: Message, context: CoachContext, user_id: int, plan: Plan) -> None:
    policy = context.services.plans
    once = policy.offer(user_id, plan)
    monthly = policy.offer(user_id, plan, subscription=True)
    link = await context.bot.create_invoice_link(
        title=monthly.title,
        description=monthly.description,
        payload=monthly.payload,
        currency=plans.CURRENCY,
        prices=[LabeledPrice(f"{plans.plan_name(plan)}, 30 days", monthly.price)],
        subscription_period=plans.SUBSCRIPTION_PERIOD,
    )
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(f"Pay {once.price} ⭐", pay=True)],
            [InlineKeyboardButton("🔁 Subscribe monthly", url=link)],
        ]
    )
    await context.bot.send_invoice(
        chat_id=message.chat_id,
        title=once.title,
        description=once.description,
        payload=once.payload,
        currency=plans.CURRENCY,
        prices=[LabeledPrice(f"{plans.plan_name(plan)}, 30 days", once.price)],
        reply_markup=keyboard,
    )


# ----- payments -------------------------------------------------------------------------------
async def pre_checkout(update: Update, context: CoachContext) -> None:
    """Answer within Telegram's 10 seconds: ok only for our invoice, its payer, today's price."""
    query = update.pre_checkout_query
    assert query is not None
    try:
        problem = await context.services.plans.validate_checkout(
            query.invoice_payload, query.from_user.id, query.currency, query.total_amount
        )
    except Exception:
        await query.answer(ok=False, error_message="Something went wrong — please try again.")
        raise
    if problem:
        log.info("Pre-checkout %s by %s refused: %s", query.id, query.from_user.id, problem)
        await query.answer(ok=False, error_message=problem)
    else:
        await query.answer(ok=True)
    raise ApplicationHandlerStop


async def successful_payment(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message is not None and message.successful_payment and update.effective_user
    paid = message.successful_payment
    result = await context.services.plans.record_payment(
        update.effective_user.id,
        payload=paid.invoice_payload,
        currency=paid.currency,
        total_amount=paid.total_amount,
        charge_id=paid.telegram_payment_charge_id,
        provider_charge_id=paid.provider_payment_charge_id,
        is_recurring=bool(paid.is_recurring),
    )
    if result is None:
        await reply(
            message,
            "Thank you — your payment arrived, but I couldn't match it to a plan. Please send "
            "/paysupport with this id so we can sort it out: "
            f"<code>{escape(paid.telegram_payment_charge_id)}</code>",
        )
    elif not result.applied:
        log.info("Payment %s was already recorded", paid.telegram_payment_charge_id)
    elif result.wrong_amount:
        await reply(
            message,
            f"Your payment of {paid.total_amount} ⭐ arrived, but it isn't the price of this "
            "plan, so I haven't changed your plan. Please send /paysupport with this id and "
            f"we'll sort it out: <code>{escape(paid.telegram_payment_charge_id)}</code>",
        )
    else:
        until = f" until {_date(result.expires_at)}" if result.expires_at else ""
        renewed = "renewed" if paid.is_recurring and not paid.is_first_recurring else "active"
        await reply(
            message,
            f"✅ Thank you! <b>{plans.plan_name(result.plan)}</b> is {renewed}{until}. "
            "Your limits are lifted — /plan shows your usage.",
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
    await reply(
        message,
        f"↩️ Your payment of {refunded.total_amount} ⭐ was refunded. /plan shows your plan now.",
    )
    raise ApplicationHandlerStop


# ----- /paysupport ----------------------------------------------------------------------------
async def paysupport_command(update: Update, context: CoachContext) -> None:
    assert update.effective_user and update.effective_message
    user = update.effective_user
    settings: Settings = context.settings
    question = " ".join(context.args or []).strip()
    recent = await plans.recent_payments(user.id)
    if question:
        await _pass_on(update.effective_message, context, question, recent)
        return
    lines = [
        "<b>Help with payments</b>",
        "Plans are paid in Telegram Stars, through Telegram.",
        "",
        "• <b>Paid, but the plan isn't active?</b> Payments apply within seconds — check /plan. "
        "If it still isn't, send <code>/paysupport</code> followed by what happened.",
        "• <b>Refunds:</b> within 14 days of a payment, ask with <code>/paysupport</code> and "
        "the reason; we refund the Stars in full and the plan time it bought ends.",
        "• <b>Subscriptions</b> renew every 30 days. Cancel any time in Telegram "
        "(Settings → My Stars); you keep the plan until the paid period ends.",
        "• Telegram's own support can't help with purchases made in bots — we can.",
    ]
    if settings.pay_support_contact:
        lines.append(f"• You can also write to {escape(settings.pay_support_contact)}.")
    if recent:
        lines += ["", "<b>Your recent payments</b>"]
        lines += [_payment_line(p) for p in recent]
    await reply(update.effective_message, "\n".join(lines))


def _payment_line(payment: Any) -> str:
    refunded = " (refunded)" if payment.refunded else ""
    return (
        f"• {payment.created_at:%-d %b %Y} — {plans.plan_name(payment.plan)}, "
        f"{payment.amount} ⭐{refunded}: <code>{escape(payment.telegram_payment_charge_id)}</code>"
    )


_SUPPORT_SENT = "paysupport_sent_at"  # user_data: when their last message reached the team


async def _pass_on(
    message: Message, context: CoachContext, question: str, recent: list[Any]
) -> None:
    """Relay the user's message to the admins (one per user every 10 minutes) and tell the user
    truthfully whether it reached anyone."""
    now = context.services.plans.now()
    wait = plans.support_wait(context.user_data.get(_SUPPORT_SENT), now)
    if wait is not None:
        minutes = max(1, -(-int(wait.total_seconds()) // 60))
        await reply(
            message,
            "📨 Your last message is with the team already — they'll answer you here. You can "
            f"send another in {minutes} minute{'s' if minutes != 1 else ''}.",
        )
        return
    if await _relay_to_admins(context, message, question, recent):
        context.user_data[_SUPPORT_SENT] = now.isoformat()
        await reply(
            message,
            "📨 Thanks — your message went to the team. They'll answer you here in this chat.",
        )
        return
    contact = context.settings.pay_support_contact
    elsewhere = f" or write to {escape(contact)}" if contact else ""
    await reply(
        message,
        "⚠️ Sorry — I couldn't pass your message on to the team just now. Please try again "
        f"later{elsewhere}.",
    )


async def _relay_to_admins(
    context: CoachContext, message: Message, question: str, recent: list[Any]
) -> int:
    """Send the question to every admin; how many got it. The user's text is cut before it is
    escaped, so the HTML is whole and within Telegram's length."""
    user = message.from_user
    assert user is not None
    who = escape(user.full_name) + (f" @{escape(user.username)}" if user.username else "")
    text = "\n".join(
        [
            f"💳 <b>/paysupport</b> from {who} (id <code>{user.id}</code>):",
            escape(plans.clip(question)),
            *[_payment_line(p) for p in recent],
        ]
    )
    log.warning("Payment support request from %s (%d characters)", user.id, len(question))
    reached = 0
    for admin_id in context.settings.admin_ids:
        try:
            await context.bot.send_message(admin_id, text, parse_mode=ParseMode.HTML)
            reached += 1
        except TelegramError as exc:
            log.warning("Could not pass a payment question to admin %s: %s", admin_id, exc)
    return reached


# ----- flood control --------------------------------------------------------------------------
# Counted in bot/processor.py when an update arrives, before it waits for the user's turn;
# dropped updates reach no handler. This is the one notice a user gets about it.
def flood_notifier(bot: Bot, limit: int) -> Callable[[Update, float | None], Awaitable[None]]:
    """The processor's `notify`: tells the user once, in their private chat only."""

    async def notify(update: Update, retry_after: float | None) -> None:
        chat = update.effective_chat
        if chat is None or chat.type != ChatType.PRIVATE:
            return  # in groups the bot stays quiet (handlers/start.py private_chats_only)
        if retry_after is None:
            text = (
                "🐢 Slow down, please — I'm still working on your earlier messages. "
                "I'll ignore new ones until I've caught up."
            )
        else:
            text = (
                f"🐢 Slow down, please — that's more than {limit} messages in a minute. "
                f"I'll ignore new ones for about {max(1, round(retry_after))} s."
            )
        try:
            await bot.send_message(chat.id, text)
        except TelegramError as exc:
            log.info("Could not send the flood notice to %s: %s", chat.id, exc)

    return notify


# ----- registration ---------------------------------------------------------------------------
def payment_handlers() -> list[BaseHandler[Any, CoachContext, Any]]:
    """Payments and the plan buttons, in a group before conversations so no flow swallows
    them; each stops the update there."""
    return [
        PreCheckoutQueryHandler(pre_checkout),
        MessageHandler(filters.SUCCESSFUL_PAYMENT, successful_payment),
        MessageHandler(filters.StatusUpdate.REFUNDED_PAYMENT, refunded_payment),
        CallbackQueryHandler(plan_button, pattern=callbacks.pattern("plan", "upgrade", "buy")),
    ]


def command_handlers() -> list[CommandHandler[CoachContext, None]]:
    return [
        CommandHandler("plan", plan_command),
        CommandHandler("upgrade", upgrade_command),
        CommandHandler("paysupport", paysupport_command),
    ]
