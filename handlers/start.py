"""/start, /help, /cancel, and what happens to messages outside any flow."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, CommandHandler, MessageHandler, filters
from tortoise.exceptions import BaseORMException

from bot.context import CoachContext
from bot.i18n import texts
from bot.rendering import escape as _escape
from bot.services.users import load_session
from bot.session import install
from handlers.kit.errors import stop_for_database_error
from handlers.kit.replies import reply

# The command menu (setMyCommands) and /help both come from this list. Features add theirs.
PUBLIC_COMMANDS: list[tuple[str, str]] = [
    ("start", "Welcome and what I can do"),
    ("newjob", "Save a job to prepare for"),
    ("jobs", "Your saved jobs"),
    ("practice", "Practise interview questions"),
    ("interview", "Run a mock interview"),
    ("interviews", "Past interviews and reports"),
    ("resume", "Check your resume against a job"),
    ("plan", "Your plan and usage"),
    ("upgrade", "Upgrade with Telegram Stars"),
    ("paysupport", "Help with payments"),
    ("help", "All commands"),
    ("cancel", "Leave the current step"),
]


def bot_commands() -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in PUBLIC_COMMANDS]


async def track_user(update: Update, context: CoachContext) -> None:
    """Runs before every handler: the user's row, read once (created on first contact), is
    the session every later handler of this update uses (`context.session`)."""
    tg_user = update.effective_user
    if tg_user is None:
        return
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


async def start(update: Update, context: CoachContext) -> None:
    assert update.effective_user and update.effective_message
    name = update.effective_user.first_name
    lines = [
        f"👋 Hi {_escape(name)}! I'm your <b>AI interview coach</b>.",
        "",
        "Save a job you're preparing for, then:",
        "• <b>practise</b> technical questions by difficulty and get each answer rated out of 10"
        " with feedback and the correct answer;",
        "• run a <b>mock interview</b> by text or voice and get a full report;",
        "• have your <b>resume</b> checked against the job.",
        "",
        "Start with /newjob. /help lists every command.",
    ]
    if context.services.gateway.offline:
        lines += ["", texts()("kit-offline-notice")]
    await reply(update.effective_message, "\n".join(lines))


async def help_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    lines = ["<b>Commands</b>"] + [f"/{name} — {text}" for name, text in PUBLIC_COMMANDS]
    await reply(update.effective_message, "\n".join(lines))


async def cancel_outside_flow(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    await reply(update.effective_message, "Nothing to cancel. /help lists what I can do.")


async def text_outside_flow(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message
    if message.document:
        text = (
            "I'm not waiting for a file right now. To have a resume reviewed, send /resume "
            "first; for a job description, start with /newjob."
        )
    elif message.voice or message.audio:
        text = "I'm not waiting for an answer right now. Start with /practice or /interview."
    else:
        text = "I'm not waiting for an answer right now. Try /practice, /interview or /help."
    await reply(message, text)


async def unknown_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    await reply(update.effective_message, "Sorry, I don't know that command. See /help.")


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
    await update.callback_query.answer(
        "This button is no longer active. Send /help to start again.", show_alert=False
    )


async def private_chats_only(update: Update, context: CoachContext) -> None:
    """The coach is personal: in groups it answers commands with a pointer and does nothing
    else (nobody's profile, plan or admin output is ever posted to a group)."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return
    if update.callback_query is not None:
        await update.callback_query.answer("I work in private chats only.")
    elif update.message is not None and (update.message.text or "").startswith("/"):
        await update.message.reply_text(
            f"I coach one person at a time — message me privately: @{context.bot.username}",
            do_quote=False,
        )
    raise ApplicationHandlerStop
