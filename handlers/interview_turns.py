"""The mock interview in progress: the router that gives it every plain message, answers by
text or voice, the interviewer's streamed (and optionally spoken) lines, Retry after a failed
turn, the voice-replies switch, and ending it with /end, /cancel or the button.

An interview in progress is kept in the database, not in memory: `route` (group INTERVIEWS,
before MAIN's conversations and catch-alls) looks it up for every plain message, so the next
answer after a restart continues the same interview. Another flow wins only when the user went
there on purpose since the interview last spoke (a command or another feature's button sets
`user_data["interview_detour"]`) and that flow is waiting for this very message.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Audio, InlineKeyboardMarkup, Message, Update, User, Voice
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import ConversationHandler

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.rendering import escape
from bot.services import interviews as service
from bot.services.quotas import QuotaExceeded
from handlers import callbacks
from handlers.interview_common import (
    ALREADY_ENDED,
    DETOUR,
    FEATURE,
    HISTORY_FEATURE,
    INTERVIEWER,
    NOT_FOUND,
    Callback,
    button,
    button_press,
    final,
    is_active,
    live_keyboard,
    pressed_interview,
    user_data,
)
from handlers.interview_report import after_end
from handlers.limits import explain_limit
from handlers.replies import remove_keyboard, reply
from handlers.streaming import stream_reply
from handlers.voice import transcribe_voice
from models import Interview
from models.core import InterviewStatus
from models.interviews import InterviewMessage

log = logging.getLogger(__name__)

OWN_COMMANDS = frozenset({"interview", "interviews", "end", "cancel"})


# ----- the router ------------------------------------------------------------------------------


def _other_flow_takes(update: Update, context: CoachContext) -> bool:
    """True when another conversation is waiting for exactly this update."""
    for group in context.application.handlers.values():
        for handler in group:
            if isinstance(handler, ConversationHandler) and handler.check_update(update):
                return True
    return False


def _yields(update: Update, context: CoachContext) -> bool:
    return bool(user_data(context).get(DETOUR)) and _other_flow_takes(update, context)


def _command(message: Message) -> str | None:
    text = message.text or ""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""


async def route(update: Update, context: CoachContext) -> None:
    """Every update passes here first (group INTERVIEWS): answers go to the interview in
    progress, /end and /cancel end it; anything else just notes a detour and moves on."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != ChatType.PRIVATE:
        return
    if update.callback_query is not None:
        data = callbacks.parse(update.callback_query.data)
        if data is None or data.feature not in (FEATURE, HISTORY_FEATURE):
            await _note_detour(user.id, context)
        return
    message = update.message
    if message is None:
        return
    command = _command(message)
    if command is not None and command not in OWN_COMMANDS:
        await _note_detour(user.id, context)
        return
    if command in ("interview", "interviews") or _yields(update, context):
        return
    interview = await service.active_interview(user.id)
    if interview is None:
        return
    await final(_interview_message(message, user, interview, command))(update, context)


async def _note_detour(user_id: int, context: CoachContext) -> None:
    """Remember the user went elsewhere, only while an interview is in progress (so users who
    never interview keep no per-user state)."""
    if await service.active_interview(user_id) is not None:
        user_data(context)[DETOUR] = True


def _interview_message(
    message: Message, user: User, interview: Interview, command: str | None
) -> Callback:
    async def handle(update: Update, context: CoachContext) -> None:
        user_data(context).pop(DETOUR, None)
        if command in ("end", "cancel"):
            ended = await service.end_interview(user.id, interview.id)
            if ended is not None:
                await after_end(message, context, user, ended, announce=True)
        elif message.text or message.voice or message.audio:
            await _answer(message, context, user, interview)
        else:
            await reply(
                message,
                "🎤 You're in a mock interview: answer by text or voice, or send /end to finish.",
            )

    return handle


# ----- turns -----------------------------------------------------------------------------------


def _duration(media: Voice | Audio | None) -> int | None:
    """Seconds, read from the API data (the `duration` attribute is changing type in PTB)."""
    if media is None:
        return None
    seconds = media.to_dict().get("duration")
    return int(seconds) if isinstance(seconds, int | float) else None


async def _nothing_asked(message: Message, interview: Interview) -> None:
    await reply(
        message,
        "⚠️ The interviewer hasn't asked anything yet — press Retry, or send /end.",
        reply_markup=InlineKeyboardMarkup([[button("🔁 Retry", "retry", interview.id)]]),
    )


