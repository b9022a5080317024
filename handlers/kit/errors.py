"""The one error handler: log with the update's context, tell the user plainly, keep running."""

from __future__ import annotations

import contextlib
import logging
import traceback

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import ApplicationHandlerStop
from tortoise.exceptions import BaseORMException

from bot import availability
from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.db import is_outage
from bot.i18n import Html, Texts
from bot.services.documents import DocumentError
from bot.session import current
from handlers.ops import alerts

log = logging.getLogger(__name__)


def describe(update: object) -> str:
    """Who and what, without message text (it may be private)."""
    if not isinstance(update, Update):
        return repr(type(update).__name__)
    kind = "callback" if update.callback_query else "message" if update.message else "other"
    user = update.effective_user.id if update.effective_user else None
    chat = update.effective_chat.id if update.effective_chat else None
    return f"update {update.update_id} ({kind}) user={user} chat={chat}"


def ai_reason(t: Texts, exc: AIUnavailableError) -> Html:
    """Why the model produced nothing usable, in one line for the user."""
    return t.html(f"ai-error-{exc.kind}")


def document_reason(t: Texts, exc: DocumentError) -> Html:
    """What is wrong with an uploaded file, in one line for the user."""
    return t.html(f"documents-{exc.problem}", **exc.details)


def user_message_for(error: BaseException | None, t: Texts) -> str:
    if isinstance(error, AIUnavailableError):
        return t.plain(f"ai-error-{error.kind}")
    if error is not None and not isinstance(error, NetworkError) and is_outage(error):
        return t.plain("kit-error-database")
    return t.plain("kit-error-generic")


def without_messages(error: BaseException) -> str:
    """The error's types and where they were raised, without their messages: a database
    driver puts the offending value (a user's text) in its message, so messages never reach
    the log."""
    parts: list[str] = []
    seen: set[int] = set()
    current_error: BaseException | None = error
    while current_error is not None and id(current_error) not in seen:
        seen.add(id(current_error))
        frames = "".join(traceback.format_tb(current_error.__traceback__))
        kind = type(current_error)
        parts.append(f"{kind.__module__}.{kind.__qualname__} (message withheld)\n{frames}")
        current_error = current_error.__cause__ or current_error.__context__
    return "\n-- caused by --\n".join(parts)


def _database_error(error: BaseException | None) -> bool:
    return isinstance(error, BaseORMException | OSError) and not isinstance(error, NetworkError)


async def on_error(update: object, context: CoachContext) -> None:
    error = context.error
    if isinstance(error, Forbidden):  # the user blocked the bot; nothing to tell them
        log.info("Forbidden for %s: %s", describe(update), error)
        return
    if (session := current()) is not None:
        session.discard = True  # the step stored before this update stands
    if (
        isinstance(update, Update)
        and _database_error(error)
        and not await availability.database_answers()
    ):  # the database is down: keep the update for when it is back
        log.error(
            "Database unavailable while handling %s: %s",
            describe(update),
            without_messages(error) if error is not None else "no error",
        )
        await _keep(update, context)
        return
    log.error(
        "Error while handling %s: %s",
        describe(update),
        without_messages(error) if error is not None else "no error",
    )
    if error is not None:
        await alerts.alert_admins(update, context, error)
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
    """A guard could not reach the database: let nothing through (a ban or a user row we can't
    check must not be skipped). The update is kept and handled once the database is back
    (bot/availability.py); a payment's pre-checkout, which can't wait, is refused."""
    log.error("Database unavailable in a guard for %s: %s", describe(update), without_messages(exc))
    with contextlib.suppress(TelegramError):
        if update.pre_checkout_query is not None:
            await update.pre_checkout_query.answer(
                ok=False, error_message=context.texts.plain("kit-error-database")
            )
            raise ApplicationHandlerStop
        if await availability.database_answers():  # not an outage (a schema fault, say)
            if update.callback_query is not None:
                await update.callback_query.answer()
            if update.effective_chat is not None:
                await context.bot.send_message(
                    update.effective_chat.id, context.texts.plain("kit-error-database")
                )
            raise ApplicationHandlerStop
    await _keep(update, context)
    raise ApplicationHandlerStop


async def _keep(update: Update, context: CoachContext) -> None:
    """Keep the update for later; the user hears once per outage that we'll answer then."""
    gate: availability.DatabaseGate = context.application.bot_data["gate"]
    user = update.effective_user
    tell = gate.keep(update, user.id if user else None)
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer()
        if tell and update.effective_chat is not None:
            await context.bot.send_message(
                update.effective_chat.id, context.texts("ops-unavailable"), parse_mode="HTML"
            )
