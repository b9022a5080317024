"""What the mock interview handlers share: callback names, the live keyboard, and the plumbing
of a button press (the message it belongs to, the user, and the interview it names, checked
against that user by the service)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.ext import ApplicationHandlerStop

from bot.context import CoachContext
from bot.services import interview_report as reports
from bot.services import interviews as service
from handlers import callbacks
from models import Interview
from models.core import InterviewStatus

FEATURE = "interview"
HISTORY_FEATURE = "interviews"  # the job picker of /interviews: `interviews:job:<id>`
DETOUR = "interview_detour"  # user_data: the user went to another feature since
NEXT_JOB = "interview_next_job"  # user_data: the job of "End it and start new"

INTERVIEWER = "🧑‍💼 <b>Interviewer</b>"
NOT_FOUND = "That interview wasn't found."
ALREADY_ENDED = "That interview has already ended."
JOB_NOT_FOUND = "That job wasn't found. /jobs lists yours."

Callback = Callable[[Update, CoachContext], Awaitable[None]]


def button(text: str, action: str, *args: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=callbacks.make(FEATURE, action, *args))


def live_keyboard(interview: Interview, has_speech: bool) -> InlineKeyboardMarkup:
    row = [button("⏹ End interview", "end", interview.id)]
    if has_speech:
        on = interview.voice_replies
        row.append(
            button(
                "🔊 Voice replies: on" if on else "🔈 Voice replies: off",
                "voice",
                interview.id,
                0 if on else 1,
            )
        )
    return InlineKeyboardMarkup([row])


def user_data(context: CoachContext) -> dict[str, object]:
    assert context.user_data is not None
    return context.user_data


def final(callback: Callback) -> Callback:
    """Run `callback` and stop later groups (also after an error, which is reported once)."""

    async def run(update: Update, context: CoachContext) -> None:
        try:
            await callback(update, context)
        except ApplicationHandlerStop:
            raise
        except Exception as exc:
            await context.application.process_error(update, exc)
        raise ApplicationHandlerStop

    return run


async def button_press(
    update: Update,
) -> tuple[CallbackQuery, Message, callbacks.CallbackData, User]:
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    data = callbacks.parse(query.data)
    assert data is not None  # the handler's pattern matched
    if not isinstance(query.message, Message):  # too old to reply to
        await query.answer("This message is too old — send /interview or /interviews.")
        raise ApplicationHandlerStop
    return query, query.message, data, update.effective_user


@dataclass(frozen=True, slots=True)
class Pressed:
    """A button naming one of the user's interviews; the query is not answered yet."""

    query: CallbackQuery
    message: Message
    user: User
    interview: Interview


def is_active(interview: Interview) -> bool:
    return interview.status == InterviewStatus.ACTIVE


def has_ended(interview: Interview) -> bool:
    return interview.status != InterviewStatus.ACTIVE


def has_report(interview: Interview) -> bool:
    return reports.has_report(interview)


async def pressed_interview(
    update: Update,
    *,
    usable: Callable[[Interview], bool] | None = None,
    refusal: str = NOT_FOUND,
) -> Pressed | None:
    """The user's interview named by the pressed button, or None after answering `refusal`
    (not theirs, no such interview, or not `usable` for this button)."""
    query, message, data, user = await button_press(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None or (usable is not None and not usable(interview)):
        await query.answer(refusal)
        return None
    return Pressed(query, message, user, interview)
