"""/practice: AI questions by difficulty for a job, answered by text or voice, rated 1-10.

States: CHOOSING (difficulty / next question / Try again / Done buttons) and ANSWERING (a text
or voice answer is expected). user_data["practice"] keeps ids only: the job, the question, a
pending answer after a failed grading, and `offer`, a one-time token carried by the buttons that
start work (difficulty, Retry). Pressing such a button consumes the token, so a second press of
the same keyboard is a no-op rather than a second question.
"""

from __future__ import annotations

import contextlib
import secrets
import uuid
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.ai.errors import AIUnavailableError
from bot.ai.schemas import Difficulty
from bot.context import CoachContext
from bot.rendering import escape, plain_text
from bot.services import practice
from bot.services.jobs import get_job
from bot.services.quotas import QuotaExceeded
from handlers import callbacks
from handlers.limits import explain_limit
from handlers.picker import choose_job
from handlers.replies import OFFLINE_NOTICE, reply, send_markdown
from handlers.streaming import stream_reply, typing
from handlers.voice import transcribe_voice

FEATURE = "practice"
# States are ints: the database persistence stores them as JSON values.
CHOOSING, ANSWERING = range(2)
END = ConversationHandler.END

State = int | None

LABELS: dict[Difficulty, str] = {"easy": "Easy", "medium": "Medium", "hard": "Hard"}
ANSWER_HINT = "<i>Answer with a text or a voice message · /cancel to stop</i>"
USED_BUTTON = "Already on it — that button was used."


# ----- user_data --------------------------------------------------------------------------


def _data(context: CoachContext) -> dict[str, Any]:
    assert context.user_data is not None
    data: dict[str, Any] = context.user_data.setdefault(FEATURE, {})
    return data


def _reset(context: CoachContext, **values: str | None) -> dict[str, Any]:
    assert context.user_data is not None
    context.user_data[FEATURE] = dict(values)
    return _data(context)


def _end(context: CoachContext) -> int:
    assert context.user_data is not None
    context.user_data.pop(FEATURE, None)
    return END


def _new_offer(data: dict[str, Any]) -> str:
    data["offer"] = secrets.token_hex(4)
    return str(data["offer"])


def _take_offer(data: dict[str, Any], offer: str | None) -> bool:
    """True once per offer: the first press of a keyboard's work button."""
    if not offer or offer != data.get("offer"):
        return False
    data["offer"] = None
    return True


# ----- keyboards ---------------------------------------------------------------------------


def _difficulty_row(offer: str) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(label, callback_data=callbacks.make(FEATURE, "diff", level, offer))
        for level, label in LABELS.items()
    ]


def _start_keyboard(job_id: object, offer: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            _difficulty_row(offer),
            [
                InlineKeyboardButton(
                    "📜 Past questions", callback_data=callbacks.make(FEATURE, "list", job_id)
                )
            ],
        ]
    )


def _next_keyboard(question_id: object, job_id: object, offer: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            _difficulty_row(offer),
            [
                InlineKeyboardButton(
                    "🔁 Try again", callback_data=callbacks.make(FEATURE, "q", question_id)
                ),
                InlineKeyboardButton(
                    "📜 Past questions", callback_data=callbacks.make(FEATURE, "list", job_id)
                ),
            ],
            [InlineKeyboardButton("✅ Done", callback_data=callbacks.make(FEATURE, "done"))],
        ]
    )


def _retry_keyboard(data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("🔁 Retry", callback_data=data)]])


def _rating_bar(rating: int) -> str:
    return "🟩" * rating + "⬜" * (10 - rating)


