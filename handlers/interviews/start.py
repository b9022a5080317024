"""Starting a mock interview: /interview, the job picker, the intro, and the one-at-a-time
choice (end the current interview and start the new one, or continue the current one); the
job of the interview in progress (paused by another flow, say) just continues it.

These are the interview flow's entry points. Each returns the flow's step when an interview
is in progress afterwards (see `_entry` in `handlers.interviews`), so the user's next message is an
answer; otherwise the flow ends.
"""

from __future__ import annotations

import uuid

from telegram import InlineKeyboardMarkup, Message, Update

from bot.context import CoachContext
from bot.services import interviews as service
from bot.services.interviews import InterviewInProgress
from bot.services.quotas import QuotaExceeded
from handlers.interviews.buttons import ContinueInterview, ReplaceInterview
from handlers.interviews.common import ANSWERING, first_name, is_active, live_keyboard
from handlers.interviews.report import after_end
from handlers.interviews.turns import interviewer_speaks
from handlers.kit.buttons import Press
from handlers.kit.entry_buttons import InterviewJob
from handlers.kit.flow import Step
from handlers.kit.limits import explain_limit
from handlers.kit.picker import choose_job, job_label
from handlers.kit.replies import remove_keyboard, reply, send_markdown
from models import Interview, JobInfo


def intro(context: CoachContext, interview: Interview) -> str:
    t, gateway, settings = context.texts, context.services.gateway, context.settings
    text = t(
        "interviews-intro",
        job=job_label(interview.job_info),
        questions=settings.interview_max_questions,
        minutes=settings.interview_time_limit_minutes,
        speech=gateway.has_speech,
    )
    if gateway.has_speech:
        text += "\n" + t("interviews-intro-voice")
    if gateway.offline:
        text += "\n\n" + t("kit-offline-notice")
    return text


async def interview_command(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None
    job = await choose_job(
        message,
        context,
        lambda job_id: InterviewJob(job_id=job_id),
        context.texts("interviews-pick-job"),
    )
    if job is None:
        return None
    return await _begin(message, context, job.id, first_name(update))


async def pick_job(update: Update, context: CoachContext, press: Press[InterviewJob]) -> Step:
    await press.answer()
    return await _begin(press.message, context, press.data.job_id, first_name(update))


async def _begin(message: Message, context: CoachContext, job_id: uuid.UUID, name: str) -> Step:
    quotas, user_id = context.services.quotas, context.session.user_id
    try:
        interview = await service.start_interview(quotas, user_id, job_id)
    except InterviewInProgress as exc:
        if str(exc.interview.job_info_id) == str(job_id):  # type: ignore[attr-defined]
            return await _resume(message, context, exc.interview, name)  # e.g. it was paused
        await _offer_replace(message, context, exc.interview, job_id)
        return None
    except QuotaExceeded as exc:
        await explain_limit(message, context, exc)
        return None
    if interview is None:
        await reply(message, context.texts("interviews-job-not-found"))
        return None
    return await _opening(message, context, interview, name)


async def _opening(
    message: Message, context: CoachContext, interview: Interview, name: str
) -> Step:
    await reply(message, intro(context, interview))
    return await interviewer_speaks(message, context, interview, name)


async def _offer_replace(
    message: Message, context: CoachContext, current: Interview, job_id: uuid.UUID
) -> None:
    t = context.texts
    keyboard = InlineKeyboardMarkup(
        [
            [ReplaceInterview(job_id=job_id).button(t.plain("interviews-button-replace"))],
            [
                ContinueInterview(interview_id=current.id).button(
                    t.plain("interviews-button-continue")
                )
            ],
        ]
    )
    await reply(
        message,
        t("interviews-in-progress", job=job_label(current.job_info)),
        reply_markup=keyboard,
    )


async def replace_current(
    update: Update, context: CoachContext, press: Press[ReplaceInterview]
) -> Step:
    """End the interview in progress (its report follows) and start one for the pressed job.
    An interview whose opening failed is moved to the new job instead: nothing was said in it,
    and the start token it took is not taken twice."""
    job: JobInfo = press.target
    user_id, name = press.user_id, first_name(update)
    await press.answer()
    await remove_keyboard(press.message)
    current = await service.active_interview(user_id)
    if current is not None:
        moved = await service.replace_unopened(user_id, current, job.id)
        if moved is not None:
            await reply(press.message, context.texts("interviews-ended-empty"))
            return await _opening(press.message, context, moved, name)
        ended = await service.end_interview(context.services.quotas, user_id, current.id)
        if ended is not None and not ended.already:
            await after_end(press.message, context, ended, name, announce=True)
    return await _begin(press.message, context, job.id, name)


async def continue_current(
    update: Update, context: CoachContext, press: Press[ContinueInterview]
) -> Step:
    interview: Interview = press.target
    t = context.texts
    if not is_active(interview):
        await press.answer(t.plain("interviews-already-ended"))
        return None
    await press.answer()
    await remove_keyboard(press.message)
    return await _resume(press.message, context, interview, first_name(update))


async def _resume(message: Message, context: CoachContext, interview: Interview, name: str) -> Step:
    """Go on where the interview left off: its last question again, or the line it owes."""
    t = context.texts
    if await service.needs_interviewer(interview):
        return await interviewer_speaks(message, context, interview, name)
    last = await service.last_interviewer_line(interview) or "…"
    await send_markdown(
        message,
        last,
        header=t("interviews-where-we-left-off"),
        reply_markup=live_keyboard(t, interview, context.services.gateway.has_speech),
    )
    return ANSWERING
