"""/resume: upload a resume (PDF, DOCX, TXT), get a scored review against a job.

Flow: /resume or a `resume:job:<id>` button → the bot asks for the file (WAITING_DOCUMENT) →
the text is extracted, reviewed by the coach and the review stored → report. Bad files get a
one-line reason and the same question again. An AI failure offers Retry, which re-runs on the
same text kept in memory only (see `bot.services.resume.RetryTexts`).
"""

from __future__ import annotations

import logging
import uuid

from telegram import (
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.ai.errors import AIUnavailableError
from bot.ai.schemas import ResumeAnalysis, ResumeCategory
from bot.context import CoachContext
from bot.rendering import escape
from bot.services import documents
from bot.services import resume as service
from bot.services.jobs import get_job
from bot.services.quotas import QuotaExceeded
from bot.telegram_html import utf16_len
from handlers import callbacks
from handlers.limits import explain_limit
from handlers.picker import choose_job
from handlers.replies import OFFLINE_NOTICE, reply
from handlers.streaming import typing
from models.core import JobInfo

log = logging.getLogger(__name__)

FEATURE = "resume"
# States are ints: the database persistence stores them as JSON (a bare str is not stored).
WAITING_DOCUMENT = 1
END = ConversationHandler.END
_USER_DATA = "resume"  # {"job_id": str}: the job the next upload is checked against
_RETRY_TEXTS = "resume_retry_texts"  # bot_data (not persisted): service.RetryTexts

MESSAGE_LIMIT = 4000  # below Telegram's 4096, measured on our HTML (never shorter than text)
LABELS = {
    "ats": "ATS compatibility",
    "job_match": "Job match",
    "writing_and_formatting": "Writing & formatting",
    "keyword_coverage": "Keyword coverage",
    "other": "Other",
}
GROUPS = (("strength", "✅"), ("minor-improvement", "🟡"), ("major-improvement", "🔴"))
_MAX_NAME, _MAX_SUMMARY, _MAX_MESSAGE = 80, 500, 600  # model text is cut to keep lines short
ASK_AGAIN = (
    "Please send your resume as a PDF, DOCX or TXT file "
    f"(up to {documents.MAX_BYTES // 1024 // 1024} MB), or /cancel."
)


# ----- rendering -----------------------------------------------------------------------------


def score_bar(score: int) -> str:
    score = max(0, min(10, score))
    return "▰" * score + "▱" * (10 - score)


def comparison(current: int, previous: int | None) -> str | None:
    if previous is None:
        return None
    diff = current - previous
    if diff > 0:
        return f"📈 Up {diff} from {previous}/10 last time."
    if diff < 0:
        return f"📉 Down {-diff} from {previous}/10 last time."
    return f"➖ Same as last time ({previous}/10)."


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def category_block(key: str, category: ResumeCategory) -> str:
    lines = [
        f"<b>{LABELS.get(key, key)}</b>",
        f"{score_bar(category.score)} {category.score}/10",
        f"<i>{escape(_clip(category.summary, _MAX_SUMMARY))}</i>",
    ]
    for kind, mark in GROUPS:
        for item in category.feedback:
            if item.type == kind:
                name = escape(_clip(item.name, _MAX_NAME))
                lines.append(f"{mark} <b>{name}</b> — {escape(_clip(item.message, _MAX_MESSAGE))}")
    return "\n".join(lines)


def report_blocks(stored: service.StoredAnalysis, *, title: str, offline: bool) -> list[str]:
    analysis: ResumeAnalysis = stored.analysis
    header = [
        f"📄 <b>{title}</b> — {escape(_clip(stored.job_name, _MAX_NAME))}",
        f"<b>Overall: {analysis.overall_score}/10</b> {score_bar(analysis.overall_score)}",
    ]
    change = comparison(analysis.overall_score, stored.previous_score)
    if change:
        header.append(change)
    if stored.truncated:
        header.append(
            f"✂️ <i>Your resume is longer than about {documents.MAX_PAGES} pages; "
            f"I reviewed the first {documents.MAX_PAGES}.</i>"
        )
    if offline:
        header.append(OFFLINE_NOTICE)
    return ["\n".join(header), *(category_block(k, c) for k, c in analysis.categories())]


def pack(blocks: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Blocks, a blank line apart, in as few messages of at most `limit` as they fit; a block
    too long for one message continues in the next at a line break (every line is short)."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        pieces = [block] if utf16_len(block) <= limit else block.split("\n")
        for index, piece in enumerate(pieces):
            separator = "\n" if index else "\n\n"
            joined = f"{current}{separator}{piece}" if current else piece
            if current and utf16_len(joined) > limit:
                messages.append(current)
                joined = piece
            current = joined
    if current:
        messages.append(current)
    return messages


async def send_report(
    message: Message, context: CoachContext, stored: service.StoredAnalysis, *, title: str
) -> None:
    blocks = report_blocks(stored, title=title, offline=context.services.gateway.offline)
    parts = pack(blocks)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "📤 Check a new version",
                    callback_data=callbacks.make(FEATURE, "job", stored.job_id),
                )
            ]
        ]
    )
    for index, part in enumerate(parts):
        await reply(message, part, reply_markup=keyboard if index == len(parts) - 1 else None)


