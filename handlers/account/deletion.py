"""/deleteme: what will be deleted, a confirmation, then everything goes in one transaction.

Stars subscriptions are cancelled first (Telegram needs the charge ids, which are deleted
with the user's link to them). The user's flow goes with their row, so they can start again
afresh with /start.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Update

from bot.context import CoachContext
from bot.services import account
from handlers.account.buttons import DeleteButton, KeepButton
from handlers.kit.buttons import Press
from handlers.kit.flow import END, Step
from handlers.kit.replies import remove_keyboard, reply
from handlers.plans.subscriptions import cancel_subscriptions

log = logging.getLogger(__name__)

CONFIRMING = "confirming"


async def ask(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None
    t = context.texts
    held = await account.holdings(context.session.user_id)
    keyboard = InlineKeyboardMarkup(
        [
            [
                DeleteButton().button(t.plain("account-button-delete")),
                KeepButton().button(t.plain("account-button-keep")),
            ]
        ]
    )
    await reply(
        message,
        t(
            "account-delete-explain",
            jobs=held.jobs,
            questions=held.questions,
            answers=held.answers,
            interviews=held.interviews,
            resumes=held.resume_analyses,
            payments=held.payments,
        ),
        reply_markup=keyboard,
    )
    return CONFIRMING


async def confirm(update: Update, context: CoachContext, press: Press[DeleteButton]) -> Step:
    await remove_keyboard(press.message)
    user_id = press.user_id
    outcomes = await cancel_subscriptions(context, user_id)
    await account.delete_account(
        user_id,
        [
            f"subscription {charge_id} cancelled"
            if refusal is None
            else f"subscription {charge_id} not cancelled: {refusal}"
            for charge_id, refusal in outcomes
        ],
    )
    context.session.discard = True  # the row is gone: nothing to store
    log.info("User %s deleted their data", user_id)
    t = context.texts
    lines = [t("account-deleted")]
    if any(refusal is not None for _, refusal in outcomes):
        lines.append(t("account-subscription-not-cancelled"))
    await reply(press.message, "\n\n".join(lines))
    return END


async def keep(update: Update, context: CoachContext, press: Press[KeepButton]) -> Step:
    await remove_keyboard(press.message)
    await reply(press.message, context.texts("account-kept"))
    return END


async def cancel(update: Update, context: CoachContext) -> Step:
    assert update.effective_message is not None
    await reply(update.effective_message, context.texts("account-kept"))
    return END
