"""/start, /help, /cancel, and what happens to messages outside any flow."""

from __future__ import annotations

from functools import cache

from telegram import BotCommand, Message, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, CommandHandler, MessageHandler, filters
from tortoise.exceptions import BaseORMException

from bot.context import CoachContext
from bot.i18n import Texts, texts
from bot.pastes import joined_parts
from bot.services.users import load_session
from bot.session import install
from handlers.kit.errors import stop_for_database_error
from handlers.kit.replies import reply

# The command menu (setMyCommands) and /help both come from this list; each description is
# `command-<name>` in the catalogue.
PUBLIC_COMMANDS: tuple[str, ...] = (
    "start",
    "newjob",
    "jobs",
    "practice",
    "review",
    "progress",
    "remind",
    "interview",
    "interviews",
    "resume",
    "plan",
    "upgrade",
    "paysupport",
    "language",
    "mydata",
    "deleteme",
    "help",
    "cancel",
)


def bot_commands(t: Texts | None = None) -> list[BotCommand]:
    t = t or texts()
    return [BotCommand(name, t.plain(f"command-{name}")) for name in PUBLIC_COMMANDS]


async def track_user(update: Update, context: CoachContext) -> None:
    """Runs before every handler: the user's row, read once (created on first contact), is
    the session every later handler of this update uses (`context.session`)."""
    tg_user = update.effective_user
    if tg_user is not None:
        try:
            session = await load_session(
                tg_user.id,
                tg_user.full_name,
                tg_user.username,
                tg_user.language_code,
                context.services.plans.now(),
            )
        except (BaseORMException, OSError) as exc:
            await stop_for_database_error(update, context, exc)
        install(session)
    # The database answered for this update (or it has no user to read): polling need not
    # wait for the rest of its handling (a model call, a paced chat) before fetching the next
    # updates (bot/availability.py).
    if (gate := context.application.bot_data.get("gate")) is not None:
        gate.settle(update)


class _JoinedPaste(filters.MessageFilter):
    def filter(self, message: Message) -> bool:
        return joined_parts(message) > 1


async def paste_joined(update: Update, context: CoachContext) -> None:
    """Say that a long paste Telegram split was taken as one text (`bot.pastes`); the step
    it feeds replies next."""
    message = update.message
    assert message is not None and message.text is not None
    parts, chars = joined_parts(message), len(message.text)
    await reply(message, context.texts("start-paste-joined", parts=parts, chars=chars))


paste_joined_handler = MessageHandler(filters.TEXT & _JoinedPaste(), paste_joined)


async def start(update: Update, context: CoachContext) -> None:
    assert update.effective_user and update.effective_message
    t = context.texts
    lines = [t("start-welcome", name=update.effective_user.first_name)]
    if context.services.gateway.offline:
        lines += ["", t("kit-offline-notice")]
    await reply(update.effective_message, "\n".join(lines))


@cache
def help_text(t: Texts, offline: bool) -> str:
    """The /help message of a language (the same for everyone: built once)."""
    lines = [t("start-help-title")] + [
        f"/{command.command} — {command.description}" for command in bot_commands(t)
    ]
    if offline:
        lines += ["", t("kit-offline-notice")]
    return "\n".join(lines)


async def help_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    offline = context.services.gateway.offline
    await reply(update.effective_message, help_text(context.texts, offline))


async def cancel_outside_flow(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    await reply(update.effective_message, context.texts("start-nothing-to-cancel"))


async def text_outside_flow(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message
    if message.document:
        key = "start-not-waiting-file"
    elif message.voice or message.audio:
        key = "start-not-waiting-voice"
    else:
        key = "start-not-waiting"
    await reply(message, context.texts(key))


async def unknown_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    await reply(update.effective_message, context.texts("start-unknown-command"))


def command_handlers() -> list[CommandHandler]:
    return [
        CommandHandler("start", start),
        CommandHandler("help", help_command),
        CommandHandler("cancel", cancel_outside_flow),
    ]


def fallback_handlers() -> list[MessageHandler]:
    """Last in line: whatever no feature took."""
    return [
        MessageHandler(filters.COMMAND, unknown_command),
        MessageHandler(filters.ALL & ~filters.StatusUpdate.ALL, text_outside_flow),
    ]


async def stale_button(update: Update, context: CoachContext) -> None:
    """A button no handler took: an old message, or a flow that has ended."""
    assert update.callback_query
    await update.callback_query.answer(context.texts.plain("start-stale-button"))


async def private_chats_only(update: Update, context: CoachContext) -> None:
    """The coach is personal: in groups it answers commands with a pointer and does nothing
    else (nobody's profile, plan or admin output is ever posted to a group)."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return
    if update.callback_query is not None:
        await update.callback_query.answer(context.texts.plain("start-groups-answer"))
    elif update.message is not None and (update.message.text or "").startswith("/"):
        await update.message.reply_text(
            context.texts.plain("start-groups-pointer", bot=context.bot.username),
            do_quote=False,
        )
    raise ApplicationHandlerStop
