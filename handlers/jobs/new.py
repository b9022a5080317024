"""/newjob: company or job name, title (or Skip), level (buttons), description (text, .txt or
.pdf). Nothing is saved until the last answer; a wrong answer gets its reason and the same step
again; /cancel saves nothing; /newjob mid-way starts over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import jobs as service
from bot.services.jobs import InvalidValue, JobCard
from handlers.jobs.buttons import NewJobLevel, NewJobSkip
from handlers.jobs.card import card_view
from handlers.jobs.prompts import (
    LEVELS,
    TEXT,
    Prompts,
    PromptView,
    invalid,
    level_keyboard,
    say,
    text_or_file,
    typed_level,
    warning,
)
from handlers.kit.flow import END, Flow, Step

# the steps, in order, and where each answer goes in the flow's data
NAME, TITLE, LEVEL, DESCRIPTION = "name", "title", "level", "description"
ORDER = (NAME, TITLE, LEVEL, DESCRIPTION)


def _prompt(t: Texts, data: dict[str, Any], step: str) -> PromptView:
    if step == TITLE:
        skip = NewJobSkip().button(t.plain("jobs-button-skip"))
        return t("jobs-new-title"), InlineKeyboardMarkup([[skip]])
    if step == LEVEL:
        return t("jobs-new-level"), level_keyboard(t, NewJobLevel)
    return t(f"jobs-new-{step}"), None


PROMPTS = Prompts(
    "newjob",
    NAME,
    _prompt,
    lambda t, data, step: t(f"jobs-new-expected-{step}"),
    busy="jobs-new-busy",
    cancelled="jobs-new-cancelled",
    left="jobs-new-left",
)


async def newjob(update: Update, context: CoachContext) -> Step:
    """/newjob, also mid-flow: the answers so far are dropped and the questions start over."""
    session = context.session
    again = session.step is not None  # entering, the router has just cleared the step
    if again:
        await PROMPTS.end(update, context)
        session.data.clear()
    before = context.texts("jobs-new-again") if again else None
    return await PROMPTS.ask(update, context, NAME, before)


async def _answer(update: Update, context: CoachContext, step: str, value: object) -> Step:
    """Keep the answer of `step` and ask the next question."""
    context.session.data[step] = value
    return await PROMPTS.ask(update, context, ORDER[ORDER.index(step) + 1])


async def _typed(
    update: Update, context: CoachContext, step: str, clean: Callable[[str | None], str]
) -> Step:
    """A typed answer to `step`: kept when `clean` accepts it, else its reason and `step` again."""
    assert update.effective_message
    try:
        value = clean(update.effective_message.text)
    except InvalidValue as exc:
        return await PROMPTS.ask(update, context, step, invalid(context.texts, exc))
    return await _answer(update, context, step, value)


async def got_name(update: Update, context: CoachContext) -> Step:
    return await _typed(update, context, NAME, service.clean_name)


async def got_title(update: Update, context: CoachContext) -> Step:
    return await _typed(update, context, TITLE, lambda text: service.clean_name(text, "title"))


async def level_typed(update: Update, context: CoachContext) -> Step:
    return await _typed(update, context, LEVEL, typed_level)


async def skip_title(update: Update, context: CoachContext, _: NewJobSkip) -> Step:
    return await _answer(update, context, TITLE, None)


async def level_button(update: Update, context: CoachContext, pressed: NewJobLevel) -> Step:
    return await _answer(update, context, LEVEL, pressed.level.value)


async def got_description(update: Update, context: CoachContext) -> Step:
    """The description as text or a file; the job is saved and its card shown."""
    assert update.effective_message
    t, session = context.texts, context.session
    data = session.data
    try:
        text = await text_or_file(update.effective_message, context)
        description = service.clean_description(text)
    except InvalidValue as exc:
        return await PROMPTS.ask(update, context, DESCRIPTION, invalid(t, exc))
    if not data.get(NAME) or data.get(LEVEL) not in LEVELS:
        await PROMPTS.end(update, context)
        data.clear()
        return await PROMPTS.ask(update, context, NAME, warning(t, t("jobs-new-lost")))
    job = await service.create_job(
        session.user_id,
        name=data[NAME],
        title=data.get(TITLE),
        experience_level=data[LEVEL],
        description=description,
    )
    await PROMPTS.end(update, context)
    await say(context, update, *card_view(t, JobCard(job, 0, 0), t("jobs-new-saved")))
    return END


def flow() -> Flow:
    entry = CommandHandler("newjob", newjob)
    return PROMPTS.flow(
        entry,
        {
            NAME: [MessageHandler(TEXT, got_name)],
            TITLE: [MessageHandler(TEXT, got_title), PROMPTS.press(NewJobSkip, skip_title)],
            LEVEL: [PROMPTS.press(NewJobLevel, level_button), MessageHandler(TEXT, level_typed)],
            DESCRIPTION: [MessageHandler(TEXT | filters.Document.ALL, got_description)],
        },
        restart=entry,
    )
