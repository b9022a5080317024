"""The question/answer loop: a question at the chosen difficulty, the user's answer (text or
voice), its rating out of 10 with feedback and the correct answer, then what next.

The flow's data (`context.session.data`) keeps ids only: the job, the question, an answer kept
after a failed grading, and `keyboard`, the message whose buttons count. A press on any other
message (a second press of a used keyboard) is refused, so a double press asks one question.
"""

from __future__ import annotations

import uuid
from typing import Any

from telegram import InlineKeyboardMarkup, Message, Update

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.i18n import Html, Texts
from bot.services import learning, practice
from bot.services.answers import MAX_ANSWER_CHARS, cap_answer
from bot.services.ownership import parse_id
from bot.services.quotas import QuotaExceeded
from handlers.kit.buttons import Button, Press
from handlers.kit.entry_buttons import PracticeJob, PracticeList
from handlers.kit.errors import ai_reason
from handlers.kit.flow import END, Step
from handlers.kit.limits import explain_limit
from handlers.kit.picker import choose_job
from handlers.kit.replies import remove_keyboard, reply, send_markdown
from handlers.kit.streaming import stream_reply, typing
from handlers.kit.voice import transcribe_voice
from handlers.learning.buttons import NextForMeButton, ReviewButton
from handlers.practice.buttons import (
    DifficultyButton,
    DoneButton,
    QuestionButton,
    RetryGradeButton,
    ShowAnswerButton,
    SkipButton,
)
from models import Difficulty, JobInfo

CHOOSING, ANSWERING = "choosing", "answering"


# ----- keyboards ---------------------------------------------------------------------------
def level_name(t: Texts, level: Difficulty | str) -> str:
    return t.plain("practice-level", level=str(level))


def difficulty_row(t: Texts, suggested: Difficulty | str | None = None) -> list[Any]:
    """Easy, Medium, Hard; the suggested one marked (e.g. "Medium ⭐")."""
    return [
        DifficultyButton(level=level).button(
            t.plain("learning-suggested", level=level_name(t, level))
            if level == suggested
            else level_name(t, level)
        )
        for level in Difficulty
    ]


def start_keyboard(t: Texts, job_id: uuid.UUID) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [difficulty_row(t), [PracticeList(job_id=job_id).button(t.plain("practice-button-past"))]]
    )


def next_keyboard(
    t: Texts,
    question_id: uuid.UUID,
    job_id: uuid.UUID,
    suggested: Difficulty | str | None = None,
    reviews_due: int = 0,
) -> InlineKeyboardMarkup:
    learn = [NextForMeButton().button(t.plain("learning-button-next-for-me"))]
    if reviews_due:
        learn.append(ReviewButton().button(t.plain("learning-button-review", count=reviews_due)))
    return InlineKeyboardMarkup(
        [
            difficulty_row(t, suggested),
            learn,
            [
                QuestionButton(question_id=question_id).button(
                    t.plain("practice-button-try-again")
                ),
                PracticeList(job_id=job_id).button(t.plain("practice-button-past")),
            ],
            [DoneButton().button(t.plain("practice-button-done"))],
        ]
    )


def answer_hint(context: CoachContext) -> Html:
    return context.texts.html("practice-answer-hint", voice=context.services.gateway.has_speech)


def _rating_bar(rating: int) -> str:
    return "🟩" * rating + "⬜" * (10 - rating)


async def _with_keyboard(
    context: CoachContext, message: Message, html: str, keyboard: InlineKeyboardMarkup
) -> None:
    """Reply with a prompt whose buttons are now the flow's live ones."""
    sent = await reply(message, html, reply_markup=keyboard)
    context.session.data.update(keyboard=sent.message_id, prompt=True)


async def _take_keyboard(
    press: Press[Any], context: CoachContext, *, keep: bool = False
) -> Message | bool | None:
    """A press on the flow's live keyboard uses it up: True, or with `keep` the pressed
    message when it is a bare prompt, to be written over by what comes next (one edit instead
    of two calls). Any other press is told the button was used: False."""
    data = context.session.data
    if press.message.message_id != data.get("keyboard"):
        await press.answer(context.texts.plain("practice-used-button"))
        return False
    prompt = data.pop("prompt", False)
    data["keyboard"] = None
    await press.answer()
    if keep and prompt:
        return press.message
    await remove_keyboard(press.message)
    return True


# ----- entry points ------------------------------------------------------------------------
async def _offer_difficulties(message: Message, context: CoachContext, job: JobInfo) -> Step:
    t = context.texts
    context.session.data.update(job_id=str(job.id))
    text = t("practice-choose-difficulty", job=job.name)
    if context.services.gateway.offline:  # said once per practice run, not on every grade
        text = f"{t('kit-offline-notice')}\n\n{text}"
    await _with_keyboard(context, message, text, start_keyboard(t, job.id))
    return CHOOSING


