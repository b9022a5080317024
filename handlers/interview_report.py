"""The mock interview report: written after the interview ends, Retry when the model failed,
and the Markdown and PDF downloads."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardMarkup, Message, Update, User

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.rendering import escape
from bot.services import interview_report as reports
from bot.services import interviews as service
from bot.services.report_pdf import report_pdf
from handlers.interview_common import (
    NOT_FOUND,
    button,
    has_ended,
    has_report,
    pressed_interview,
)
from handlers.replies import remove_keyboard, reply, send_markdown
from handlers.streaming import typing
from models import Interview


def report_keyboard(interview: Interview) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button("⬇️ Markdown", "md", interview.id),
                button("⬇️ PDF", "pdf", interview.id),
            ],
            [
                button("📜 Transcript", "tx", interview.id),
                button("🗂 All interviews", "list", interview.job_info_id),  # type: ignore[attr-defined]
            ],
        ]
    )


def retry_report_keyboard(interview_id: object) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button("🔁 Retry report", "report", interview_id),
                button("📜 Transcript", "tx", interview_id),
            ]
        ]
    )


async def show_report(message: Message, interview: Interview) -> None:
    """The stored report (the caller checked it has one) with its buttons."""
    markdown = reports.report_text(interview) or ""
    await send_markdown(message, markdown, reply_markup=report_keyboard(interview))


async def after_end(
    message: Message, context: CoachContext, user: User, ended: service.Ended, *, announce: bool
) -> None:
    if ended.interview is None:
        await reply(
            message,
            "⏹ Interview ended. You didn't answer any question, so there is no report and it "
            "doesn't count toward your plan.",
        )
        return
    if announce and not ended.already:
        duration = service.duration_of(ended.interview)
        await reply(message, f"⏹ Interview ended after {duration}. Writing your report…")
    await send_report(message, context, user, ended.interview.id)


async def send_report(
    message: Message, context: CoachContext, user: User, interview_id: object
) -> None:
    try:
        async with typing(context, message.chat_id):
            interview = await reports.write_report(
                context.services.gateway, user.id, str(interview_id), user.first_name
            )
    except AIUnavailableError as exc:
        await reply(
            message,
            f"⚠️ I couldn't write your report: {escape(exc.user_message)}\nThe interview is "
            "saved — press Retry report to try again.",
            reply_markup=retry_report_keyboard(interview_id),
        )
        return
    if interview is None or not has_report(interview):
        await reply(message, NOT_FOUND)
        return
    await show_report(message, interview)


async def retry_report(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update, usable=has_ended)
    if pressed is None:
        return
    await pressed.query.answer()
    await remove_keyboard(pressed.message)
    await send_report(pressed.message, context, pressed.user, pressed.interview.id)


async def download_markdown(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update, usable=has_report)
    if pressed is None:
        return
    await pressed.query.answer()
    interview = pressed.interview
    document = (reports.report_text(interview) or "").encode("utf-8")
    await _send_file(
        pressed.message, interview, document, "md", "📝 Your interview report (Markdown)"
    )


async def download_pdf(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update, usable=has_report)
    if pressed is None:
        return
    interview = pressed.interview
    report = reports.stored_report(interview)
    if report is None:  # an older report kept as text only
        await pressed.query.answer("There's no PDF of this report — download the Markdown instead.")
        return
    await pressed.query.answer()
    job = interview.job_info
    title, meta = reports.report_title(job), reports.report_meta(interview, job)
    pdf = await asyncio.to_thread(report_pdf, title, meta, report)
    await _send_file(pressed.message, interview, pdf, "pdf", "📄 Your interview report (PDF)")


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
