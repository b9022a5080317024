"""/interviews: a job's mock interviews, opening one (its report, or what is left to do), and
its transcript."""

from __future__ import annotations

import uuid

from telegram import InlineKeyboardMarkup, Message, Update

from bot.context import CoachContext
from bot.i18n import Html, Texts
from bot.rendering import escape, plain_text
from bot.services import interview_report as reports
from bot.services import interviews as service
from handlers.interviews.buttons import (
    EndInterview,
    InterviewsForJob,
    OpenInterview,
    Transcript,
)
from handlers.interviews.report import retry_report_keyboard, show_report
from handlers.kit.buttons import Press
from handlers.kit.picker import choose_job
from handlers.kit.replies import reply
from models import Interview, JobInfo
from models.core import InterviewStatus
from models.interviews import InterviewMessage, MessageRole

TRANSCRIPT_PART = 3500  # characters of HTML per transcript message
TRANSCRIPT_LINE = 1500  # longer lines are split over several blocks


async def interviews_command(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message is not None
    job = await choose_job(
        message,
        context,
        lambda job_id: InterviewsForJob(job_id=job_id),
        context.texts("interviews-pick-history"),
    )
    if job is not None:
        await _show_history(message, context, job.id)


async def list_button(update: Update, context: CoachContext, press: Press) -> None:
    """The job's interviews: from the /interviews picker or the job card (`InterviewList`)."""
    await press.answer()
    job: JobInfo = press.target
    await _show_history(press.message, context, job.id)


def _history_label(t: Texts, item: service.HistoryItem) -> str:
    when = t.datetime(item.created_at)
    if item.status == InterviewStatus.ACTIVE:
        return t.plain("interviews-label-active", when=when)
    if item.overall_rating is None:
        return t.plain("interviews-label-no-report", when=when, duration=item.duration)
    return t.plain(
        "interviews-label-rated", when=when, duration=item.duration, rating=item.overall_rating
    )


async def _show_history(message: Message, context: CoachContext, job_id: uuid.UUID) -> None:
    t = context.texts
    found = await service.history(context.session.user_id, job_id)
    if found is None:
        await reply(message, t("interviews-job-not-found"))
        return
    title = t.html("interviews-history-title", job=found.job_name)
    if not found.items:
        await reply(message, t("interviews-history-empty", title=title))
        return
    more = ""
    if found.total > len(found.items):
        more = t.html("interviews-history-more", shown=len(found.items), total=found.total)
    keyboard = [
        [OpenInterview(interview_id=item.id).button(_history_label(t, item))]
        for item in found.items
    ]
    await reply(
        message,
        t("interviews-history", title=title, more=Html(more)),
        reply_markup=InlineKeyboardMarkup(keyboard),
    )


async def open_interview(update: Update, context: CoachContext, press: Press) -> None:
    await press.answer()
    t = context.texts
    interview: Interview = press.target
    if interview.status == InterviewStatus.COMPLETED and reports.has_report(interview):
        await show_report(press.message, context, interview)
    elif interview.status == InterviewStatus.ACTIVE:
        end = EndInterview(interview_id=interview.id).button(t.plain("interviews-button-end"))
        transcript = Transcript(interview_id=interview.id).button(
            t.plain("interviews-button-transcript")
        )
        await reply(
            press.message,
            t("interviews-still-active"),
            reply_markup=InlineKeyboardMarkup([[end, transcript]]),
        )
    else:
        await reply(
            press.message,
            t("interviews-no-report"),
            reply_markup=retry_report_keyboard(t, interview.id),
        )


async def show_transcript(update: Update, context: CoachContext, press: Press) -> None:
    await press.answer()
    t = context.texts
    interview: Interview = press.target
    lines = await service.messages(interview)
    meta = reports.report_meta(t, interview, interview.job_info)
    for part in transcript_parts(t, t("interviews-transcript-title", meta=meta), lines):
        await reply(press.message, part)


def transcript_parts(t: Texts, header: str, lines: list[InterviewMessage]) -> list[str]:
    blocks = [header]
    for line in lines:
        if line.role == MessageRole.INTERVIEWER:
            who = t("interviews-interviewer")
        else:
            took = ""
            if line.response_seconds is not None:
                took = t("interviews-transcript-took", seconds=f"{line.response_seconds:.0f}")
            voice = line.voice_seconds is not None
            who = t("interviews-transcript-you", voice=voice, took=Html(took))
        text = (plain_text(line.text) if line.role == MessageRole.INTERVIEWER else line.text) or "…"
        pieces = [text[i : i + TRANSCRIPT_LINE] for i in range(0, len(text), TRANSCRIPT_LINE)]
        blocks.append(f"{who}\n{escape(pieces[0])}")
        blocks.extend(escape(piece) for piece in pieces[1:])
    if len(blocks) == 1:
        blocks.append(t("interviews-transcript-empty"))
    parts: list[str] = []
    for block in blocks:
        if parts and len(parts[-1]) + len(block) + 2 <= TRANSCRIPT_PART:
            parts[-1] += "\n\n" + block
        else:
            parts.append(block)
    return parts