# ----- steps ---------------------------------------------------------------------------------


def _set_flow_job(context: CoachContext, job_id: str | None) -> None:
    """Remember (or forget, with None) the job the next upload is checked against."""
    assert context.user_data is not None  # updates from a user always carry user_data
    if job_id is None:
        context.user_data.pop(_USER_DATA, None)
    else:
        context.user_data[_USER_DATA] = {"job_id": job_id}


async def _job_of_flow(context: CoachContext, user_id: int) -> JobInfo | None:
    assert context.user_data is not None
    data = context.user_data.get(_USER_DATA)
    job_id = data.get("job_id") if isinstance(data, dict) else None
    return await get_job(user_id, job_id) if job_id else None


def _retry_texts(context: CoachContext) -> service.RetryTexts:
    texts = context.bot_data.get(_RETRY_TEXTS)
    if not isinstance(texts, service.RetryTexts):
        texts = context.bot_data[_RETRY_TEXTS] = service.RetryTexts()
    return texts


async def _quota_ok(message: Message, context: CoachContext, user_id: int) -> bool:
    try:
        await context.services.quotas.check(user_id, "resume")
    except QuotaExceeded as exc:
        await explain_limit(message, exc)
        return False
    return True


async def _ask_for_document(message: Message, context: CoachContext, job: JobInfo) -> int:
    _set_flow_job(context, str(job.id))
    lines = [
        f"📄 Send your resume for <b>{escape(job.name)}</b> as a file — PDF, DOCX or TXT, "
        f"up to {documents.MAX_BYTES // 1024 // 1024} MB.",
        "I read its text, review it against the job and keep only the review, not the file.",
    ]
    keyboard = None
    last = await service.last_score(job)
    if last is not None:
        lines.append(f"Last review: <b>{last.score}/10</b> on {last.created_at:%d %b %Y}.")
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        "📋 Show last review", callback_data=callbacks.make(FEATURE, "last", job.id)
                    )
                ]
            ]
        )
    lines.append("/cancel to stop.")
    await reply(message, "\n".join(lines), reply_markup=keyboard)
    return WAITING_DOCUMENT


async def resume_command(update: Update, context: CoachContext) -> int:
    message, user = update.effective_message, update.effective_user
    assert message and user
    if not await _quota_ok(message, context, user.id):
        return END
    job = await choose_job(
        message, user.id, FEATURE, "📄 Which job should I check your resume against?"
    )
    if job is None:
        return END
    return await _ask_for_document(message, context, job)


async def pick_job(update: Update, context: CoachContext) -> int:
    query, message, user = update.callback_query, update.effective_message, update.effective_user
    assert query and user
    data = callbacks.parse(query.data)
    job = await get_job(user.id, data.arg() if data else None)
    if job is None or message is None:
        await query.answer("That job isn't available. Send /resume to choose one.")
        return END
    await query.answer()
    if not await _quota_ok(message, context, user.id):
        return END
    return await _ask_for_document(message, context, job)


async def _refuse(message: Message, reason: str) -> int:
    await reply(message, f"⚠️ {escape(reason)}\n{ASK_AGAIN}")
    return WAITING_DOCUMENT


async def _download(document: Document) -> bytes:
    file = await document.get_file()
    return bytes(await file.download_as_bytearray())


async def receive_document(update: Update, context: CoachContext) -> int:
    message, user = update.effective_message, update.effective_user
    assert message and message.document and user
    job = await _job_of_flow(context, user.id)
    if job is None:
        _set_flow_job(context, None)
        await reply(message, "That job no longer exists. Send /resume to choose another.")
        return END
    document = message.document
    try:
        kind = documents.check_upload(document.file_name, document.mime_type, document.file_size)
        async with typing(context, message.chat_id):
            content = await _download(document)
            extracted = await documents.extract_text(content, kind)
    except documents.DocumentError as exc:
        log.info("Resume upload refused: %s (%s)", type(exc).__name__, document.mime_type)
        return await _refuse(message, exc.user_message)
    except BadRequest as exc:  # Telegram won't hand the file over (too big for bots)
        log.info("Resume download refused by Telegram: %s", exc)
        return await _refuse(message, "I couldn't download that file from Telegram.")
    log.info(
        "Resume extracted: %s, %s pages, %d chars, truncated=%s",
        extracted.kind,
        extracted.pages,
        len(extracted.text),
        extracted.truncated,
    )
    return await _analyze(message, context, user.id, job.id, extracted)


