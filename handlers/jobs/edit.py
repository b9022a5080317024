"""Editing a job profile from its card's Edit button: choose the field, give the new value with
the same checks as /newjob (level by buttons, title may be cleared), see the updated card.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import MessageHandler, filters

from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import jobs as service
from bot.services.jobs import InvalidValue
from handlers.jobs.buttons import EditClearTitle, EditField, EditLevel, JobEdit
from handlers.jobs.card import card_view
from handlers.jobs.prompts import (
    TEXT,
    Prompts,
    PromptView,
    invalid,
    level_keyboard,
    say,
    text_or_file,
    typed_level,
)
from handlers.kit.buttons import Press, on_press
from handlers.kit.flow import END, Flow, Step

FIELD, VALUE, LEVEL = "field", "value", "level"  # the steps
FIELDS = service.EDITABLE_FIELDS  # name, title, experience_level, description


def _prompt(t: Texts, data: dict[str, Any], step: str) -> PromptView:
    name, field = data.get("name", ""), data.get("field")
    if step == FIELD:
        buttons = [EditField(field=key).button(t.plain("jobs-field", field=key)) for key in FIELDS]
        return t("jobs-edit-field", name=name), InlineKeyboardMarkup([buttons[:2], buttons[2:]])
    if step == LEVEL:
        return t("jobs-edit-level", name=name), level_keyboard(t, EditLevel)
    markup = None
    if field == "title":
        markup = InlineKeyboardMarkup(
            [[EditClearTitle().button(t.plain("jobs-button-clear-title"))]]
        )
    return t("jobs-edit-value", field=field or "description"), markup


def _expected(t: Texts, data: dict[str, Any], step: str) -> str:
    if step in (FIELD, LEVEL):
        return t(f"jobs-edit-expected-{step}")
    return t("jobs-edit-expected-value", field=data.get("field") or "description")


PROMPTS = Prompts(
    "jobedit",
    FIELD,
    _prompt,
    _expected,
    busy="jobs-edit-busy",
    cancelled="jobs-edit-cancelled",
    left="jobs-edit-left",
)


async def edit_pressed(update: Update, context: CoachContext, press: Press[JobEdit]) -> Step:
    """The card's Edit button. (Mid-edit or while creating a job, the flow's steps take every
    button first: an old button there.)"""
    job = press.target.job
    context.session.data.update(job=str(job.id), name=job.name)
    return await PROMPTS.ask(update, context, FIELD)


async def field_chosen(update: Update, context: CoachContext, pressed: EditField) -> Step:
    context.session.data["field"] = pressed.field
    step = LEVEL if pressed.field == "experience_level" else VALUE
    return await PROMPTS.ask(update, context, step)


async def value_given(update: Update, context: CoachContext) -> Step:
    """The new name, title or description typed; a description may come as a file."""
    message = update.effective_message
    assert message
    if message.document and context.session.data.get("field") != "description":
        return await PROMPTS.stray_message(update, context)
    try:
        text = await text_or_file(message, context)
    except InvalidValue as exc:
        return await PROMPTS.ask(update, context, VALUE, invalid(context.texts, exc))
    return await _apply(update, context, text)


async def title_cleared(update: Update, context: CoachContext, _: EditClearTitle) -> Step:
    return await _apply(update, context, None)


async def level_button(update: Update, context: CoachContext, pressed: EditLevel) -> Step:
    return await _apply(update, context, pressed.level.value)


async def level_typed(update: Update, context: CoachContext) -> Step:
    assert update.effective_message
    try:
        level = typed_level(update.effective_message.text)
    except InvalidValue as exc:
        return await PROMPTS.ask(update, context, LEVEL, invalid(context.texts, exc))
    return await _apply(update, context, level)


async def _apply(update: Update, context: CoachContext, value: str | None) -> Step:
    """Validate and save the new value, then show the updated card."""
    t, session = context.texts, context.session
    data = session.data
    job = None
    if data.get("job") and data.get("field") in FIELDS:
        try:
            job = await service.update_job_field(session.user_id, data["job"], data["field"], value)
        except InvalidValue as exc:
            return await PROMPTS.ask(update, context, PROMPTS.step(context), invalid(t, exc))
    await PROMPTS.end(update, context)
    card = await service.job_card(session.user_id, job.id) if job else None
    if card is None:
        await say(context, update, t("jobs-edit-gone"))
    else:
        await say(context, update, *card_view(t, card, t("jobs-edit-saved")))
    return END


def flow() -> Flow:
    return PROMPTS.flow(
        on_press(JobEdit, edit_pressed),
        {
            FIELD: [PROMPTS.press(EditField, field_chosen, lambda data, b: b.field in FIELDS)],
            VALUE: [
                MessageHandler(TEXT | filters.Document.ALL, value_given),
                PROMPTS.press(
                    EditClearTitle, title_cleared, lambda data, b: data.get("field") == "title"
                ),
            ],
            LEVEL: [PROMPTS.press(EditLevel, level_button), MessageHandler(TEXT, level_typed)],
        },
    )
