"""/newjob: company or job name, title (or Skip), level (buttons), description (text, .txt or
.pdf). Nothing is saved until the last answer; a wrong answer gets its reason and the same step
again; /cancel saves nothing; /newjob mid-way starts over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
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
    TEXT,
    Flow,
    card_view,
    level_keyboard,
    text_or_file,
    typed_level,
    warning,
)

# /newjob conversation states
NAME, TITLE, LEVEL, DESCRIPTION = range(4)
DRAFT = "newjob"  # context.user_data key of the job being created
KEYS = {NAME: "name", TITLE: "title", LEVEL: "level"}  # where each answer goes in the draft

EXPECTED = {
    NAME: "please type the company or job name.",
    TITLE: "please type the job title, or tap Skip.",
    LEVEL: "please choose Junior, Mid-level or Senior with the buttons.",
    DESCRIPTION: "please paste the job description, or send it as a .txt or .pdf file.",
}


def _prompt(draft: dict[str, Any], step: int) -> tuple[str, InlineKeyboardMarkup | None]:
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


FLOW = Flow(
    DRAFT,
    (NAME, TITLE, LEVEL, DESCRIPTION),
    _prompt,
    lambda draft, step: EXPECTED[step],
    busy="You're creating a job: {expected} Or send /cancel to stop.",
    cancelled="Cancelled — no job was saved.",
)


async def newjob(update: Update, context: CoachContext) -> int:
    """/newjob, also mid-flow: the draft so far is dropped and the questions start over."""
    again = await FLOW.start(update, context, {})
    return await FLOW.ask(update, context, NAME, "↩️ Starting over." if again else None)


async def _answer(update: Update, context: CoachContext, step: int, value: object) -> int:
    """Keep the answer of `step` and ask the next question."""
    FLOW.draft(context)[KEYS[step]] = value
    return await FLOW.ask(update, context, step + 1)


async def _typed(
    update: Update, context: CoachContext, step: int, clean: Callable[[str | None], str]
) -> int:
    """A typed answer to `step`: kept when `clean` accepts it, else its reason and `step` again."""
    assert update.effective_message
    try:
        value = clean(update.effective_message.text)
    except InvalidValue as exc:
        return await FLOW.ask(update, context, step, warning(str(exc)))
    return await _answer(update, context, step, value)


async def got_name(update: Update, context: CoachContext) -> int:
    return await _typed(update, context, NAME, service.clean_name)


async def got_title(update: Update, context: CoachContext) -> int:
    return await _typed(update, context, TITLE, lambda text: service.clean_name(text, "title"))


async def level_typed(update: Update, context: CoachContext) -> int:
    return await _typed(update, context, LEVEL, typed_level)


@FLOW.button()
async def skip_title(update: Update, context: CoachContext, _: str) -> int:
    return await _answer(update, context, TITLE, None)


@FLOW.button(LEVEL_LABELS)
async def level_button(update: Update, context: CoachContext, level: str) -> int:
    return await _answer(update, context, LEVEL, level)


async def got_description(update: Update, context: CoachContext) -> int:
    """The description as text or a file; the job is saved and its card shown."""
    assert update.effective_message and update.effective_user
    draft = FLOW.draft(context)
    try:
        text = await text_or_file(update.effective_message, context)
        description = service.clean_description(text)
    except InvalidValue as exc:
        return await FLOW.ask(update, context, DESCRIPTION, warning(str(exc)))
    if not draft.get("name") or draft.get("level") not in LEVEL_LABELS:
        context.user_data[DRAFT] = {}
        return await FLOW.ask(
            update, context, NAME, warning("I lost your answers — let's start over.")
        )
    job = await service.create_job(
        update.effective_user.id,
        name=draft["name"],
        title=draft.get("title"),
        experience_level=draft["level"],
        description=description,
    )
    await FLOW.end(update, context)
    await FLOW.say(update, context, *card_view(JobCard(job, 0, 0), "✅ Job saved."))
    return ConversationHandler.END


def newjob_conversation() -> ConversationHandler:
    return FLOW.conversation(
        CommandHandler("newjob", newjob),
        {
            NAME: [MessageHandler(TEXT, got_name)],
            TITLE: [
                MessageHandler(TEXT, got_title),
                CallbackQueryHandler(skip_title, pattern=callbacks.pattern(DRAFT, "skip")),
            ],
            LEVEL: [
                CallbackQueryHandler(level_button, pattern=callbacks.pattern(DRAFT, "level")),
                MessageHandler(TEXT, level_typed),
            ],
            DESCRIPTION: [MessageHandler(TEXT | filters.Document.ALL, got_description)],
        },
    )
