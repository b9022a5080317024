"""Job profiles: /jobs lists them, a card shows one with its counts and the buttons to
practise, interview, check a resume, edit or delete it; deleting asks first.

Creating (/newjob) is `handlers/jobs_new.py`, editing `handlers/jobs_edit.py`; both flows use
the prompt helpers here: one prompt at a time, whose buttons alone count.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.context import CoachContext
from bot.rendering import escape
from bot.services import jobs as service
from bot.services.jobs import InvalidValue, JobCard
from handlers import callbacks
from handlers.picker import job_label
from handlers.replies import reply
from handlers.streaming import typing

PAGE_SIZE = 8
PREVIEW_LINES, PREVIEW_CHARS = 4, 300
LEVEL_LABELS = {"junior": "Junior", "mid-level": "Mid-level", "senior": "Senior"}
LEVEL_WORDS = {"junior": "junior", "mid": "mid-level", "mid level": "mid-level", "senior": "senior"}
NOT_FOUND = "Job not found — it may have been deleted."
OLD_BUTTON = "That button is from an old message."

TEXT = filters.TEXT & ~filters.COMMAND
STRAY = filters.ALL & ~filters.COMMAND & ~filters.StatusUpdate.ALL
# Commands that would start something else mid-flow; /help and /start may pass through.
OTHER_COMMAND = filters.COMMAND & ~filters.Regex(r"^/(help|start)(@\w+)?(\s|$)")


# ----- shared by the create and edit flows ----------------------------------------------------
def chat_id_of(update: Update) -> int:
    chat = update.effective_chat or update.effective_user
    assert chat is not None
    return chat.id


def draft_of(context: CoachContext, key: str) -> dict[str, Any]:
    draft: dict[str, Any] = context.user_data.setdefault(key, {})
    return draft


async def drop_buttons(context: CoachContext, chat_id: int, draft: dict[str, Any]) -> None:
    """Remove the keyboard of the flow's last prompt, so old buttons can't be pressed."""
    if draft.pop("buttons", False) and draft.get("prompt"):
        with contextlib.suppress(BadRequest):
            await context.bot.edit_message_reply_markup(chat_id, draft["prompt"], reply_markup=None)


async def ask(
    update: Update,
    context: CoachContext,
    key: str,
    step: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    before: str | None = None,
) -> int:
    """Send the prompt of `step` (HTML, with `before` above it) and remember it in the draft
    under `key`: the step, and which message carries the buttons that count."""
    chat_id = chat_id_of(update)
    draft = draft_of(context, key)
    await drop_buttons(context, chat_id, draft)
    sent = await context.bot.send_message(
        chat_id,
        f"{before}\n\n{text}" if before else text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
    )
    draft.update(step=step, prompt=sent.message_id, buttons=markup is not None)
    return step


def is_current(update: Update, draft: dict[str, Any]) -> bool:
    """Whether the pressed button belongs to the flow's latest prompt."""
    query = update.callback_query
    return bool(query and query.message and query.message.message_id == draft.get("prompt"))


def warning(reason: str) -> str:
    return f"⚠️ {escape(reason)}"


def stray_reason(message: Message | None, expected: str) -> str:
    """A one-line reason for a message of the wrong kind (sticker, photo, …)."""
    kinds = (
        ("sticker", "a sticker"),
        ("photo", "a photo"),
        ("voice", "a voice message"),
        ("audio", "audio"),
        ("video", "a video"),
        ("video_note", "a video message"),
        ("animation", "a GIF"),
        ("document", "a file"),
    )
    what = next((label for attr, label in kinds if message and getattr(message, attr)), "that")
    return warning(f"I can't use {what} here — {expected}")


def level_keyboard(feature: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(label, callback_data=callbacks.make(feature, "level", value))
                for value, label in LEVEL_LABELS.items()
            ]
        ]
    )


def level_from_text(text: str | None) -> str | None:
    """A level typed instead of tapped ("senior", "Mid level"), or None."""
    return LEVEL_WORDS.get(" ".join((text or "").lower().replace("-", " ").split()))


async def read_document(message: Message, context: CoachContext) -> str:
    """The text of the .txt or .pdf file in `message`; InvalidValue (one line) otherwise.
    Type and size are judged from what Telegram reports, before downloading."""
    document = message.document
    assert document is not None
    kind = service.document_kind(document.file_name, document.mime_type, document.file_size)
    async with typing(context, message.chat_id):
        try:
            file = await document.get_file()
            data = bytes(await file.download_as_bytearray())
        except BadRequest as exc:
            raise InvalidValue("I couldn't download that file — paste the text instead.") from exc
        return await asyncio.to_thread(service.extract_text, data, kind)


# ----- the card and the list ------------------------------------------------------------------
def level_label(level: object) -> str:
    value = str(getattr(level, "value", level))
    return LEVEL_LABELS.get(value, value)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def preview(description: str) -> str:
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    text = "\n".join(lines[:PREVIEW_LINES])
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 1].rstrip() + "…"
    elif len(lines) > PREVIEW_LINES:
        text += "\n…"
    return text


