"""/paysupport: how payments work, the user's recent payments, and their question relayed to
the admins (one per user every 10 minutes, from `users.support_sent_at`)."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.context import CoachContext
from bot.i18n import Html, texts
from bot.rendering import escape
from bot.services import plans
from handlers.kit.replies import reply
from handlers.plans.common import payment_line
from models.payments import Payment

log = logging.getLogger(__name__)


async def paysupport_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    t = context.texts
    question = " ".join(context.args or []).strip()
    recent = await plans.recent_payments(context.session.user_id)
    if question:
        await _pass_on(update.effective_message, context, question, recent)
        return
    lines = [t("plans-support")]
    if context.settings.pay_support_contact:
        lines.append(t("plans-support-contact", contact=context.settings.pay_support_contact))
    if recent:
        lines += ["", t("plans-support-recent")]
        lines += [payment_line(t, p) for p in recent]
    await reply(update.effective_message, "\n".join(lines))


async def _pass_on(
    message: Message, context: CoachContext, question: str, recent: list[Payment]
) -> None:
    """Relay the user's message to the admins (one per user every 10 minutes) and tell the user
    truthfully whether it reached anyone."""
    t = context.texts
    user = context.session.user
    now = context.services.plans.now()
    wait = plans.support_wait(user.support_sent_at, now)
    if wait is not None:
        minutes = max(1, -(-int(wait.total_seconds()) // 60))
        await reply(message, t("plans-support-wait", minutes=minutes))
        return
    if await _relay_to_admins(context, message, question, recent):
        await plans.mark_support_sent(user, now)
        await reply(message, t("plans-support-sent"))
        return
    contact = context.settings.pay_support_contact
    elsewhere = t.html("plans-support-elsewhere", contact=contact) if contact else ""
    await reply(message, t("plans-support-failed", elsewhere=elsewhere))


async def _relay_to_admins(
    context: CoachContext, message: Message, question: str, recent: list[Payment]
) -> int:
    """Send the question to every admin (in the catalogue's default language: it's for the
    team); how many got it. The user's text is cut before it is escaped, so the HTML is whole
    and within Telegram's length."""
    t = texts()
    user = message.from_user
    assert user is not None
    who = escape(user.full_name) + (f" @{escape(user.username)}" if user.username else "")
    text = "\n".join(
        [
            t("plans-support-relay", who=Html(who), id=user.id),
            escape(plans.clip(question)),
            *[payment_line(t, p) for p in recent],
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