async def _answer(
    message: Message, context: CoachContext, user: User, interview: Interview
) -> None:
    if not await service.has_asked(interview):  # its opening failed: not an answer yet
        await _nothing_asked(message, interview)
        return
    recording = message.voice or message.audio
    if recording is not None:
        text = await transcribe_voice(message, context)
        if text is None:
            return
    else:
        text = (message.text or "").strip()
        if not text:
            return
    try:
        await service.save_answer(
            context.services.quotas,
            user.id,
            interview,
            text,
            sent_at=message.date,
            voice_seconds=_duration(recording),
        )
    except QuotaExceeded as exc:
        await explain_limit(message, exc)
        return
    except service.NothingAsked:
        await _nothing_asked(message, interview)
        return
    await interviewer_speaks(message, context, user, interview)


async def interviewer_speaks(
    message: Message, context: CoachContext, user: User, interview: Interview
) -> None:
    """Stream the interviewer's next line, store it, voice it if asked; close if it closed."""
    gateway = context.services.gateway
    turn = await service.interviewer_turn(gateway, interview, user.first_name, context.settings)
    keyboard = None if turn.closing else live_keyboard(interview, gateway.has_speech)
    try:
        sent = await stream_reply(
            message, context, turn.stream, header=INTERVIEWER, reply_markup=keyboard
        )
    except AIUnavailableError as exc:
        retry = InlineKeyboardMarkup([[button("🔁 Retry", "retry", interview.id)]])
        await reply(
            message,
            f"⚠️ The interviewer didn't answer: {escape(exc.user_message)}\nEverything so far "
            "is saved — press Retry, or send /end to finish and get your report.",
            reply_markup=retry,
        )
        return
    line = await service.save_interviewer_line(interview, turn.stream.text or "…")
    if interview.voice_replies and gateway.has_speech:
        await _speak(message, context, line)
    if turn.ends_interview:
        if keyboard is not None and sent:
            await remove_keyboard(sent[-1])
        ended = await service.end_interview(user.id, interview.id)
        if ended is not None:
            await after_end(message, context, user, ended, announce=False)


async def _speak(message: Message, context: CoachContext, line: InterviewMessage) -> None:
    """The interviewer's line as a voice note too; the text is already there if this fails."""
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(message.chat_id, ChatAction.RECORD_VOICE)
    try:
        audio = await context.services.gateway.speak(line.text)
        sent = await message.reply_voice(voice=audio, do_quote=False)
    except (AIUnavailableError, BadRequest) as exc:
        log.info("No voice reply: %s", exc)
        if isinstance(exc, AIUnavailableError):  # say so plainly; the text is already there
            await reply(message, escape(exc.user_message))
        return
    await service.set_interviewer_voice(line, _duration(sent.voice))


async def retry_turn(update: Update, context: CoachContext) -> None:
    pressed = await pressed_interview(update, usable=is_active, refusal=ALREADY_ENDED)
    if pressed is None:
        return
    if not await service.needs_interviewer(pressed.interview):
        await pressed.query.answer("The interviewer has already answered.")
        return
    await pressed.query.answer()
    await remove_keyboard(pressed.message)
    await interviewer_speaks(pressed.message, context, pressed.user, pressed.interview)


async def toggle_voice(update: Update, context: CoachContext) -> None:
    query, message, data, user = await button_press(update)
    interview = await service.set_voice_replies(user.id, data.arg(0), data.arg(1) == "1")
    if interview is None:
        await query.answer(ALREADY_ENDED)
        return
    await query.answer("🔊 Voice replies on" if interview.voice_replies else "🔈 Voice replies off")
    keyboard = live_keyboard(interview, context.services.gateway.has_speech)
    with contextlib.suppress(BadRequest):  # unchanged keyboard (pressed twice)
        await message.edit_reply_markup(reply_markup=keyboard)


# ----- ending ----------------------------------------------------------------------------------


async def end_command(update: Update, context: CoachContext) -> None:
    """/end when no interview is in progress (the router handles it when one is)."""
    assert update.effective_message is not None
    await reply(
        update.effective_message, "No mock interview is in progress. /interview starts one."
    )


async def end_button(update: Update, context: CoachContext) -> None:
    query, message, data, user = await button_press(update)
    ended = await service.end_interview(user.id, data.arg())
    if ended is None:
        await query.answer(NOT_FOUND)
        return
    if ended.interview is not None and ended.interview.status == InterviewStatus.COMPLETED:
        await query.answer("This interview has already ended.")
        return
    await query.answer()
    user_data(context).pop(DETOUR, None)
    await remove_keyboard(message)
    await after_end(message, context, user, ended, announce=True)
