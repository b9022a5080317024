"""/interviews: a job's mock interviews, opening one (its report, or what is left to do), and
its transcript."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update

from bot.context import CoachContext
from bot.rendering import escape, plain_text
from bot.services import interview_report as reports
from bot.services import interviews as service
from handlers.interview_common import (
    HISTORY_FEATURE,
    INTERVIEWER,
    JOB_NOT_FOUND,
    button,
    button_press,
    pressed_interview,
)
from handlers.interview_report import retry_report_keyboard, show_report
from handlers.picker import choose_job
from handlers.replies import reply
from models.core import InterviewStatus
from models.interviews import InterviewMessage, MessageRole

TRANSCRIPT_PART = 3500  # characters of HTML per transcript message
TRANSCRIPT_LINE = 1500  # longer lines are split over several blocks


async def interviews_command(update: Update, context: CoachContext) -> None:
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    job = await choose_job(
        message, user.id, HISTORY_FEATURE, "Which job's mock interviews do you want to see?"
    )
    if job is not None:
        await _show_history(message, user.id, str(job.id))


async def list_button(update: Update, context: CoachContext) -> None:
    query, message, data, user = await button_press(update)
    await query.answer()
    await _show_history(message, user.id, data.arg() or "")


def _history_label(item: service.HistoryItem) -> str:
    when = item.created_at.strftime("%d %b %Y %H:%M")
    if item.status == InterviewStatus.ACTIVE:
        return f"{when} · in progress"
    if item.overall_rating is None:
        return f"{when} · {item.duration} · no report yet"
    return f"{when} · {item.duration} · ⭐ {item.overall_rating}/10"


async def _show_history(message: Message, user_id: int, job_id: str) -> None:
    found = await service.history(user_id, job_id)
    if found is None:
        await reply(message, JOB_NOT_FOUND)
        return
    title = f"🗂 <b>Mock interviews — {escape(found.job_name)}</b>"
    if not found.items:
        await reply(message, f"{title}\n\nNone yet. /interview starts one.")
        return
    more = (
        f" (the {len(found.items)} newest of {found.total})"
        if found.total > len(found.items)
        else ""
    )
    keyboard = [[button(_history_label(item), "open", item.id)] for item in found.items]
    await reply(
        message,
        f"{title}\n\nDate · duration · overall rating{more}. Tap one to open it.",
        reply_markup=InlineKeyboardMarkup(keyboard),
    )


async def open_interview(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update)
    if pressed is None:
        return
    await pressed.query.answer()
    message, interview = pressed.message, pressed.interview
    if interview.status == InterviewStatus.COMPLETED and reports.has_report(interview):
        await show_report(message, interview)
    elif interview.status == InterviewStatus.ACTIVE:
        await reply(
            message,
            "🎤 This interview is still in progress: answer the last question, or end it.",
            reply_markup=InlineKeyboardMarkup(
                [
                    [
                        button("⏹ End interview", "end", interview.id),
                        button("📜 Transcript", "tx", interview.id),
                    ]
                ]
            ),
        )
    else:
        await reply(
            message,
            "This interview has no report yet.",
            reply_markup=retry_report_keyboard(interview.id),
        )


async def show_transcript(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update)
    if pressed is None:
        return
    await pressed.query.answer()
    interview = pressed.interview
    lines = await service.messages(interview)
    meta = reports.report_meta(interview, interview.job_info)
    for part in transcript_parts(f"📜 <b>Transcript</b> — {escape(meta)}", lines):
        await reply(pressed.message, part)


def transcript_parts(header: str, lines: list[InterviewMessage]) -> list[str]:
    blocks = [header]
    for line in lines:
        if line.role == MessageRole.INTERVIEWER:
            who = INTERVIEWER
        else:
            took = f" · {line.response_seconds:.0f} s" if line.response_seconds is not None else ""
            who = f"🙋 <b>You</b>{' 🎙' if line.voice_seconds is not None else ''}<i>{took}</i>"
        text = (plain_text(line.text) if line.role == MessageRole.INTERVIEWER else line.text) or "…"
        pieces = [text[i : i + TRANSCRIPT_LINE] for i in range(0, len(text), TRANSCRIPT_LINE)]
        blocks.append(f"{who}\n{escape(pieces[0])}")
        blocks.extend(escape(piece) for piece in pieces[1:])
    if len(blocks) == 1:
        blocks.append("<i>Nothing was said yet.</i>")
    parts: list[str] = []
    for block in blocks:
        if parts and len(parts[-1]) + len(block) + 2 <= TRANSCRIPT_PART:
            parts[-1] += "\n\n" + block
        else:
            parts.append(block)
    return parts
