"""/practice: AI questions by difficulty for a job, answered by text or voice, rated 1-10.

States: CHOOSING (difficulty / next question / Try again / Done buttons) and ANSWERING (a text
or voice answer is expected). This module holds the question/answer loop and the
conversation; `handlers.practice_past` the past questions, `handlers.practice_flow` the states,
user_data (with the one-time offers of work buttons) and the steps of a button press.
"""

from __future__ import annotations

import uuid
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
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
from bot.i18n import texts
from bot.rendering import escape
from bot.services import practice
from bot.services.jobs import get_job
from bot.services.quotas import QuotaExceeded
from bot.settings import CONVERSATION_TIMEOUT
from handlers import callbacks
from handlers.kit.limits import explain_limit
from handlers.kit.picker import choose_job
from handlers.kit.replies import remove_keyboard, reply, send_markdown
from handlers.kit.streaming import stream_reply, typing
from handlers.kit.voice import transcribe_voice
from handlers.practice_flow import (
    ANSWERING,
    CHOOSING,
    END,
    FEATURE,
    LABELS,
    State,
    answer_hint,
    claim,
    end,
    flow_data,
    new_offer,
    owned,
    press,
    reset,
    user_of,
)
from handlers.practice_past import list_questions, open_question, past_button

# ----- keyboards ---------------------------------------------------------------------------


def _difficulty_row(offer: str) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(label, callback_data=callbacks.make(FEATURE, "diff", level, offer))
        for level, label in LABELS.items()
    ]


def _start_keyboard(job_id: object, offer: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([_difficulty_row(offer), [past_button(job_id)]])


def _next_keyboard(question_id: object, job_id: object, offer: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            _difficulty_row(offer),
            [
                InlineKeyboardButton(
                    "🔁 Try again", callback_data=callbacks.make(FEATURE, "q", question_id)
                ),
                past_button(job_id),
            ],
            [InlineKeyboardButton("✅ Done", callback_data=callbacks.make(FEATURE, "done"))],
        ]
    )


def _rating_bar(rating: int) -> str:
    return "🟩" * rating + "⬜" * (10 - rating)


async def _offer_retry(
    message: Message, data: dict[str, Any], html: str, action: str, *args: object
) -> None:
    """Say what failed, with a Retry button (`practice:<action>:<args>:<offer>`) carrying a
    fresh one-time offer."""
    offer = new_offer(data)
    retry = callbacks.make(FEATURE, action, *args, offer)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("🔁 Retry", callback_data=retry)]])
    await reply(message, html, reply_markup=keyboard)


# ----- entry points ------------------------------------------------------------------------


async def _offer_difficulties(
    message: Message, context: CoachContext, job_id: uuid.UUID, job_name: str
) -> State:
    data = reset(context, job_id=str(job_id))
    offer = new_offer(data)
    await reply(
        message,
        f"🎯 Practice for <b>{escape(job_name)}</b>. Choose a difficulty:",
        reply_markup=_start_keyboard(job_id, offer),
    )
    return CHOOSING


async def start_command(update: Update, context: CoachContext) -> State:
    """/practice (also mid-question: starts over with a new question)."""
    message = update.effective_message
    assert message is not None
    end(context)
    job = await choose_job(message, context, FEATURE, "Which job do you want to practise for?")
    if job is None:
        return END
    return await _offer_difficulties(message, context, job.id, job.name)


async def pick_job(update: Update, context: CoachContext) -> State:
    """`practice:job:<id>` from the job picker or a job card."""
    found = await owned(update, get_job, "That job wasn't found.")
    if found is None:
        return None
    message, job = found
    return await _offer_difficulties(message, context, job.id, job.name)


# ----- in the flow -------------------------------------------------------------------------


async def choose_difficulty(update: Update, context: CoachContext) -> State:
    """`practice:diff:<level>:<offer>`: generate a question (also the Retry after a failure)."""
    pressed = await press(update)
    if pressed is None:
        return None
    query, message, button = pressed
    level = practice.parse_difficulty(button.arg(0))
    level = await claim(query, flow_data(context), button.arg(1), level)
    if level is None:
        return None
    return await _new_question(message, context, user_of(update), level)


