"""/resume: upload a resume (PDF, DOCX, TXT), get a scored review against a job.

Flow "resume": /resume or the job card's `ResumeJob` button → the bot asks for the file (step
"document", the job in the flow's data) → the text is extracted, reviewed by the coach and the
review stored → report. Bad files get a one-line reason and the same question again. An AI
failure offers Retry, which re-runs on the same text kept in memory only
(`context.services.resume_retries`, see `bot.services.resume.RetryTexts`); when that text is
gone (a restart), Retry asks for the file again. The report is rendered by `report.py`.
"""

from __future__ import annotations

import logging
import uuid

from telegram import Document, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.services import documents
from bot.services import resume as service
from bot.services.jobs import get_job
from bot.services.quotas import QuotaExceeded
from handlers.kit.buttons import Press, on_press
from handlers.kit.errors import ai_reason, document_reason
from handlers.kit.flow import END, Flow, Step
from handlers.kit.limits import explain_limit
from handlers.kit.picker import choose_job
from handlers.kit.replies import remove_keyboard, reply
from handlers.kit.streaming import typing
from handlers.resume.buttons import ResumeJob, ResumeLast, ResumeRetry
from handlers.resume.report import send_report
from models.core import JobInfo

log = logging.getLogger(__name__)

DOCUMENT = "document"  # the step: waiting for the file
_MB = documents.MAX_BYTES // 1024 // 1024


# ----- steps ---------------------------------------------------------------------------------
async def _job_of_flow(context: CoachContext) -> JobInfo | None:
    job_id = context.session.data.get("job_id")
    return await get_job(context.session.user_id, job_id) if job_id else None


async def _quota_ok(message: Message, context: CoachContext) -> bool:
    try:
        await context.services.quotas.check(context.session.user_id, "resume")
    except QuotaExceeded as exc:
        await explain_limit(message, context, exc)
        return False
    return True


async def _ask_for_document(message: Message, context: CoachContext, job: JobInfo) -> Step:
    t = context.texts
    context.session.data["job_id"] = str(job.id)
    lines = [t("resume-ask", job=job.name, mb=_MB), t("resume-ask-keeps")]
    keyboard = None
    last = await service.last_score(job)
    if last is not None:
        lines.append(t("resume-ask-last", score=last.score, date=t.date(last.created_at)))
        button = ResumeLast(job_id=job.id).button(t.plain("resume-button-last"))
        keyboard = InlineKeyboardMarkup([[button]])
    lines.append(t("resume-ask-cancel"))
    await reply(message, "\n".join(lines), reply_markup=keyboard)
    return DOCUMENT


async def resume_command(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message
    if not await _quota_ok(message, context):
        return END
    prompt = context.texts("resume-pick-job")
    job = await choose_job(message, context, lambda job_id: ResumeJob(job_id=job_id), prompt)
    if job is None:
        return END
    return await _ask_for_document(message, context, job)


async def pick_job(update: Update, context: CoachContext, press: Press) -> Step:
    await press.answer()
    if not await _quota_ok(press.message, context):
        return END
    return await _ask_for_document(press.message, context, press.target)


async def _refuse(message: Message, context: CoachContext, reason: str) -> Step:
    t = context.texts
    await reply(
        message, t("resume-refused", reason=reason, again=t.html("resume-ask-again", mb=_MB))
    )
    return DOCUMENT


async def _download(document: Document) -> bytes:
    file = await document.get_file()
    return bytes(await file.download_as_bytearray())


async def receive_document(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message and message.document
    job = await _job_of_flow(context)
    if job is None:
        await reply(message, context.texts("resume-job-gone"))
        return END
    document = message.document
    try:
        kind = documents.check_upload(document.file_name, document.mime_type, document.file_size)
        async with typing(context, message.chat_id):
            content = await _download(document)
            extracted = await documents.extract_text(content, kind)
    except documents.DocumentError as exc:
        log.info("Resume upload refused: %s (%s)", type(exc).__name__, document.mime_type)
        return await _refuse(message, context, document_reason(context.texts, exc))
    except BadRequest as exc:  # Telegram won't hand the file over (too big for bots)
        log.info("Resume download refused by Telegram: %s", exc)
        return await _refuse(message, context, context.texts.plain("resume-download-refused"))
    log.info(
        "Resume extracted: %s, %s pages, %d chars, truncated=%s",
        extracted.kind,
        extracted.pages,
        len(extracted.text),
        extracted.truncated,
    )
    return await _analyze(message, context, job.id, extracted)


async def _analyze(
    message: Message,
    context: CoachContext,
    job_id: str | uuid.UUID,
    extracted: documents.ExtractedText,
) -> Step:
    t = context.texts
    user_id = context.session.user_id
    try:
        async with typing(context, message.chat_id):
            stored = await service.analyze_and_save(
                context.services.gateway,
                context.services.quotas,
                user_id,
                str(job_id),
                extracted,
                language=t.language,
            )
    except QuotaExceeded as exc:
        await explain_limit(message, context, exc)
        return END
    except service.NotAResume:
        await reply(message, t("resume-not-a-resume"))
        return END
    except AIUnavailableError as exc:
        token = context.services.resume_retries.put(user_id, str(job_id), extracted)
        retry = ResumeRetry(token=token, job_id=uuid.UUID(str(job_id)))
        keyboard = InlineKeyboardMarkup([[retry.button(t.plain("resume-button-retry"))]])
        await reply(message, t("resume-ai-failed", reason=ai_reason(t, exc)), reply_markup=keyboard)
        return END
    if stored is None:
        await reply(message, t("resume-job-gone"))
        return END
    await send_report(message, context, stored, title=t.plain("resume-title"))
    return END


async def retry(update: Update, context: CoachContext, press: Press) -> Step:
    data: ResumeRetry = press.data
    t = context.texts
    pending = context.services.resume_retries.take(press.user_id, data.token)
    await press.answer(t.plain("resume-retrying") if pending else None)
    await remove_keyboard(press.message)
    if pending is not None:
        return await _analyze(press.message, context, pending.job_id, pending.extracted)
    job = await get_job(press.user_id, data.job_id)
    if job is None:
        await reply(press.message, t("resume-file-gone"))
        return END
    await reply(press.message, t("resume-file-gone-ask"))
    return await _ask_for_document(press.message, context, job)


async def got_photo(update: Update, context: CoachContext) -> Step:
    assert update.effective_message
    return await _refuse(update.effective_message, context, context.texts.plain("resume-photo"))


async def got_text(update: Update, context: CoachContext) -> Step:
    assert update.effective_message
    return await _refuse(update.effective_message, context, context.texts.plain("resume-text"))


async def got_other(update: Update, context: CoachContext) -> Step:
    assert update.effective_message
    reason = context.texts.plain("resume-not-document")
    return await _refuse(update.effective_message, context, reason)


async def cancel(update: Update, context: CoachContext) -> Step:
    assert update.effective_message
    await reply(update.effective_message, context.texts("resume-cancelled"))
    return END


# ----- registration --------------------------------------------------------------------------
def flow() -> Flow:
    return Flow(
        name="resume",
        entry_points=[
            CommandHandler("resume", resume_command),
            on_press(ResumeJob, pick_job),
            on_press(ResumeRetry, retry),
        ],
        steps={
            DOCUMENT: [
                MessageHandler(filters.Document.ALL, receive_document),
                MessageHandler(filters.PHOTO, got_photo),
                MessageHandler(filters.TEXT & ~filters.COMMAND, got_text),
                MessageHandler(~filters.COMMAND & ~filters.StatusUpdate.ALL, got_other),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
        left="resume-left",
    )
