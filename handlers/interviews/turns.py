"""The mock interview in progress: answers by text or voice (the flow's step), the
interviewer's streamed (and optionally spoken) lines, Retry after a failed turn, the
voice-replies switch, ending it with /end or the button, and /cancel, which asks before
discarding it.

/end and the buttons work whether or not the interview is the user's current flow (another
flow may have paused it): they are plain handlers, and they read the interview from the
database like the step does.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Audio, InlineKeyboardMarkup, Message, Update, Voice
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.services import interviews as service
from bot.services.answers import MAX_ANSWER_CHARS, cap_answer
from bot.services.quotas import QuotaExceeded
from handlers import start
from handlers.interviews.buttons import (
    DiscardInterview,
    EndInterview,
    KeepGoing,
    RetryTurn,
    VoiceReplies,
)
from handlers.interviews.common import (
    ANSWERING,
    first_name,
    interview_over,
    is_active,
    live_keyboard,
)
from handlers.interviews.report import after_end
from handlers.kit.buttons import Press
from handlers.kit.errors import ai_reason
from handlers.kit.flow import END, Step
from handlers.kit.limits import explain_limit
from handlers.kit.replies import remove_keyboard, reply, send_markdown
from handlers.kit.streaming import stream_reply
from handlers.kit.voice import transcribe_voice
from models import Interview
from models.core import InterviewStatus
from models.interviews import InterviewMessage

log = logging.getLogger(__name__)


# ----- the step: the user's messages -----------------------------------------------------------


async def on_message(update: Update, context: CoachContext) -> Step:
    """A message while the interview is the user's flow: an answer, if one is in progress."""
    message = update.effective_message
    assert message is not None
    interview = await service.active_interview(context.session.user_id)
    if interview is None:  # ended elsewhere (another device, a button, the time limit)
        await start.text_outside_flow(update, context)
        return END
    if message.text or message.voice or message.audio:
        return await _answer(message, context, interview, first_name(update))
    await reply(message, context.texts("interviews-answer-here"))
    return None


def _duration(media: Voice | Audio | None) -> int | None:
    """Seconds, read from the API data (the `duration` attribute is changing type in PTB)."""
    if media is None:
        return None
    seconds = media.to_dict().get("duration")
    return int(seconds) if isinstance(seconds, int | float) else None


def _retry_keyboard(context: CoachContext, interview: Interview) -> InlineKeyboardMarkup:
    label = context.texts.plain("interviews-button-retry")
    return InlineKeyboardMarkup([[RetryTurn(interview_id=interview.id).button(label)]])


async def _nothing_asked(message: Message, context: CoachContext, interview: Interview) -> None:
    await reply(
        message,
        context.texts("interviews-nothing-asked"),
        reply_markup=_retry_keyboard(context, interview),
    )


async def _answer(message: Message, context: CoachContext, interview: Interview, name: str) -> Step:
    if not await service.has_asked(interview):  # its opening failed: not an answer yet
        await _nothing_asked(message, context, interview)
        return None
    recording = message.voice or message.audio
    if recording is not None:
        text = await transcribe_voice(message, context)
        if text is None:
            return None
    else:
        text = (message.text or "").strip()
        if not text:
            return None
    text, cut = cap_answer(text)
    if cut:
        await reply(message, context.texts("kit-answer-cut", limit=MAX_ANSWER_CHARS))
    try:
        await service.save_answer(
            context.services.quotas,
            context.session.user_id,
            interview,
            text,
            sent_at=message.date,
            voice_seconds=_duration(recording),
        )
    except QuotaExceeded as exc:
        await explain_limit(message, context, exc)
        return None
    except service.NothingAsked:
        await _nothing_asked(message, context, interview)
        return None
    return await interviewer_speaks(message, context, interview, name)


# ----- the interviewer -------------------------------------------------------------------------


async def interviewer_speaks(
    message: Message, context: CoachContext, interview: Interview, name: str
) -> Step:
    """Stream the interviewer's next line, store it, voice it if asked; close if it closed.

    A failed line (the model erred, or said nothing) stores nothing and offers Retry."""
    gateway, t = context.services.gateway, context.texts
    turn = await service.interviewer_turn(
        gateway, interview, name, context.settings, language=t.language
    )
    keyboard = None if turn.closing else live_keyboard(t, interview, gateway.has_speech)
    try:
        sent = await stream_reply(
            message,
            context,
            turn.stream,
            header=t("interviews-interviewer"),
            reply_markup=keyboard,
        )
        line = await service.save_interviewer_line(interview, turn.stream.text)
    except AIUnavailableError as exc:
        await reply(
            message,
            t("interviews-turn-failed", reason=ai_reason(t, exc)),
            reply_markup=_retry_keyboard(context, interview),
        )
        return ANSWERING
    if interview.voice_replies and gateway.has_speech:
        await _speak(message, context, line)
    if not turn.ends_interview:
        return ANSWERING
    if keyboard is not None and sent:
        await remove_keyboard(sent[-1])
    ended = await service.end_interview(
        context.services.quotas, context.session.user_id, interview.id, closed_by_interviewer=True
    )
    if ended is not None:
        await after_end(message, context, ended, name, announce=False)
    return interview_over(context)


