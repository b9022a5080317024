"""What the mock interview handlers share: the flow's name and step, the live keyboard, and
how a handler ends or keeps the flow.

The interview in progress is a row in `interviews` (status `active`); the flow only says that
the user's messages go to it. So every handler reads the interview from the database, and a
handler outside the flow (/end, the buttons) that ends the interview ends the flow too.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import interviews as service
from handlers.interviews.buttons import EndInterview, VoiceReplies
from handlers.kit.flow import END, Step
from models import Interview
from models.core import InterviewStatus

FLOW = "interview"
ANSWERING = "answering"  # the interviewer asked; the user's text and voice are answers


def live_keyboard(t: Texts, interview: Interview, has_speech: bool) -> InlineKeyboardMarkup:
    row = [EndInterview(interview_id=interview.id).button(t.plain("interviews-button-end"))]
    if has_speech:
        on = interview.voice_replies
        label = t.plain("interviews-button-voice", on=on)
        row.append(VoiceReplies(interview_id=interview.id, on=not on).button(label))
    return InlineKeyboardMarkup([row])


def is_active(interview: Interview) -> bool:
    return interview.status == InterviewStatus.ACTIVE


async def current_step(context: CoachContext) -> Step:
    """ANSWERING while the user has an interview in progress, else the flow is over."""
    return ANSWERING if await service.active_interview(context.session.user_id) else END


def interview_over(context: CoachContext) -> Step:
    """The interview has ended: so has its flow, wherever this handler runs."""
    if context.session.flow == FLOW:
        context.session.clear()
    return END


def first_name(update: Update) -> str:
    """How the interviewer and the report address the user."""
    user = update.effective_user
    return user.first_name if user is not None else ""
