"""Mock interviews: /interview, answers by text or voice, /end, the report, /interviews.

An interview in progress is kept in the database, not in memory: `route` (group INTERVIEWS,
before MAIN's conversations and catch-alls) looks it up for every plain message, so the next
answer after a restart continues the same interview. Another flow wins only when the user went
there on purpose since the interview last spoke (a command or another feature's button sets
`user_data["interview_detour"]`) and that flow is waiting for this very message.

Buttons are handled in the same early group, so a stale step of another flow can't swallow
them; every id in them is checked against the user by the service.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from telegram import (
    Audio,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
    Voice,
)
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    TypeHandler,
)

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.rendering import escape, plain_text
from bot.services import interviews as service
from bot.services.interviews import InterviewInProgress
from bot.services.quotas import QuotaExceeded
from bot.services.report_pdf import report_pdf
from handlers import callbacks
from handlers.limits import explain_limit
from handlers.picker import choose_job, job_label
from handlers.replies import OFFLINE_NOTICE, reply, send_markdown
from handlers.streaming import stream_reply, typing
from handlers.voice import transcribe_voice
from models import Interview
from models.core import InterviewStatus
from models.interviews import InterviewMessage, MessageRole

log = logging.getLogger(__name__)

FEATURE = "interview"
HISTORY_FEATURE = "interviews"  # the job picker of /interviews: `interviews:job:<id>`
DETOUR = "interview_detour"  # user_data: the user went to another feature since
NEXT_JOB = "interview_next_job"  # user_data: the job of "End it and start new"
OWN_COMMANDS = frozenset({"interview", "interviews", "end", "cancel"})

INTERVIEWER = "🧑‍💼 <b>Interviewer</b>"
NOT_FOUND = "That interview wasn't found."
TRANSCRIPT_PART = 3500  # characters of HTML per transcript message
TRANSCRIPT_LINE = 1500  # longer lines are split over several blocks

Callback = Callable[[Update, CoachContext], Awaitable[None]]


# ----- keyboards -------------------------------------------------------------------------------


def _button(text: str, action: str, *args: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=callbacks.make(FEATURE, action, *args))


def live_keyboard(interview: Interview, has_speech: bool) -> InlineKeyboardMarkup:
    row = [_button("⏹ End interview", "end", interview.id)]
    if has_speech:
        on = interview.voice_replies
        row.append(
            _button(
                "🔊 Voice replies: on" if on else "🔈 Voice replies: off",
                "voice",
                interview.id,
                0 if on else 1,
            )
        )
    return InlineKeyboardMarkup([row])


def report_keyboard(interview: Interview) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button("⬇️ Markdown", "md", interview.id),
                _button("⬇️ PDF", "pdf", interview.id),
            ],
            [
                _button("📜 Transcript", "tx", interview.id),
                _button("🗂 All interviews", "list", interview.job_info_id),  # type: ignore[attr-defined]
            ],
        ]
    )


def _retry_report_keyboard(interview_id: object) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button("🔁 Retry report", "report", interview_id),
                _button("📜 Transcript", "tx", interview_id),
            ]
        ]
    )


# ----- plumbing --------------------------------------------------------------------------------


def _user_data(context: CoachContext) -> dict[str, object]:
    assert context.user_data is not None
    return context.user_data


def _other_flow_takes(update: Update, context: CoachContext) -> bool:
    """True when another conversation is waiting for exactly this update."""
    for group in context.application.handlers.values():
        for handler in group:
            if isinstance(handler, ConversationHandler) and handler.check_update(update):
                return True
    return False


def _yields(update: Update, context: CoachContext) -> bool:
    return bool(_user_data(context).get(DETOUR)) and _other_flow_takes(update, context)


def _duration(media: Voice | Audio | None) -> int | None:
    """Seconds, read from the API data (the `duration` attribute is changing type in PTB)."""
    if media is None:
        return None
    seconds = media.to_dict().get("duration")
    return int(seconds) if isinstance(seconds, int | float) else None


def _command(message: Message) -> str | None:
    text = message.text or ""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""


def _final(callback: Callback) -> Callback:
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


async def _query(update: Update) -> tuple[CallbackQuery, Message, callbacks.CallbackData, User]:
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    data = callbacks.parse(query.data)
    assert data is not None  # the handler's pattern matched
    if not isinstance(query.message, Message):  # too old to reply to
        await query.answer("This message is too old — send /interview or /interviews.")
        raise ApplicationHandlerStop
    return query, query.message, data, update.effective_user


# ----- starting --------------------------------------------------------------------------------


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
    job = await choose_job(message, user.id, FEATURE, "Which job is this mock interview for?")
    if job is not None:
        await _begin(message, context, user, str(job.id))


async def pick_job(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    await query.answer()
    await _begin(message, context, user, data.arg() or "")


async def _begin(message: Message, context: CoachContext, user: User, job_id: str) -> None:
    try:
        interview = await service.start_interview(context.services.quotas, user.id, job_id)
    except InterviewInProgress as exc:
        await _offer_replace(message, context, exc.interview, job_id)
        return
    except QuotaExceeded as exc:
        await explain_limit(message, exc)
        return
    if interview is None:
        await reply(message, "That job wasn't found. /jobs lists yours.")
        return
    _user_data(context).pop(DETOUR, None)
    gateway, settings = context.services.gateway, context.settings
    text = intro(
        job_label(interview.job_info),
        settings.interview_max_questions,
        settings.interview_time_limit_minutes,
        gateway.has_speech,
    )
    await reply(message, text + (f"\n\n{OFFLINE_NOTICE}" if gateway.offline else ""))
    await _interviewer_speaks(message, context, user, interview)


async def _offer_replace(
    message: Message, context: CoachContext, current: Interview, job_id: str
) -> None:
    _user_data(context)[NEXT_JOB] = job_id
    keyboard = InlineKeyboardMarkup(
        [
            [_button("⏹ End it and start new", "replace", current.id)],
            [_button("▶️ Continue current", "continue", current.id)],
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
    query, message, data, user = await _query(update)
    job_id = _user_data(context).pop(NEXT_JOB, None)
    if not isinstance(job_id, str):
        await query.answer("That choice has expired — send /interview again.")
        return
    ended = await service.end_interview(user.id, data.arg())
    if ended is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    await _remove_keyboard(message)
    if not ended.already:
        await _after_end(message, context, user, ended, announce=True)
    await _begin(message, context, user, job_id)


async def continue_current(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None or interview.status != InterviewStatus.ACTIVE:
        await query.answer("That interview has already ended.")
        return
    await query.answer()
    await _remove_keyboard(message)
    _user_data(context).pop(DETOUR, None)
    _user_data(context).pop(NEXT_JOB, None)
    if await service.needs_interviewer(interview):
        await _interviewer_speaks(message, context, user, interview)
        return
    last = await service.last_interviewer_line(interview) or "…"
    await send_markdown(
        message,
        last,
        header=f"{INTERVIEWER} <i>(where we left off)</i>",
        reply_markup=live_keyboard(interview, context.services.gateway.has_speech),
    )


# ----- the conversation ------------------------------------------------------------------------


async def _interviewer_speaks(
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
        retry = InlineKeyboardMarkup([[_button("🔁 Retry", "retry", interview.id)]])
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
            await _remove_keyboard(sent[-1])
        ended = await service.end_interview(user.id, interview.id)
        if ended is not None:
            await _after_end(message, context, user, ended, announce=False)


async def _speak(message: Message, context: CoachContext, line: InterviewMessage) -> None:
    """The interviewer's line as a voice note too; the text is already there if this fails."""
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(message.chat_id, ChatAction.RECORD_VOICE)
    try:
        audio = await context.services.gateway.speak(line.text)
        sent = await message.reply_voice(voice=audio, do_quote=False)
    except (AIUnavailableError, BadRequest) as exc:
        log.info("No voice reply: %s", exc)
        return
    await service.set_interviewer_voice(line, _duration(sent.voice))


