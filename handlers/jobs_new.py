"""/newjob: company or job name, title (or Skip), level (buttons), description (text, .txt or
.pdf). Nothing is saved until the last answer; a wrong answer gets its reason and the same step
again; /cancel saves nothing; /newjob mid-way starts over.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import CoachContext
from bot.services import jobs as service
from bot.services.jobs import InvalidValue, JobCard
from handlers import callbacks
from handlers.jobs import (
    LEVEL_LABELS,
    OLD_BUTTON,
    OTHER_COMMAND,
    STRAY,
    TEXT,
    ask,
    callback_arg,
    card_keyboard,
    card_text,
    chat_id_of,
    draft_of,
    drop_buttons,
    is_current,
    level_from_text,
    level_keyboard,
    read_document,
    stray_reason,
    warning,
)
from handlers.replies import reply

# /newjob conversation states
NAME, TITLE, LEVEL, DESCRIPTION = range(4)
DRAFT = "newjob"  # context.user_data key of the job being created

EXPECTED = {
    NAME: "please type the company or job name.",
    TITLE: "please type the job title, or tap Skip.",
    LEVEL: "please choose Junior, Mid-level or Senior with the buttons.",
    DESCRIPTION: "please paste the job description, or send it as a .txt or .pdf file.",
}


def _prompt(step: int) -> tuple[str, InlineKeyboardMarkup | None]:
    if step == NAME:
        return (
            "🏢 <b>New job</b> (1/4)\nWhat's the <b>company or job name</b>? "
            "Up to 100 characters. /cancel stops.",
            None,
        )
    if step == TITLE:
        skip = InlineKeyboardButton("Skip", callback_data=callbacks.make(DRAFT, "skip"))
        return (
            "💼 (2/4) What's the <b>job title</b>? For example: Backend Engineer.",
            InlineKeyboardMarkup([[skip]]),
        )
    if step == LEVEL:
        return "📈 (3/4) Which <b>experience level</b>?", level_keyboard(DRAFT)
    return (
        "📄 (4/4) Paste the <b>job description</b> (20–10,000 characters), "
        "or send it as a .txt or .pdf file (up to 10 MB).",
        None,
    )


async def _ask(update: Update, context: CoachContext, step: int, before: str | None = None) -> int:
    text, markup = _prompt(step)
    return await ask(update, context, DRAFT, step, text, markup, before)


def _step(context: CoachContext) -> int:
    step = draft_of(context, DRAFT).get("step")
    return step if step in EXPECTED else NAME


async def newjob(update: Update, context: CoachContext) -> int:
    """/newjob, also mid-flow: the draft so far is dropped and the questions start over."""
    old = context.user_data.pop(DRAFT, None)
    if old:
        await drop_buttons(context, chat_id_of(update), old)
    context.user_data[DRAFT] = {}
    return await _ask(update, context, NAME, "↩️ Starting over." if old else None)


async def got_name(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    try:
        name = service.clean_name(update.effective_message.text)
    except InvalidValue as exc:
        return await _ask(update, context, NAME, warning(str(exc)))
    draft_of(context, DRAFT)["name"] = name
    return await _ask(update, context, TITLE)


async def got_title(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    try:
        title = service.clean_name(update.effective_message.text, "title")
    except InvalidValue as exc:
        return await _ask(update, context, TITLE, warning(str(exc)))
    draft_of(context, DRAFT)["title"] = title
    return await _ask(update, context, LEVEL)


async def skip_title(update: Update, context: CoachContext) -> int:
    assert update.callback_query
    draft = draft_of(context, DRAFT)
    if not is_current(update, draft):
        return await stray_button(update, context)
    await update.callback_query.answer()
    draft["title"] = None
    return await _ask(update, context, LEVEL)


async def level_button(update: Update, context: CoachContext) -> int:
    assert update.callback_query
    draft = draft_of(context, DRAFT)
    level = callback_arg(update)
    if not is_current(update, draft) or level not in LEVEL_LABELS:
        return await stray_button(update, context)
    await update.callback_query.answer()
    draft["level"] = level
    return await _ask(update, context, DESCRIPTION)


async def level_typed(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    level = level_from_text(update.effective_message.text)
    if level is None:
        return await _ask(update, context, LEVEL, warning("Choose Junior, Mid-level or Senior."))
    draft_of(context, DRAFT)["level"] = level
    return await _ask(update, context, DESCRIPTION)


async def got_description(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    return await _save(update, context, update.effective_message.text or "")


async def got_description_file(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    try:
        text = await read_document(update.effective_message, context)
    except InvalidValue as exc:
        return await _ask(update, context, DESCRIPTION, warning(str(exc)))
    return await _save(update, context, text)


async def _save(update: Update, context: CoachContext, text: str) -> int:
    assert update.effective_message and update.effective_user
    draft = draft_of(context, DRAFT)
    try:
        description = service.clean_description(text)
    except InvalidValue as exc:
        return await _ask(update, context, DESCRIPTION, warning(str(exc)))
    if not draft.get("name") or draft.get("level") not in LEVEL_LABELS:
        context.user_data[DRAFT] = {}
        return await _ask(update, context, NAME, warning("I lost your answers — let's start over."))
    job = await service.create_job(
        update.effective_user.id,
        name=draft["name"],
        title=draft.get("title"),
        experience_level=draft["level"],
        description=description,
    )
    context.user_data.pop(DRAFT, None)
    await reply(
        update.effective_message,
        "✅ Job saved.\n\n" + card_text(JobCard(job, 0, 0)),
        reply_markup=card_keyboard(job.id),
    )
    return ConversationHandler.END


async def stray_message(update: Update, context: CoachContext) -> int:
    """A sticker, photo, file… where the step wants something else: say why, ask again."""
    step = _step(context)
    return await _ask(update, context, step, stray_reason(update.effective_message, EXPECTED[step]))


async def stray_button(update: Update, context: CoachContext) -> int:
    """A button of an old message (or of another feature) mid-flow: say so, ask again."""
    assert update.callback_query
    await update.callback_query.answer(OLD_BUTTON)
    step = _step(context)
    return await _ask(update, context, step, warning(f"{OLD_BUTTON} Now {EXPECTED[step]}"))


async def other_command(update: Update, context: CoachContext) -> int:
    step = _step(context)
    reason = f"You're creating a job: {EXPECTED[step]} Or send /cancel to stop."
    return await _ask(update, context, step, warning(reason))


async def cancel(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    draft = context.user_data.pop(DRAFT, None) or {}
    await drop_buttons(context, chat_id_of(update), draft)
    await reply(update.effective_message, "Cancelled — no job was saved.")
    return ConversationHandler.END


def newjob_conversation() -> ConversationHandler:
    strays: list[BaseHandler[Any, Any, Any]] = [
        MessageHandler(STRAY, stray_message),
        CallbackQueryHandler(stray_button),
    ]
    return ConversationHandler(
        entry_points=[CommandHandler("newjob", newjob)],
        states={
            NAME: [MessageHandler(TEXT, got_name), *strays],
            TITLE: [
                MessageHandler(TEXT, got_title),
                CallbackQueryHandler(skip_title, pattern=callbacks.pattern(DRAFT, "skip")),
                *strays,
            ],
            LEVEL: [
                CallbackQueryHandler(level_button, pattern=callbacks.pattern(DRAFT, "level")),
                MessageHandler(TEXT, level_typed),
                *strays,
            ],
            DESCRIPTION: [
                MessageHandler(TEXT, got_description),
                MessageHandler(filters.Document.ALL, got_description_file),
                *strays,
            ],
        },
        fallbacks=[
            CommandHandler("cancel", cancel),
            CommandHandler("newjob", newjob),
            MessageHandler(OTHER_COMMAND, other_command),
        ],
        name="newjob",
        persistent=True,
    )
