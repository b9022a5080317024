"""The one error handler: log with the update's context, tell the user plainly, keep running."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import ApplicationHandlerStop
from tortoise.exceptions import BaseORMException

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.i18n import Texts
from bot.session import current

log = logging.getLogger(__name__)


def describe(update: object) -> str:
    """Who and what, without message text (it may be private)."""
    if not isinstance(update, Update):
        return repr(type(update).__name__)
    kind = "callback" if update.callback_query else "message" if update.message else "other"
    user = update.effective_user.id if update.effective_user else None
    chat = update.effective_chat.id if update.effective_chat else None
    return f"update {update.update_id} ({kind}) user={user} chat={chat}"


def user_message_for(error: BaseException | None, t: Texts) -> str:
    if isinstance(error, AIUnavailableError):
        return error.user_message
    if isinstance(error, BaseORMException | OSError) and not isinstance(error, NetworkError):
        return t.plain("kit-error-database")
    return t.plain("kit-error-generic")


async def on_error(update: object, context: CoachContext) -> None:
    error = context.error
    if isinstance(error, Forbidden):  # the user blocked the bot; nothing to tell them
        log.info("Forbidden for %s: %s", describe(update), error)
        return
    log.error("Error while handling %s", describe(update), exc_info=error)
    if (session := current()) is not None:
        session.discard = True  # the step stored before this update stands
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        with contextlib.suppress(BadRequest):  # answered already is fine
            await update.callback_query.answer()  # stop the button spinning
    if update.effective_chat is None or isinstance(error, TimedOut):
        return
    try:
        await context.bot.send_message(
            update.effective_chat.id, user_message_for(error, context.texts)
        )
    except Exception:  # never let the error handler raise
        log.exception("Could not tell %s about the error", describe(update))


async def stop_for_database_error(update: Update, context: CoachContext, exc: Exception) -> None:
    """A guard could not reach the database: tell the user plainly and let nothing through
    (a ban or a user row we can't check must not be skipped)."""
    log.error("Database unavailable in a guard for %s", describe(update), exc_info=exc)
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer()
        if update.pre_checkout_query is not None:
            await update.pre_checkout_query.answer(
                ok=False, error_message=user_message_for(exc, context.texts)
            )
        elif update.effective_chat is not None:
            await context.bot.send_message(
                update.effective_chat.id, user_message_for(exc, context.texts)
            )
    raise ApplicationHandlerStop