def card_text(card: JobCard) -> str:
    job = card.job
    lines = [f"🏢 <b>{escape(job.name)}</b>"]
    if job.title:
        lines.append(f"💼 {escape(job.title)}")
    lines += [
        f"📈 {level_label(job.experience_level)}",
        "",
        f"<i>{escape(preview(job.description))}</i>",
        "",
        f"🧠 {plural(card.questions, 'question')} practised · "
        f"🎤 {plural(card.interviews, 'interview')} run",
    ]
    return "\n".join(lines)


def card_keyboard(job_id: object) -> InlineKeyboardMarkup:
    def button(label: str, feature: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=callbacks.make(feature, action, job_id))

    return InlineKeyboardMarkup(
        [
            [button("🧠 Practice", "practice", "job"), button("🎤 Interview", "interview", "job")],
            [button("📄 Resume", "resume", "job")],
            [
                button("Past questions", "practice", "list"),
                button("Past interviews", "interview", "list"),
            ],
            [button("✏️ Edit", "job", "edit"), button("🗑 Delete", "job", "del")],
            [all_jobs_button()],
        ]
    )


def all_jobs_button() -> InlineKeyboardButton:
    return InlineKeyboardButton("« All jobs", callback_data=callbacks.make("job", "page", 0))


async def list_view(user_id: int, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of the user's jobs (two queries; a third only when the page is past the end)."""
    jobs, total = await service.list_jobs(user_id, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    if total == 0:
        return "You have no saved jobs yet. Create one with /newjob.", None
    pages = math.ceil(total / PAGE_SIZE)
    if page >= pages:
        page = pages - 1
        jobs, total = await service.list_jobs(user_id, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    rows = [
        [InlineKeyboardButton(job_label(job), callback_data=callbacks.make("job", "open", job.id))]
        for job in jobs
    ]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=callbacks.make("job", "page", page - 1)))
    if page < pages - 1:
        nav.append(InlineKeyboardButton("▶", callback_data=callbacks.make("job", "page", page + 1)))
    if nav:
        rows.append(nav)
    where = f" — page {page + 1} of {pages}" if pages > 1 else ""
    text = f"<b>Your jobs</b> ({total}){where}\nTap one to open it, or /newjob to add another."
    return text, InlineKeyboardMarkup(rows)


async def show(
    update: Update, context: CoachContext, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Replace the pressed message with `text` (or send it, if that message is gone)."""
    query = update.callback_query
    assert query is not None
    if isinstance(query.message, Message):
        try:
            await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise
    else:
        await context.bot.send_message(
            chat_id_of(update), text, parse_mode=ParseMode.HTML, reply_markup=markup
        )


def callback_arg(update: Update) -> str | None:
    assert update.callback_query is not None
    parsed = callbacks.parse(update.callback_query.data)
    return parsed.arg() if parsed else None


async def list_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message and update.effective_user
    text, markup = await list_view(update.effective_user.id, 0)
    await reply(update.effective_message, text, reply_markup=markup)


async def page_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    raw = callback_arg(update) or ""
    if not raw.isdigit() or len(raw) > 6:
        await query.answer("Not found.")
        return
    await query.answer()
    text, markup = await list_view(query.from_user.id, int(raw))
    await show(update, context, text, markup)


async def open_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    card = await service.job_card(query.from_user.id, callback_arg(update))
    if card is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    await show(update, context, card_text(card), card_keyboard(card.job.id))


async def delete_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    card = await service.job_card(query.from_user.id, callback_arg(update))
    if card is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    job_id = card.job.id
    text = (
        f"🗑 Delete <b>{escape(card.job.name)}</b>? Its {plural(card.questions, 'question')} "
        f"and {plural(card.interviews, 'interview')} will be deleted too. This can't be undone."
    )
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "Yes, delete", callback_data=callbacks.make("job", "delok", job_id)
                ),
                InlineKeyboardButton("Keep", callback_data=callbacks.make("job", "open", job_id)),
            ]
        ]
    )
    await show(update, context, text, markup)


async def delete_confirmed(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    deleted = await service.delete_job(query.from_user.id, callback_arg(update))
    if deleted is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer("Deleted.")
    text = (
        f"🗑 Deleted <b>{escape(deleted.name)}</b>, with {plural(deleted.questions, 'question')} "
        f"and {plural(deleted.interviews, 'interview')}."
    )
    await show(update, context, text, InlineKeyboardMarkup([[all_jobs_button()]]))


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """/jobs and the `job:` buttons outside conversations (`job:edit` starts jobs_edit)."""
    return [
        CommandHandler("jobs", list_command),
        CallbackQueryHandler(page_button, pattern=callbacks.pattern("job", "page")),
        CallbackQueryHandler(open_button, pattern=callbacks.pattern("job", "open")),
        CallbackQueryHandler(delete_button, pattern=callbacks.pattern("job", "del")),
        CallbackQueryHandler(delete_confirmed, pattern=callbacks.pattern("job", "delok")),
    ]