async def _speak(message: Message, context: CoachContext, line: InterviewMessage) -> None:
    """The interviewer's line as a voice note too; the text is already there if this fails."""
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(message.chat_id, ChatAction.RECORD_VOICE)
    try:
        audio = await context.services.gateway.speak(line.text)
        sent = await message.reply_voice(voice=audio, do_quote=False)
    except (AIUnavailableError, BadRequest) as exc:
        log.info("No voice reply: %s", type(exc).__name__)
        if isinstance(exc, AIUnavailableError):  # say so plainly; the text is already there
            await reply(
                message, context.texts("kit-ai-error", reason=ai_reason(context.texts, exc))
            )
        return
    await service.set_interviewer_voice(line, _duration(sent.voice))


# ----- buttons (plain handlers: they work from any flow) ---------------------------------------


async def retry_turn(update: Update, context: CoachContext, press: Press[RetryTurn]) -> None:
    interview: Interview = press.target
    t = context.texts
    if not is_active(interview):
        await press.answer(t.plain("interviews-already-ended"))
        return
    if not await service.needs_interviewer(interview):
        await press.answer(t.plain("interviews-already-answered"))
        return
    await press.answer()
    await remove_keyboard(press.message)
    await interviewer_speaks(press.message, context, interview, first_name(update))


async def toggle_voice(update: Update, context: CoachContext, press: Press[VoiceReplies]) -> None:
    t = context.texts
    interview = await service.set_voice_replies(
        press.user_id, press.data.interview_id, press.data.on
    )
    if interview is None:
        await press.answer(t.plain("interviews-already-ended"))
        return
    await press.answer(t.plain("interviews-voice-answer", on=interview.voice_replies))
    keyboard = live_keyboard(t, interview, context.services.gateway.has_speech)
    with contextlib.suppress(BadRequest):  # unchanged keyboard (pressed twice)
        await press.message.edit_reply_markup(reply_markup=keyboard)


async def end_button(update: Update, context: CoachContext, press: Press[EndInterview]) -> None:
    t = context.texts
    ended = await service.end_interview(
        context.services.quotas, press.user_id, press.data.interview_id
    )
    if ended is None:
        await press.answer(t.plain("interviews-not-found"))
        return
    if ended.interview is not None and ended.interview.status == InterviewStatus.COMPLETED:
        await press.answer(t.plain("interviews-has-ended"))
        return
    await press.answer()
    await remove_keyboard(press.message)
    if not ended.already:
        interview_over(context)
    await after_end(press.message, context, ended, first_name(update), announce=True)


# ----- /cancel: discard, after asking ---------------------------------------------------------


async def cancel_command(update: Update, context: CoachContext) -> Step:
    """/cancel in the interview: ask before discarding it (nothing is saved, it won't count)."""
    message = update.effective_message
    assert message is not None
    t = context.texts
    interview = await service.active_interview(context.session.user_id)
    if interview is None:
        await reply(message, t("interviews-none-in-progress"))
        return interview_over(context)
    keyboard = InlineKeyboardMarkup(
        [
            [
                DiscardInterview(interview_id=interview.id).button(
                    t.plain("interviews-button-discard")
                ),
                KeepGoing(interview_id=interview.id).button(t.plain("interviews-button-keep")),
            ]
        ]
    )
    await reply(message, t("interviews-discard-ask"), reply_markup=keyboard)
    return None


async def discard_button(
    update: Update, context: CoachContext, press: Press[DiscardInterview]
) -> None:
    t = context.texts
    await remove_keyboard(press.message)
    quotas = context.services.quotas
    if not await service.discard_interview(quotas, press.user_id, press.data.interview_id):
        await press.answer(t.plain("interviews-already-ended"))
        return
    await press.answer()
    interview_over(context)
    await reply(press.message, t("interviews-discarded"))


async def keep_going_button(update: Update, context: CoachContext, press: Press[KeepGoing]) -> None:
    interview: Interview = press.target
    t = context.texts
    await remove_keyboard(press.message)
    if not is_active(interview):
        await press.answer(t.plain("interviews-already-ended"))
        return
    await press.answer()
    last = await service.last_interviewer_line(interview) or "…"
    await send_markdown(
        press.message,
        last,
        header=t("interviews-where-we-left-off"),
        reply_markup=live_keyboard(t, interview, context.services.gateway.has_speech),
    )


# ----- /end ------------------------------------------------------------------------


async def end_command(update: Update, context: CoachContext) -> Step:
    """/end (anywhere): end the interview in progress; its report follows."""
    message = update.effective_message
    assert message is not None
    interview = await service.active_interview(context.session.user_id)
    ended = None
    if interview is not None:
        ended = await service.end_interview(
            context.services.quotas, context.session.user_id, interview.id
        )
    if ended is None:
        await reply(message, context.texts("interviews-none-in-progress"))
        return interview_over(context)
    interview_over(context)
    await after_end(message, context, ended, first_name(update), announce=True)
    return END