def _short(text: str, size: int) -> str:
    text = " ".join(plain_text(text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


# ----- helpers -----------------------------------------------------------------------------


async def _query_message(update: Update) -> tuple[CallbackQuery, Message | None]:
    """The callback query and the chat message it came from (None when too old to use)."""
    query = update.callback_query
    assert query is not None
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        await query.answer("This button is too old. Send /practice to start again.")
    return query, message


async def _drop_keyboard(query: CallbackQuery) -> None:
    """Remove the buttons of a used keyboard (best effort)."""
    message = query.message
    if isinstance(message, Message) and message.reply_markup is not None:
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)


def _user_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def _offer_difficulties(
    message: Message, context: CoachContext, job_id: uuid.UUID, job_name: str
) -> State:
    data = _reset(context, job_id=str(job_id))
    offer = _new_offer(data)
    await reply(
        message,
        f"🎯 Practice for <b>{escape(job_name)}</b>. Choose a difficulty:",
        reply_markup=_start_keyboard(job_id, offer),
    )
    return CHOOSING


# ----- entry points ------------------------------------------------------------------------


async def start_command(update: Update, context: CoachContext) -> State:
    """/practice (also mid-question: starts over with a new question)."""
    message = update.effective_message
    assert message is not None
    _end(context)
    job = await choose_job(
        message, _user_id(update), FEATURE, "Which job do you want to practise for?"
    )
    if job is None:
        return END
    return await _offer_difficulties(message, context, job.id, job.name)


async def pick_job(update: Update, context: CoachContext) -> State:
    """`practice:job:<id>` from the job picker or a job card."""
    query, message = await _query_message(update)
    if message is None:
        return None
    parsed = callbacks.parse(query.data)
    job = await get_job(_user_id(update), parsed.arg() if parsed else None)
    if job is None:
        await query.answer("That job wasn't found.", show_alert=True)
        return None
    await query.answer()
    return await _offer_difficulties(message, context, job.id, job.name)


async def open_question(update: Update, context: CoachContext) -> State:
    """`practice:q:<id>`: answer a past question (again)."""
    query, message = await _query_message(update)
    if message is None:
        return None
    parsed = callbacks.parse(query.data)
    question = await practice.get_question(_user_id(update), parsed.arg() if parsed else None)
    if question is None:
        await query.answer("That question wasn't found.", show_alert=True)
        return None
    await query.answer()
    _reset(context, job_id=str(question.job_info_id), question_id=str(question.id))
    best = await practice.best_rating(question.id)
    level = LABELS.get(practice.parse_difficulty(str(question.difficulty)) or "medium", "")
    lines = [f"🔁 <b>Answer again</b> · {level} · {escape(question.job_info.name)}"]
    if best is not None:
        lines.append(f"Best so far: <b>{best}/10</b>")
    lines.append(ANSWER_HINT)
    await send_markdown(message, question.text, header="\n".join(lines))
    return ANSWERING


async def list_questions(update: Update, context: CoachContext) -> State:
    """`practice:list:<job_id>`: the job's past questions with their best rating."""
    query, message = await _query_message(update)
    if message is None:
        return None
    parsed = callbacks.parse(query.data)
    past = await practice.past_questions(_user_id(update), parsed.arg() if parsed else None)
    if past is None:
        await query.answer("That job wasn't found.", show_alert=True)
        return None
    await query.answer()
    practise = InlineKeyboardButton(
        "🎯 New question", callback_data=callbacks.make(FEATURE, "job", past.job.id)
    )
    if not past.questions:
        await reply(
            message,
            f"No practice questions for <b>{escape(past.job.name)}</b> yet.",
            reply_markup=InlineKeyboardMarkup([[practise]]),
        )
        return None
    lines = [f"📜 <b>Past questions</b> · {escape(past.job.name)}", ""]
    buttons = []
    for number, item in enumerate(past.questions, 1):
        best = f"best {item.best}/10" if item.best is not None else "not answered yet"
        lines.append(f"{number}. {escape(_short(item.text, 160))}")
        lines.append(f"    <i>{LABELS[item.difficulty]} · {best}</i>")
        score = f"{item.best}/10" if item.best is not None else "–"
        buttons.append(
            [
                InlineKeyboardButton(
                    f"{number}. {score} · {_short(item.text, 40)}",
                    callback_data=callbacks.make(FEATURE, "q", item.id),
                )
            ]
        )
    if past.more:
        lines += ["", f"<i>The {len(past.questions)} newest are shown.</i>"]
    lines += ["", "Tap one to answer it again."]
    buttons.append([practise])
    await reply(message, "\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))
    return None


# ----- in the flow -------------------------------------------------------------------------


async def choose_difficulty(update: Update, context: CoachContext) -> State:
    """`practice:diff:<level>:<offer>`: generate a question (also the Retry after a failure)."""
    query, message = await _query_message(update)
    if message is None:
        return None
    parsed = callbacks.parse(query.data)
    level = practice.parse_difficulty(parsed.arg(0) if parsed else None)
    if level is None or not _take_offer(_data(context), parsed.arg(1) if parsed else None):
        await query.answer(USED_BUTTON)
        return None
    await query.answer()
    await _drop_keyboard(query)
    return await _new_question(message, context, _user_id(update), level)


async def _new_question(
    message: Message, context: CoachContext, user_id: int, level: Difficulty
) -> State:
    data = _data(context)
    setup = await practice.question_setup(user_id, data.get("job_id"))
    if setup is None:
        await reply(message, "That job no longer exists. Send /practice to pick another.")
        return _end(context)
    header = f"❓ <b>{LABELS[level]} question</b> · {escape(setup.job.name)}\n{ANSWER_HINT}"
    try:
        async with context.services.quotas.spend(user_id, "question"):
            stream = practice.question_stream(context.services.gateway, setup, level)
            await stream_reply(message, context, stream, header=header)
            question = await practice.save_question(setup, level, stream.text)
    except QuotaExceeded as exc:
        await explain_limit(message, exc)
        return _end(context)
    except AIUnavailableError as exc:
        offer = _new_offer(data)
        await reply(
            message,
            f"⚠️ I couldn't get a question: {escape(exc.user_message)}\n"
            "Nothing was saved or counted. Press Retry to try again.",
            reply_markup=_retry_keyboard(callbacks.make(FEATURE, "diff", level, offer)),
        )
        return CHOOSING
    data.update(question_id=str(question.id), answer=None)
    return ANSWERING


async def answer_text(update: Update, context: CoachContext) -> State:
    message = update.effective_message
    assert message is not None and message.text is not None
    return await _grade(message, context, _user_id(update), message.text.strip())


async def answer_voice(update: Update, context: CoachContext) -> State:
    message = update.effective_message
    assert message is not None
    text = await transcribe_voice(message, context)
    if text is None:
        return None  # the user was told why; still waiting for an answer
    return await _grade(message, context, _user_id(update), text)


async def answer_other(update: Update, context: CoachContext) -> State:
    assert update.effective_message is not None
    await reply(update.effective_message, "Please answer with a text or a voice message.")
    return None


async def retry_grade(update: Update, context: CoachContext) -> State:
    """`practice:grade:<offer>`: grade the kept answer again after a failure."""
    query, message = await _query_message(update)
    if message is None:
        return None
    parsed = callbacks.parse(query.data)
    data = _data(context)
    answer = data.get("answer")
    if not isinstance(answer, str) or not _take_offer(data, parsed.arg() if parsed else None):
        await query.answer(USED_BUTTON)
        return None
    await query.answer()
    await _drop_keyboard(query)
    return await _grade(message, context, _user_id(update), answer)


async def _grade(message: Message, context: CoachContext, user_id: int, text: str) -> State:
    data = _data(context)
    gateway = context.services.gateway
    try:
        async with typing(context, message.chat_id):
            graded = await practice.grade_answer(gateway, user_id, data.get("question_id"), text)
    except AIUnavailableError as exc:
        data["answer"] = text
        offer = _new_offer(data)
        await reply(
            message,
            f"⚠️ I couldn't grade your answer: {escape(exc.user_message)}\n"
            "Your answer is kept — press Retry to have it graded, or send a new one.",
            reply_markup=_retry_keyboard(callbacks.make(FEATURE, "grade", offer)),
        )
        return ANSWERING
    if graded is None:
        await reply(message, "That question no longer exists. Send /practice for a new one.")
        return _end(context)
    data["answer"] = None
    offer = _new_offer(data)
    rating = graded.result.rating
    header = f"<b>Rating: {rating}/10</b>\n{_rating_bar(rating)}\n\n<b>Feedback</b>"
    if gateway.offline:
        header = f"{OFFLINE_NOTICE}\n\n{header}"
    await send_markdown(message, graded.result.feedback, header=header)
    await send_markdown(
        message,
        graded.result.model_answer,
        header="✅ <b>Correct answer</b>",
        reply_markup=_next_keyboard(graded.question.id, graded.question.job_info_id, offer),
    )
    return CHOOSING


async def remind_choose(update: Update, context: CoachContext) -> State:
    assert update.effective_message is not None
    await reply(
        update.effective_message,
        "Choose <b>Easy</b>, <b>Medium</b> or <b>Hard</b> above for the next question, "
        "<b>Try again</b> or <b>Done</b> — or /cancel.",
    )
    return None


async def done(update: Update, context: CoachContext) -> State:
    query, message = await _query_message(update)
    if message is None:
        return None
    await query.answer()
    await _drop_keyboard(query)
    await reply(message, "✅ Practice finished. Send /practice any time for more questions.")
    return _end(context)


async def cancel(update: Update, context: CoachContext) -> State:
    assert update.effective_message is not None
    await reply(update.effective_message, "Practice stopped. Send /practice to start again.")
    return _end(context)


# ----- registration ------------------------------------------------------------------------


def conversation() -> ConversationHandler:
    in_flow = [
        CallbackQueryHandler(choose_difficulty, pattern=callbacks.pattern(FEATURE, "diff")),
        CallbackQueryHandler(retry_grade, pattern=callbacks.pattern(FEATURE, "grade")),
        CallbackQueryHandler(done, pattern=callbacks.pattern(FEATURE, "done")),
    ]
    new = filters.UpdateType.MESSAGE  # an edited answer is not a second answer
    text = new & filters.TEXT & ~filters.COMMAND
    voice = new & (filters.VOICE | filters.AUDIO)
    return ConversationHandler(
        entry_points=[
            CommandHandler("practice", start_command),
            CallbackQueryHandler(pick_job, pattern=callbacks.pattern(FEATURE, "job")),
            CallbackQueryHandler(open_question, pattern=callbacks.pattern(FEATURE, "q")),
            CallbackQueryHandler(list_questions, pattern=callbacks.pattern(FEATURE, "list")),
        ],
        states={
            CHOOSING: [*in_flow, MessageHandler(text | voice, remind_choose)],
            ANSWERING: [
                *in_flow,
                MessageHandler(text, answer_text),
                MessageHandler(voice, answer_voice),
                MessageHandler(new & ~filters.COMMAND & ~filters.StatusUpdate.ALL, answer_other),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
        allow_reentry=True,
        persistent=True,
        name=FEATURE,
    )