async def _analyze(
    message: Message,
    context: CoachContext,
    user_id: int,
    job_id: str | uuid.UUID,
    extracted: documents.ExtractedText,
) -> int:
    gateway = context.services.gateway
    try:
        async with typing(context, message.chat_id):
            stored = await service.analyze_and_save(
                gateway, context.services.quotas, user_id, str(job_id), extracted
            )
    except QuotaExceeded as exc:
        await explain_limit(message, exc)
        return END
    except AIUnavailableError as exc:
        token = _retry_texts(context).put(user_id, str(job_id), extracted)
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        "🔁 Retry", callback_data=callbacks.make(FEATURE, "retry", token)
                    )
                ]
            ]
        )
        await reply(
            message,
            f"⚠️ {escape(exc.user_message)} Nothing was saved. Tap Retry to try the same file "
            "again.",
            reply_markup=keyboard,
        )
        return END
    _set_flow_job(context, None)
    if stored is None:
        await reply(message, "That job no longer exists. Send /resume to choose another.")
        return END
    await send_report(message, context, stored, title="Resume review")
    return END


async def retry(update: Update, context: CoachContext) -> int:
    query, message, user = update.callback_query, update.effective_message, update.effective_user
    assert query and user
    data = callbacks.parse(query.data)
    pending = _retry_texts(context).take(user.id, data.arg() if data else None)
    await query.answer("Trying again…" if pending else None)
    if message is None:
        return END
    await _remove_buttons(message)
    if pending is not None:
        return await _analyze(message, context, user.id, pending.job_id, pending.extracted)
    job = await _job_of_flow(context, user.id)
    if job is None:
        await reply(message, "I no longer have that file. Send /resume to start again.")
        return END
    await reply(message, "I no longer have that file (I keep it only briefly, in memory).")
    return await _ask_for_document(message, context, job)


async def _remove_buttons(message: Message) -> None:
    if message.reply_markup is None:
        return
    try:
        await message.edit_reply_markup(reply_markup=None)
    except TelegramError as exc:  # already edited, or too old to edit: harmless
        log.debug("Could not remove the Retry button: %s", exc)


async def got_photo(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    return await _refuse(
        update.effective_message,
        "That's a photo — I need the resume file itself (📎 → File), not a picture of it.",
    )


async def got_text(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    return await _refuse(
        update.effective_message, "I need your resume as a file, not as a text message."
    )


async def got_other(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    return await _refuse(update.effective_message, "That isn't a document.")


async def cancel(update: Update, context: CoachContext) -> int:
    assert update.effective_message
    _set_flow_job(context, None)
    await reply(update.effective_message, "Resume check cancelled. /resume starts again.")
    return END


async def show_last(update: Update, context: CoachContext) -> None:
    query, message, user = update.callback_query, update.effective_message, update.effective_user
    assert query and user
    data = callbacks.parse(query.data)
    stored = await service.latest_analysis(user.id, data.arg() if data else None)
    if stored is None or message is None:
        await query.answer("There's no saved review for that job.")
        return
    await query.answer()
    await send_report(message, context, stored, title=f"Last review ({stored.created_at:%d %b %Y})")


# ----- registration --------------------------------------------------------------------------


def conversation() -> ConversationHandler:
    """Registered by `bot.app` (which silences PTB's per_message note: buttons here belong to
    the user's flow, not to one message)."""
    return ConversationHandler(
        entry_points=[
            CommandHandler("resume", resume_command),
            CallbackQueryHandler(pick_job, pattern=callbacks.pattern(FEATURE, "job")),
            CallbackQueryHandler(retry, pattern=callbacks.pattern(FEATURE, "retry")),
        ],
        states={
            WAITING_DOCUMENT: [
                MessageHandler(filters.Document.ALL, receive_document),
                MessageHandler(filters.PHOTO, got_photo),
                MessageHandler(filters.TEXT & ~filters.COMMAND, got_text),
                MessageHandler(~filters.COMMAND & ~filters.StatusUpdate.ALL, got_other),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
        allow_reentry=True,
        persistent=True,
        name=FEATURE,
    )


def command_handlers() -> list[BaseHandler]:
    """Buttons outside the conversation: the latest stored review of a job."""
    return [CallbackQueryHandler(show_last, pattern=callbacks.pattern(FEATURE, "last"))]
