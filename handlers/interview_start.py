"""Starting a mock interview: /interview, the job picker, the intro, and the one-at-a-time
choice (end the current interview and start the new one, or continue the current one)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update, User

from bot.context import CoachContext
from bot.i18n import texts
from bot.rendering import escape
from bot.services import interviews as service
from bot.services.interviews import InterviewInProgress
from bot.services.quotas import QuotaExceeded
from handlers.interview_common import (
    ALREADY_ENDED,
    DETOUR,
    FEATURE,
    INTERVIEWER,
    JOB_NOT_FOUND,
    NEXT_JOB,
    NOT_FOUND,
    button,
    button_press,
    is_active,
    live_keyboard,
    pressed_interview,
    user_data,
)
from handlers.interview_report import after_end
from handlers.interview_turns import interviewer_speaks
from handlers.kit.limits import explain_limit
from handlers.kit.picker import choose_job, job_label
from handlers.kit.replies import remove_keyboard, reply, send_markdown
from models import Interview


def intro(job_text: str, settings_questions: int, minutes: int, has_speech: bool) -> str:
    answer = "by text or with a voice message" if has_speech else "by text"
    lines = [
        f"🎤 <b>Mock interview — {escape(job_text)}</b>",
        "",
        f"I'll ask you about {settings_questions} questions, one at a time — a mix of experience "
        "and technical ones — and follow up when an answer is thin. It takes up to "
        f"{minutes} minute{'' if minutes == 1 else 's'}.",
        "",
        f"• Answer each question {answer}.",
        "• Press <b>End interview</b> or send /end to finish at any time.",
        "• Afterwards you get a full feedback report, rated in 7 categories.",
    ]
    if has_speech:
        lines.append("• Tap <b>Voice replies</b> to also hear my questions as voice notes.")
    return "\n".join(lines)


async def interview_command(update: Update, context: CoachContext) -> None:
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    job = await choose_job(message, context, FEATURE, "Which job is this mock interview for?")
    if job is not None:
        await _begin(message, context, user, str(job.id))


async def pick_job(update: Update, context: CoachContext) -> None:
    query, message, data, user = await button_press(update)
    await query.answer()
    await _begin(message, context, user, data.arg() or "")


async def _begin(message: Message, context: CoachContext, user: User, job_id: str) -> None:
    try:
        interview = await service.start_interview(context.services.quotas, user.id, job_id)
    except InterviewInProgress as exc:
        await _offer_replace(message, context, exc.interview, job_id)
        return
    except QuotaExceeded as exc:
        await explain_limit(message, context, exc)
        return
    if interview is None:
        await reply(message, JOB_NOT_FOUND)
        return
    user_data(context).pop(DETOUR, None)
    gateway, settings = context.services.gateway, context.settings
    text = intro(
        job_label(interview.job_info),
        settings.interview_max_questions,
        settings.interview_time_limit_minutes,
        gateway.has_speech,
    )
    await reply(message, text + (f"\n\n{texts()('kit-offline-notice')}" if gateway.offline else ""))
    await interviewer_speaks(message, context, user, interview)


async def _offer_replace(
    message: Message, context: CoachContext, current: Interview, job_id: str
) -> None:
    user_data(context)[NEXT_JOB] = job_id
    keyboard = InlineKeyboardMarkup(
        [
            [button("⏹ End it and start new", "replace", current.id)],
            [button("▶️ Continue current", "continue", current.id)],
        ]
    )
    await reply(
        message,
        "You already have a mock interview in progress for "
        f"<b>{escape(job_label(current.job_info))}</b>. Only one can run at a time — end it "
        "(you'll get its report) and start the new one, or continue it?",
        reply_markup=keyboard,
    )


async def replace_current(update: Update, context: CoachContext) -> None:
    query, message, data, user = await button_press(update)
    job_id = user_data(context).pop(NEXT_JOB, None)
    if not isinstance(job_id, str):
        await query.answer("That choice has expired — send /interview again.")
        return
    ended = await service.end_interview(user.id, data.arg())
    if ended is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    await remove_keyboard(message)
    if not ended.already:
        await after_end(message, context, user, ended, announce=True)
    await _begin(message, context, user, job_id)


async def continue_current(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update, usable=is_active, refusal=ALREADY_ENDED)
    if pressed is None:
        return
    message, interview = pressed.message, pressed.interview
    await pressed.query.answer()
    await remove_keyboard(message)
    user_data(context).pop(DETOUR, None)
    user_data(context).pop(NEXT_JOB, None)
    if await service.needs_interviewer(interview):
        await interviewer_speaks(message, context, pressed.user, interview)
        return
    last = await service.last_interviewer_line(interview) or "…"
    await send_markdown(
        message,
        last,
        header=f"{INTERVIEWER} <i>(where we left off)</i>",
        reply_markup=live_keyboard(interview, context.services.gateway.has_speech),
    )
