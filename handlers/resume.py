"""/resume: upload a resume (PDF, DOCX, TXT), get a scored review against a job.

Flow: /resume or a `resume:job:<id>` button → the bot asks for the file (WAITING_DOCUMENT) →
the text is extracted, reviewed by the coach and the review stored → report. Bad files get a
one-line reason and the same question again. An AI failure offers Retry, which re-runs on the
same text kept in memory only (see `bot.services.resume.RetryTexts`). The report itself is
rendered by `handlers.resume_report`.
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
from telegram.error import BadRequest
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.rendering import escape
from bot.services import documents
from bot.services import resume as service
from bot.services.jobs import get_job
from bot.services.quotas import QuotaExceeded
from bot.settings import CONVERSATION_TIMEOUT
from handlers import callbacks
from handlers.kit.limits import explain_limit
from handlers.kit.picker import choose_job
from handlers.kit.replies import remove_keyboard, reply
from handlers.kit.streaming import typing
from handlers.resume_report import FEATURE, send_report, show_last
from models.core import JobInfo

log = logging.getLogger(__name__)

# States are ints: the database persistence stores them as JSON (a bare str is not stored).
WAITING_DOCUMENT = 1
END = ConversationHandler.END
_USER_DATA = "resume"  # {"job_id": str}: the job the next upload is checked against
_RETRY_TEXTS = "resume_retry_texts"  # bot_data (not persisted): service.RetryTexts

ASK_AGAIN = (
    "Please send your resume as a PDF, DOCX or TXT file "
    f"(up to {documents.MAX_BYTES // 1024 // 1024} MB), or /cancel."
)


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
        await explain_limit(message, context, exc)
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
        message, context, FEATURE, "📄 Which job should I check your resume against?"
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
        await explain_limit(message, context, exc)
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
    await remove_keyboard(message)
    if pending is not None:
        return await _analyze(message, context, user.id, pending.job_id, pending.extracted)
    job = await _job_of_flow(context, user.id)
    if job is None:
        await reply(message, "I no longer have that file. Send /resume to start again.")
        return END
    await reply(message, "I no longer have that file (I keep it only briefly, in memory).")
    return await _ask_for_document(message, context, job)


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
        conversation_timeout=CONVERSATION_TIMEOUT,
    )


def command_handlers() -> list[BaseHandler]:
    """Buttons outside the conversation: the latest stored review of a job."""
    return [CallbackQueryHandler(show_last, pattern=callbacks.pattern(FEATURE, "last"))]