async def _new_question(
    message: Message, context: CoachContext, user_id: int, level: Difficulty
) -> State:
    data = flow_data(context)
    setup = await practice.question_setup(user_id, data.get("job_id"))
    if setup is None:
        await reply(message, "That job no longer exists. Send /practice to pick another.")
        return end(context)
    hint = answer_hint(context.services.gateway.has_speech)
    header = f"❓ <b>{LABELS[level]} question</b> · {escape(setup.job.name)}\n{hint}"
    try:
        async with context.services.quotas.spend(user_id, "question"):
            stream = practice.question_stream(context.services.gateway, setup, level)
            await stream_reply(message, context, stream, header=header)
            question = await practice.save_question(setup, level, stream.text)
    except QuotaExceeded as exc:
        await explain_limit(message, context, exc)
        return end(context)
    except AIUnavailableError as exc:
        await _offer_retry(
            message,
            data,
            f"⚠️ I couldn't get a question: {escape(exc.user_message)}\n"
            "Nothing was saved or counted. Press Retry to try again.",
            "diff",
            level,
        )
        return CHOOSING
    data.update(question_id=str(question.id), answer=None)
    return ANSWERING


async def answer_text(update: Update, context: CoachContext) -> State:
    message = update.effective_message
    assert message is not None and message.text is not None
    return await _grade(message, context, user_of(update), message.text.strip())


async def answer_voice(update: Update, context: CoachContext) -> State:
    message = update.effective_message
    assert message is not None
    text = await transcribe_voice(message, context)
    if text is None:
        return None  # the user was told why; still waiting for an answer
    return await _grade(message, context, user_of(update), text)


async def answer_other(update: Update, context: CoachContext) -> State:
    assert update.effective_message is not None
    how = "a text or a voice message" if context.services.gateway.has_speech else "a text message"
    await reply(update.effective_message, f"Please answer with {how}.")
    return None


async def retry_grade(update: Update, context: CoachContext) -> State:
    """`practice:grade:<offer>`: grade the kept answer again after a failure."""
    pressed = await press(update)
    if pressed is None:
        return None
    query, message, button = pressed
    data = flow_data(context)
    kept = data.get("answer")
    answer = await claim(query, data, button.arg(), kept if isinstance(kept, str) else None)
    if answer is None:
        return None
    return await _grade(message, context, user_of(update), answer)


async def _grade(message: Message, context: CoachContext, user_id: int, text: str) -> State:
    data = flow_data(context)
    gateway = context.services.gateway
    try:
        async with typing(context, message.chat_id):
            graded = await practice.grade_answer(gateway, user_id, data.get("question_id"), text)
    except practice.TooManyGradings as exc:
        await reply(message, f"🔒 {escape(exc.user_message)}")
        return None
    except AIUnavailableError as exc:
        data["answer"] = text
        await _offer_retry(
            message,
            data,
            f"⚠️ I couldn't grade your answer: {escape(exc.user_message)}\n"
            "Your answer is kept — press Retry to have it graded, or send a new one.",
            "grade",
        )
        return ANSWERING
    if graded is None:
        await reply(message, "That question no longer exists. Send /practice for a new one.")
        return end(context)
    data["answer"] = None
    offer = new_offer(data)
    rating = graded.result.rating
    header = f"<b>Rating: {rating}/10</b>\n{_rating_bar(rating)}\n\n<b>Feedback</b>"
    if gateway.offline:
        header = f"{texts()('kit-offline-notice')}\n\n{header}"
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
    pressed = await press(update)
    if pressed is None:
        return None
    query, message, _ = pressed
    await query.answer()
    await remove_keyboard(query.message)
    await reply(message, "✅ Practice finished. Send /practice any time for more questions.")
    return end(context)


async def cancel(update: Update, context: CoachContext) -> State:
    assert update.effective_message is not None
    await reply(update.effective_message, "Practice stopped. Send /practice to start again.")
    return end(context)


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
        conversation_timeout=CONVERSATION_TIMEOUT,
    )
