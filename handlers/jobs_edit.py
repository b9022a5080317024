"""Editing a job profile from its card's Edit button: choose the field, give the new value with
the same checks as /newjob (level by buttons, title may be cleared), see the updated card.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
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


def _expected(draft: dict[str, Any]) -> str:
    step, field = draft.get("step"), draft.get("field")
    if step == FIELD:
        return "please choose what to change with the buttons."
    if step == LEVEL:
        return "please choose Junior, Mid-level or Senior with the buttons."
    if field == "description":
        return "please paste the new description, or send a .txt or .pdf file."
    return f"please type the new {'title, or tap Clear title' if field == 'title' else 'name'}."


async def _ask(update: Update, context: CoachContext, step: int, before: str | None = None) -> int:
    draft = draft_of(context, DRAFT)
    text, markup = _prompt(draft, step)
    return await ask(update, context, DRAFT, step, text, markup, before)


def _step(context: CoachContext) -> int:
    step = draft_of(context, DRAFT).get("step")
    return step if step in (FIELD, VALUE, LEVEL) else FIELD


async def edit_start(update: Update, context: CoachContext) -> int | None:
    """`job:edit:<id>`; pressed again mid-edit, it starts over with that job."""
    query = update.callback_query
    assert query is not None
    if jobs_new.DRAFT in context.user_data:  # creating a job: that flow's rule for buttons
        await jobs_new.stray_button(update, context)
        return None
    job = await service.get_job(query.from_user.id, callback_arg(update))
    if job is None:
        await query.answer(NOT_FOUND)
        return None  # mid-edit, the current edit goes on
    await query.answer()
    old = context.user_data.pop(DRAFT, None)
    if old:
        await drop_buttons(context, chat_id_of(update), old)
    context.user_data[DRAFT] = {"job": str(job.id), "name": job.name}
    return await _ask(update, context, FIELD)


async def field_chosen(update: Update, context: CoachContext) -> int:
    assert update.callback_query
    draft = draft_of(context, DRAFT)
    field = callback_arg(update)
    if not is_current(update, draft) or field not in FIELDS:
        return await stray_button(update, context)
    await update.callback_query.answer()
    draft["field"] = field
    return await _ask(update, context, LEVEL if field == "experience_level" else VALUE)


async def value_typed(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    return await _apply(update, context, update.effective_message.text)


async def value_file(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    if draft_of(context, DRAFT).get("field") != "description":
        return await stray_message(update, context)
    try:
        text = await read_document(update.effective_message, context)
    except InvalidValue as exc:
        return await _ask(update, context, VALUE, warning(str(exc)))
    return await _apply(update, context, text)


async def title_cleared(update: Update, context: CoachContext) -> int:
    assert update.callback_query
    draft = draft_of(context, DRAFT)
    if not is_current(update, draft) or draft.get("field") != "title":
        return await stray_button(update, context)
    await update.callback_query.answer()
    return await _apply(update, context, None)


async def level_button(update: Update, context: CoachContext) -> int:
    assert update.callback_query
    draft = draft_of(context, DRAFT)
    level = callback_arg(update)
    if not is_current(update, draft) or level not in LEVEL_LABELS:
        return await stray_button(update, context)
    await update.callback_query.answer()
    return await _apply(update, context, level)


async def level_typed(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    level = level_from_text(update.effective_message.text)
    if level is None:
        return await _ask(update, context, LEVEL, warning("Choose Junior, Mid-level or Senior."))
    return await _apply(update, context, level)


async def _apply(update: Update, context: CoachContext, value: str | None) -> int:
    """Validate and save the new value, then show the updated card."""
    assert update.effective_user
    user_id, chat_id = update.effective_user.id, chat_id_of(update)
    draft = draft_of(context, DRAFT)
    job = None
    if draft.get("job") and draft.get("field") in FIELDS:
        try:
            job = await service.update_job_field(user_id, draft["job"], draft["field"], value)
        except InvalidValue as exc:
            return await _ask(update, context, _step(context), warning(str(exc)))
    context.user_data.pop(DRAFT, None)
    await drop_buttons(context, chat_id, draft)
    card = await service.job_card(user_id, job.id) if job else None
    if card is None:
        await context.bot.send_message(chat_id, f"{NOT_FOUND} Nothing was changed.")
        return ConversationHandler.END
    await context.bot.send_message(
        chat_id,
        "✅ Saved.\n\n" + card_text(card),
        parse_mode=ParseMode.HTML,
        reply_markup=card_keyboard(card.job.id),
    )
    return ConversationHandler.END


async def stray_message(update: Update, context: CoachContext) -> int:
    step = _step(context)
    reason = stray_reason(update.effective_message, _expected(draft_of(context, DRAFT)))
    return await _ask(update, context, step, reason)


async def stray_button(update: Update, context: CoachContext) -> int:
    assert update.callback_query
    await update.callback_query.answer(OLD_BUTTON)
    step = _step(context)
    reason = f"{OLD_BUTTON} Now {_expected(draft_of(context, DRAFT))}"
    return await _ask(update, context, step, warning(reason))


async def other_command(update: Update, context: CoachContext) -> int:
    step = _step(context)
    reason = f"You're editing a job: {_expected(draft_of(context, DRAFT))} Or /cancel to stop."
    return await _ask(update, context, step, warning(reason))


async def cancel(update: Update, context: CoachContext) -> int:
    draft = context.user_data.pop(DRAFT, None) or {}
    await drop_buttons(context, chat_id_of(update), draft)
    await context.bot.send_message(chat_id_of(update), "Cancelled — the job wasn't changed.")
    return ConversationHandler.END


def edit_conversation() -> ConversationHandler:
    """Register before /newjob's conversation (see `edit_start`)."""
    entry = CallbackQueryHandler(edit_start, pattern=callbacks.pattern("job", "edit"))
    strays: list[BaseHandler[Any, Any, Any]] = [
        MessageHandler(STRAY, stray_message),
        CallbackQueryHandler(stray_button),
    ]
    return ConversationHandler(
        entry_points=[entry],
        states={
            FIELD: [
                CallbackQueryHandler(field_chosen, pattern=callbacks.pattern(DRAFT, "field")),
                *strays,
            ],
            VALUE: [
                MessageHandler(TEXT, value_typed),
                MessageHandler(filters.Document.ALL, value_file),
                CallbackQueryHandler(title_cleared, pattern=callbacks.pattern(DRAFT, "clear")),
                *strays,
            ],
            LEVEL: [
                CallbackQueryHandler(level_button, pattern=callbacks.pattern(DRAFT, "level")),
                MessageHandler(TEXT, level_typed),
                *strays,
            ],
        },
        fallbacks=[
            CommandHandler("cancel", cancel),
            entry,
            MessageHandler(OTHER_COMMAND, other_command),
        ],
        name="jobedit",
        persistent=True,
    )