async def route(update: Update, context: CoachContext) -> None:
    """Every update passes here first (group INTERVIEWS): answers go to the interview in
    progress, /end and /cancel end it; anything else just notes a detour and moves on."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != ChatType.PRIVATE:
        return
    if update.callback_query is not None:
        data = callbacks.parse(update.callback_query.data)
        if data is None or data.feature not in (FEATURE, HISTORY_FEATURE):
            _user_data(context)[DETOUR] = True
        return
    message = update.message
    if message is None:
        return
    command = _command(message)
    if command is not None and command not in OWN_COMMANDS:
        _user_data(context)[DETOUR] = True
        return
    if command in ("interview", "interviews") or _yields(update, context):
        return
    interview = await service.active_interview(user.id)
    if interview is None:
        return
    await _final(_interview_message(message, user, interview, command))(update, context)


def _interview_message(
    message: Message, user: User, interview: Interview, command: str | None
) -> Callback:
    async def handle(update: Update, context: CoachContext) -> None:
        _user_data(context).pop(DETOUR, None)
        if command in ("end", "cancel"):
            ended = await service.end_interview(user.id, interview.id)
            if ended is not None:
                await _after_end(message, context, user, ended, announce=True)
        elif message.text or message.voice or message.audio:
            await _answer(message, context, user, interview)
        else:
            await reply(
                message,
                "🎤 You're in a mock interview: answer by text or voice, or send /end to finish.",
            )

    return handle


async def _answer(
    message: Message, context: CoachContext, user: User, interview: Interview
) -> None:
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
    await _interviewer_speaks(message, context, user, interview)


async def retry_turn(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None or interview.status != InterviewStatus.ACTIVE:
        await query.answer("That interview has already ended.")
        return
    if not await service.needs_interviewer(interview):
        await query.answer("The interviewer has already answered.")
        return
    await query.answer()
    await _remove_keyboard(message)
    await _interviewer_speaks(message, context, user, interview)


async def toggle_voice(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.set_voice_replies(user.id, data.arg(0), data.arg(1) == "1")
    if interview is None:
        await query.answer("That interview has already ended.")
        return
    await query.answer("🔊 Voice replies on" if interview.voice_replies else "🔈 Voice replies off")
    keyboard = live_keyboard(interview, context.services.gateway.has_speech)
    with contextlib.suppress(BadRequest):  # unchanged keyboard (pressed twice)
        await message.edit_reply_markup(reply_markup=keyboard)


# ----- ending and the report -------------------------------------------------------------------


async def end_command(update: Update, context: CoachContext) -> None:
    """/end when no interview is in progress (the router handles it when one is)."""
    assert update.effective_message is not None
    await reply(
        update.effective_message, "No mock interview is in progress. /interview starts one."
    )


async def end_button(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    ended = await service.end_interview(user.id, data.arg())
    if ended is None:
        await query.answer(NOT_FOUND)
        return
    if ended.interview is not None and ended.interview.status == InterviewStatus.COMPLETED:
        await query.answer("This interview has already ended.")
        return
    await query.answer()
    _user_data(context).pop(DETOUR, None)
    await _remove_keyboard(message)
    await _after_end(message, context, user, ended, announce=True)


async def _after_end(
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
        await reply(
            message,
            f"⏹ Interview ended after {ended.interview.duration}. Writing your report…",
        )
    await _send_report(message, context, user, ended.interview.id)


async def _send_report(
    message: Message, context: CoachContext, user: User, interview_id: object
) -> None:
    try:
        async with typing(context, message.chat_id):
            interview = await service.write_report(
                context.services.gateway, user.id, str(interview_id), user.first_name
            )
    except AIUnavailableError as exc:
        await reply(
            message,
            f"⚠️ I couldn't write your report: {escape(exc.user_message)}\nThe interview is "
            "saved — press Retry report to try again.",
            reply_markup=_retry_report_keyboard(interview_id),
        )
        return
    if interview is None or not interview.feedback:
        await reply(message, NOT_FOUND)
        return
    await send_markdown(message, interview.feedback, reply_markup=report_keyboard(interview))


async def retry_report(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None or interview.status == InterviewStatus.ACTIVE:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    await _remove_keyboard(message)
    await _send_report(message, context, user, interview.id)


# ----- history ---------------------------------------------------------------------------------


async def interviews_command(update: Update, context: CoachContext) -> None:
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    job = await choose_job(
        message, user.id, HISTORY_FEATURE, "Which job's mock interviews do you want to see?"
    )
    if job is not None:
        await _show_history(message, user.id, str(job.id))


async def list_button(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
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
        await reply(message, "That job wasn't found. /jobs lists yours.")
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
    keyboard = [[_button(_history_label(item), "open", item.id)] for item in found.items]
    await reply(
        message,
        f"{title}\n\nDate · duration · overall rating{more}. Tap one to open it.",
        reply_markup=InlineKeyboardMarkup(keyboard),
    )


async def open_interview(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    if interview.status == InterviewStatus.COMPLETED and interview.feedback:
        await send_markdown(message, interview.feedback, reply_markup=report_keyboard(interview))
    elif interview.status == InterviewStatus.ACTIVE:
        await reply(
            message,
            "🎤 This interview is still in progress: answer the last question, or end it.",
            reply_markup=InlineKeyboardMarkup(
                [
                    [
                        _button("⏹ End interview", "end", interview.id),
                        _button("📜 Transcript", "tx", interview.id),
                    ]
                ]
            ),
        )
    else:
        await reply(
            message,
            "This interview has no report yet.",
            reply_markup=_retry_report_keyboard(interview.id),
        )


async def show_transcript(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    lines = await service.messages(interview)
    header = f"📜 <b>Transcript</b> — {escape(service.report_meta(interview, interview.job_info))}"
    for part in transcript_parts(header, lines):
        await reply(message, part)


def transcript_parts(header: str, lines: list[InterviewMessage]) -> list[str]:
    blocks = [header]
    for line in lines:
        if line.role == MessageRole.INTERVIEWER:
            who = "🧑‍💼 <b>Interviewer</b>"
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


async def download_markdown(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None or not interview.feedback:
        await query.answer(NOT_FOUND)
        return
    await query.answer()
    await message.reply_document(
        document=interview.feedback.encode("utf-8"),
        filename=_file_name(interview, "md"),
        caption="📝 Your interview report (Markdown)",
        do_quote=False,
    )


async def download_pdf(update: Update, context: CoachContext) -> None:
    query, message, data, user = await _query(update)
    interview = await service.get_interview(user.id, data.arg())
    if interview is None or not interview.feedback:
        await query.answer(NOT_FOUND)
        return
    report = service.stored_report(interview)
    if report is None:  # an older report kept as text only
        await query.answer("There's no PDF of this report — download the Markdown instead.")
        return
    await query.answer()
    job = interview.job_info
    title, meta = service.report_title(job), service.report_meta(interview, job)
    pdf = await asyncio.to_thread(report_pdf, title, meta, report)
    await message.reply_document(
        document=pdf,
        filename=_file_name(interview, "pdf"),
        caption="📄 Your interview report (PDF)",
        do_quote=False,
    )


def _file_name(interview: Interview, extension: str) -> str:
    date = (interview.started_at or interview.created_at).strftime("%Y-%m-%d")
    return f"interview-report-{date}.{extension}"


async def _remove_keyboard(message: Message) -> None:
    if message.reply_markup is None:
        return
    with contextlib.suppress(TelegramError):
        await message.edit_reply_markup(reply_markup=None)


# ----- registration ----------------------------------------------------------------------------


def early_handlers() -> list[BaseHandler]:
    """For their own group before MAIN: the router, then this feature's buttons (a stale step
    of another flow must not swallow them)."""
    buttons: list[tuple[str, str, Callback]] = [
        (FEATURE, "job", pick_job),
        (FEATURE, "replace", replace_current),
        (FEATURE, "continue", continue_current),
        (FEATURE, "retry", retry_turn),
        (FEATURE, "voice", toggle_voice),
        (FEATURE, "end", end_button),
        (FEATURE, "report", retry_report),
        (FEATURE, "list", list_button),
        (HISTORY_FEATURE, "job", list_button),
        (FEATURE, "open", open_interview),
        (FEATURE, "tx", show_transcript),
        (FEATURE, "md", download_markdown),
        (FEATURE, "pdf", download_pdf),
    ]
    return [
        *(
            CallbackQueryHandler(_final(callback), pattern=callbacks.pattern(feature, action))
            for feature, action, callback in buttons
        ),
        TypeHandler(Update, route),
    ]


def command_handlers() -> list[BaseHandler]:
    return [
        CommandHandler("interview", interview_command),
        CommandHandler("interviews", interviews_command),
        CommandHandler("end", end_command),
    ]
