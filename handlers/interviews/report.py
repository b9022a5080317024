"""The mock interview report: written after the interview ends, Retry when the model failed,
and the Markdown and PDF downloads."""

from __future__ import annotations

import asyncio
import functools
import uuid

from telegram import InlineKeyboardMarkup, Message, Update

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import interview_report as reports
from bot.services import interviews as service
from bot.services.report_pdf import report_pdf
from handlers.interviews.buttons import (
    DownloadMarkdown,
    DownloadPdf,
    RetryReport,
    Transcript,
)
from handlers.interviews.common import first_name
from handlers.kit.buttons import Press
from handlers.kit.entry_buttons import InterviewList
from handlers.kit.errors import ai_reason
from handlers.kit.replies import remove_keyboard, reply, send_markdown
from handlers.kit.streaming import typing
from models import Interview
from models.core import InterviewStatus


def report_keyboard(t: Texts, interview: Interview) -> InlineKeyboardMarkup:
    job_id: uuid.UUID = interview.job_info_id  # type: ignore[attr-defined]
    return InlineKeyboardMarkup(
        [
            [
                DownloadMarkdown(interview_id=interview.id).button(
                    t.plain("interviews-button-markdown")
                ),
                DownloadPdf(interview_id=interview.id).button(t.plain("interviews-button-pdf")),
            ],
            [
                Transcript(interview_id=interview.id).button(
                    t.plain("interviews-button-transcript")
                ),
                InterviewList(job_id=job_id).button(t.plain("interviews-button-all")),
            ],
        ]
    )


def retry_report_keyboard(t: Texts, interview_id: uuid.UUID) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                RetryReport(interview_id=interview_id).button(
                    t.plain("interviews-button-retry-report")
                ),
                Transcript(interview_id=interview_id).button(
                    t.plain("interviews-button-transcript")
                ),
            ]
        ]
    )


async def show_report(message: Message, context: CoachContext, interview: Interview) -> None:
    """The stored report (the caller checked it has one) with its buttons."""
    await send_markdown(
        message,
        reports.report_text(context.texts, interview) or "",
        reply_markup=report_keyboard(context.texts, interview),
    )


async def after_end(
    message: Message, context: CoachContext, ended: service.Ended, name: str, *, announce: bool
) -> None:
    t = context.texts
    if ended.interview is None:
        key = "interviews-too-short" if ended.answered else "interviews-ended-empty"
        await reply(message, t(key))
        return
    if announce and not ended.already:
        await reply(message, t("interviews-ended", duration=service.duration_of(ended.interview)))
    await send_report(message, context, ended.interview.id, name)


async def send_report(
    message: Message, context: CoachContext, interview_id: uuid.UUID, name: str
) -> None:
    t = context.texts
    try:
        async with typing(context, message.chat_id):
            interview = await reports.write_report(
                context.services.gateway,
                context.session.user_id,
                str(interview_id),
                name,
                language=t.language,
            )
    except AIUnavailableError as exc:
        await reply(
            message,
            t("interviews-report-failed", reason=ai_reason(t, exc)),
            reply_markup=retry_report_keyboard(t, interview_id),
        )
        return
    if interview is None or not reports.has_report(interview):
        await reply(message, t("interviews-not-found"))
        return
    await show_report(message, context, interview)


async def retry_report(update: Update, context: CoachContext, press: Press[RetryReport]) -> None:
    interview: Interview = press.target
    if interview.status == InterviewStatus.ACTIVE:
        await press.answer(context.texts.plain("interviews-not-found"))
        return
    await press.answer()
    await remove_keyboard(press.message)
    await send_report(press.message, context, interview.id, first_name(update))


async def download_markdown(
    update: Update, context: CoachContext, press: Press[DownloadMarkdown]
) -> None:
    interview: Interview = press.target
    t = context.texts
    if not reports.has_report(interview):
        await press.answer(t.plain("interviews-not-found"))
        return
    await press.answer()
    document = (reports.report_text(t, interview) or "").encode("utf-8")
    caption = t.plain("interviews-caption-markdown")
    await _send_file(press.message, interview, document, "md", caption)


async def download_pdf(update: Update, context: CoachContext, press: Press[DownloadPdf]) -> None:
    interview: Interview = press.target
    t = context.texts
    if not reports.has_report(interview):
        await press.answer(t.plain("interviews-not-found"))
        return
    report = reports.stored_report(interview)
    if report is None:  # an older report kept as text only
        await press.answer(t.plain("interviews-no-pdf"))
        return
    await press.answer()
    job = interview.job_info
    title, meta = reports.report_title(t, job), reports.report_meta(t, interview, job)
    pdf = await asyncio.to_thread(functools.partial(report_pdf, title, meta, report, t=t))
    await _send_file(press.message, interview, pdf, "pdf", t.plain("interviews-caption-pdf"))


async def _send_file(
    message: Message, interview: Interview, document: bytes, extension: str, caption: str
) -> None:
    date = (interview.started_at or interview.created_at).strftime("%Y-%m-%d")
    await message.reply_document(
        document=document,
        filename=f"interview-report-{date}.{extension}",
        caption=caption,
        do_quote=False,
    )