async def start_command(update: Update, context: CoachContext) -> Step:
    """/practice (also mid-question: starts over with a new question)."""
    message = update.effective_message
    assert message is not None
    return await practise(message, context)


async def practise(message: Message, context: CoachContext) -> Step:
    """Which job (if several), then the difficulties: /practice, and Practice now."""
    job = await choose_job(
        message,
        context,
        lambda job_id: PracticeJob(job_id=job_id),
        context.texts("practice-which-job"),
    )
    if job is None:
        return END
    return await _offer_difficulties(message, context, job)


async def pick_job(update: Update, context: CoachContext, press: Press[PracticeJob]) -> Step:
    """A job chosen in the picker or on a job card."""
    return await _offer_difficulties(press.message, context, press.target)


# ----- in the flow -------------------------------------------------------------------------
async def choose_difficulty(
    update: Update, context: CoachContext, press: Press[DifficultyButton]
) -> Step:
    """A difficulty: generate a question (also the Retry after a failure)."""
    taken = await _take_keyboard(press, context, keep=True)
    if taken is False:
        return None
    prompt = taken if isinstance(taken, Message) else None
    return await _new_question(press.message, context, press.data.level, prompt)


async def next_for_me(update: Update, context: CoachContext, press: Press[NextForMeButton]) -> Step:
    """A question on the job's weakest skill at its suggested difficulty."""
    taken = await _take_keyboard(press, context, keep=True)
    if taken is False:
        return None
    prompt = taken if isinstance(taken, Message) else None
    session = context.session
    focus = await learning.next_for_me(session.user_id, session.data.get("job_id"))
    if focus is None:
        await reply(press.message, context.texts("practice-job-gone"))
        return END
    return await _new_question(press.message, context, focus.level, prompt, focus.skill)


async def _new_question(
    message: Message,
    context: CoachContext,
    level: Difficulty,
    prompt: Message | None = None,
    focus: str | None = None,
) -> Step:
    """Ask a new question (written over `prompt`, the prompt that asked for it, if given;
    about the skill `focus`, if given)."""
    t, session = context.texts, context.session
    setup = await practice.question_setup(
        session.user_id, session.data.get("job_id"), language=t.language
    )
    if setup is None:
        await reply(message, t("practice-job-gone"))
        return END
    header = t(
        "practice-question-header",
        level=level_name(t, level),
        job=setup.job.name,
        hint=answer_hint(context),
    )
    skill = None if focus else setup.next_skill()  # the job's skills in turn
    if focus:
        header = f"{header}\n{t('learning-focus', skill=focus)}"
    elif skill:
        header = f"{header}\n{t('practice-skill-tag', skill=skill)}"
    try:
        async with context.services.quotas.spend(session.user_id, "question"):
            stream = practice.question_stream(context.services.gateway, setup, level, focus, skill)
            await stream_reply(
                message,
                context,
                stream,
                header=header,
                replace=prompt,
                check=practice.check_question,
            )
            question = await practice.save_question(setup, level, stream.text, focus, skill)
    except QuotaExceeded as exc:
        if prompt is not None:
            await remove_keyboard(prompt)
        await explain_limit(message, context, exc)
        return END
    except AIUnavailableError as exc:
        if prompt is not None:
            await remove_keyboard(prompt)
        keyboard = InlineKeyboardMarkup(
            [[DifficultyButton(level=level).button(t.plain("practice-button-retry"))]]
        )
        text = t("practice-question-failed", reason=ai_reason(t, exc))
        await _with_keyboard(context, message, text, keyboard)
        return CHOOSING
    session.data.update(question_id=str(question.id), answer=None)
    return ANSWERING


