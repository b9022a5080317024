"""Editing a job profile from its card's Edit button: choose the field, give the new value with
the same checks as /newjob (level by buttons, title may be cleared), see the updated card.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import CoachContext
from bot.rendering import escape
from bot.services import jobs as service
from bot.services.jobs import InvalidValue
from handlers import callbacks, jobs_new
from handlers.jobs import (
    LEVEL_LABELS,
    NOT_FOUND,
    TEXT,
    Flow,
    callback_arg,
    card_view,
    level_keyboard,
    text_or_file,
    typed_level,
    warning,
)

# conversation states
FIELD, VALUE, LEVEL = range(3)
DRAFT = "jobedit"  # context.user_data key: {"job": id, "name": ..., "field": ..., prompt info}
FIELDS = {
    "name": "Name",
    "title": "Title",
    "experience_level": "Level",
    "description": "Description",
}


def _prompt(draft: dict[str, Any], step: int) -> tuple[str, InlineKeyboardMarkup | None]:
    name, field = escape(draft.get("name", "")), draft.get("field")
    if step == FIELD:
        buttons = [
            InlineKeyboardButton(label, callback_data=callbacks.make(DRAFT, "field", key))
            for key, label in FIELDS.items()
        ]
        return (
            f"✏️ Editing <b>{name}</b>. What would you like to change? /cancel stops.",
            InlineKeyboardMarkup([buttons[:2], buttons[2:]]),
        )
    if step == LEVEL:
        return f"📈 Choose the new <b>experience level</b> for <b>{name}</b>.", level_keyboard(
            DRAFT
        )
    if field == "name":
        return "🏢 Send the new <b>company or job name</b> (up to 100 characters).", None
    if field == "title":
        clear = InlineKeyboardButton("Clear title", callback_data=callbacks.make(DRAFT, "clear"))
        return (
            "💼 Send the new <b>job title</b> (up to 100 characters), or clear it.",
            InlineKeyboardMarkup([[clear]]),
        )
    return (
        "📄 Paste the new <b>job description</b> (20–10,000 characters), "
        "or send it as a .txt or .pdf file (up to 10 MB).",
        None,
    )


def _expected(draft: dict[str, Any], step: int) -> str:
    field = draft.get("field")
    if step == FIELD:
        return "please choose what to change with the buttons."
    if step == LEVEL:
        return "please choose Junior, Mid-level or Senior with the buttons."
    if field == "description":
        return "please paste the new description, or send a .txt or .pdf file."
    return f"please type the new {'title, or tap Clear title' if field == 'title' else 'name'}."


FLOW = Flow(
    DRAFT,
    (FIELD, VALUE, LEVEL),
    _prompt,
    _expected,
    busy="You're editing a job: {expected} Or /cancel to stop.",
    cancelled="Cancelled — the job wasn't changed.",
)


async def edit_start(update: Update, context: CoachContext) -> int | None:
    """`job:edit:<id>`; pressed again mid-edit, it starts over with that job."""
    query = update.callback_query
    assert query is not None
    if jobs_new.DRAFT in context.user_data:  # creating a job: that flow's rule for buttons
        await jobs_new.FLOW.stray_button(update, context)
        return None
    job = await service.get_job(query.from_user.id, callback_arg(update))
    if job is None:
        await query.answer(NOT_FOUND)
        return None  # mid-edit, the current edit goes on
    await query.answer()
    await FLOW.start(update, context, {"job": str(job.id), "name": job.name})
    return await FLOW.ask(update, context, FIELD)


@FLOW.button(FIELDS)
async def field_chosen(update: Update, context: CoachContext, field: str) -> int:
    FLOW.draft(context)["field"] = field
    return await FLOW.ask(update, context, LEVEL if field == "experience_level" else VALUE)


async def value_given(update: Update, context: CoachContext) -> int:
    """The new name, title or description typed; a description may come as a file."""
    message = update.effective_message
    assert message
    if message.document and FLOW.draft(context).get("field") != "description":
        return await FLOW.stray_message(update, context)
    try:
        text = await text_or_file(message, context)
    except InvalidValue as exc:
        return await FLOW.ask(update, context, VALUE, warning(str(exc)))
    return await _apply(update, context, text)


@FLOW.button(field="title")
async def title_cleared(update: Update, context: CoachContext, _: str) -> int:
    return await _apply(update, context, None)


@FLOW.button(LEVEL_LABELS)
async def level_button(update: Update, context: CoachContext, level: str) -> int:
    return await _apply(update, context, level)


async def level_typed(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    try:
        level = typed_level(update.effective_message.text)
    except InvalidValue as exc:
        return await FLOW.ask(update, context, LEVEL, warning(str(exc)))
    return await _apply(update, context, level)


async def _apply(update: Update, context: CoachContext, value: str | None) -> int:
    """Validate and save the new value, then show the updated card."""
    assert update.effective_user
    user_id = update.effective_user.id
    draft = FLOW.draft(context)
    job = None
    if draft.get("job") and draft.get("field") in FIELDS:
        try:
            job = await service.update_job_field(user_id, draft["job"], draft["field"], value)
        except InvalidValue as exc:
            return await FLOW.ask(update, context, FLOW.step(context), warning(str(exc)))
    await FLOW.end(update, context)
    card = await service.job_card(user_id, job.id) if job else None
    if card is None:
        await FLOW.say(update, context, f"{NOT_FOUND} Nothing was changed.")
    else:
        await FLOW.say(update, context, *card_view(card, "✅ Saved."))
    return ConversationHandler.END


def edit_conversation() -> ConversationHandler:
    """Register before /newjob's conversation (see `edit_start`)."""
    return FLOW.conversation(
        CallbackQueryHandler(edit_start, pattern=callbacks.pattern("job", "edit")),
        {
            FIELD: [
                CallbackQueryHandler(field_chosen, pattern=callbacks.pattern(DRAFT, "field")),
            ],
            VALUE: [
                MessageHandler(TEXT | filters.Document.ALL, value_given),
                CallbackQueryHandler(title_cleared, pattern=callbacks.pattern(DRAFT, "clear")),
            ],
            LEVEL: [
                CallbackQueryHandler(level_button, pattern=callbacks.pattern(DRAFT, "level")),
                MessageHandler(TEXT, level_typed),
            ],
        },
    )