async def answer_text(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None and message.text is not None
    return await _grade(message, context, message.text.strip())


async def answer_voice(update: Update, context: CoachContext) -> Step:
    message = update.effective_message
    assert message is not None
    text = await transcribe_voice(message, context)
    if text is None:
        return None  # the user was told why; still waiting for an answer
    return await _grade(message, context, text)


async def answer_other(update: Update, context: CoachContext) -> Step:
    assert update.effective_message is not None
    has_speech = context.services.gateway.has_speech
    await reply(update.effective_message, context.texts("practice-answer-how", voice=has_speech))
    return None


async def retry_grade(
    update: Update, context: CoachContext, press: Press[RetryGradeButton]
) -> Step:
    """Grade the kept answer again after a failure."""
    kept = context.session.data.get("answer")
    if not isinstance(kept, str) or not await _take_keyboard(press, context):
        if not press.answered:
            await press.answer(context.texts.plain("practice-used-button"))
        return None
    return await _grade(press.message, context, kept)


async def _grade(message: Message, context: CoachContext, text: str) -> Step:
    t, session = context.texts, context.session
    gateway = context.services.gateway
    text, cut = cap_answer(text)
    if cut:
        await reply(message, t("kit-answer-cut", limit=MAX_ANSWER_CHARS))
    try:
        async with typing(context, message.chat_id):
            graded = await practice.grade_answer(
                gateway,
                session.user_id,
                session.data.get("question_id"),
                text,
                now=context.services.plans.now(),
                language=t.language,
            )
    except practice.TooManyGradings as exc:
        await reply(message, t("practice-too-many-gradings", limit=exc.limit))
        return None
    except AIUnavailableError as exc:
        session.data["answer"] = text
        keyboard = InlineKeyboardMarkup(
            [[RetryGradeButton().button(t.plain("practice-button-retry"))]]
        )
        await _with_keyboard(
            context, message, t("practice-grade-failed", reason=ai_reason(t, exc)), keyboard
        )
        return ANSWERING
    if graded is None:
        await reply(message, t("practice-question-gone"))
        return END
    session.data["answer"] = None
    if isinstance(graded, practice.NotAnswered):
        await _with_keyboard(context, message, t("practice-not-answered"), _unanswered_keyboard(t))
        return ANSWERING  # a real attempt typed now is still graded
    question = graded.question
    suggested = graded.suggested
    # In /review, how many more are due (counted only there: it is a query per answer).
    due = (
        await learning.due_count(session.user_id, context.services.plans.now())
        if session.data.get("review")
        else 0
    )
    rating = graded.result.rating
    header = t("practice-rating", rating=rating, bar=_rating_bar(rating))
    await send_markdown(message, graded.result.feedback, header=header)
    sent = await send_markdown(
        message,
        graded.result.model_answer,
        header=t("practice-correct-answer"),
        reply_markup=next_keyboard(t, question.id, question.job_info_id, suggested, due),
    )
    session.data["keyboard"] = sent[-1].message_id
    return CHOOSING


def _unanswered_keyboard(t: Texts) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                ShowAnswerButton().button(t.plain("practice-button-show-answer")),
                SkipButton().button(t.plain("practice-button-skip")),
            ]
        ]
    )


async def show_answer(
    update: Update, context: CoachContext, press: Press[ShowAnswerButton]
) -> Step:
    """A full correct answer after "I don't know"; the question stays unrated. Then Try
    again, a new question or Done."""
    t, session = context.texts, context.session
    if not await _take_keyboard(press, context):
        return None
    try:
        async with typing(context, press.message.chat_id):
            shown = await practice.reference_answer(
                context.services.gateway,
                session.user_id,
                session.data.get("question_id"),
                language=t.language,
            )
    except AIUnavailableError as exc:
        keyboard = _unanswered_keyboard(t)
        text = t("practice-show-answer-failed", reason=ai_reason(t, exc))
        await _with_keyboard(context, press.message, text, keyboard)
        return None
    if shown is None:
        await reply(press.message, t("practice-question-gone"))
        return END
    question, answer = shown
    sent = await send_markdown(
        press.message,
        answer,
        header=t("practice-correct-answer"),
        reply_markup=next_keyboard(t, question.id, question.job_info_id),
    )
    session.data["keyboard"] = sent[-1].message_id
    return CHOOSING


async def skip(update: Update, context: CoachContext, press: Press[SkipButton]) -> Step:
    """Leave the question unrated and choose what next."""
    t, session = context.texts, context.session
    question_id, job_id = session.data.get("question_id"), session.data.get("job_id")
    if not await _take_keyboard(press, context):
        return None
    parsed_q, parsed_job = parse_id(question_id), parse_id(job_id)
    if parsed_q is None or parsed_job is None:
        await reply(press.message, t("practice-question-gone"))
        return END
    keyboard = next_keyboard(t, parsed_q, parsed_job)
    await _with_keyboard(context, press.message, t("practice-skipped"), keyboard)
    return CHOOSING


async def remind_choose(update: Update, context: CoachContext) -> Step:
    assert update.effective_message is not None
    await reply(update.effective_message, context.texts("practice-remind-choose"))
    return None


async def done(update: Update, context: CoachContext, press: Press[DoneButton]) -> Step:
    if not await _take_keyboard(press, context):
        return None
    await reply(press.message, context.texts("practice-finished"))
    return END


async def cancel(update: Update, context: CoachContext) -> Step:
    assert update.effective_message is not None
    await reply(update.effective_message, context.texts("practice-stopped"))
    return END


def live_buttons() -> list[type[Button]]:
    return [
        DifficultyButton,
        RetryGradeButton,
        DoneButton,
        NextForMeButton,
        ShowAnswerButton,
        SkipButton,
    ]
