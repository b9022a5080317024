"""A job's past questions with their best rating, and answering one of them again. Both are
entry points of the practice flow."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.context import CoachContext
from bot.rendering import plain_text
from bot.services import practice
from handlers.kit.buttons import Press
from handlers.kit.entry_buttons import PracticeJob, PracticeList
from handlers.kit.flow import Step
from handlers.kit.replies import reply, send_markdown
from handlers.practice.buttons import QuestionButton
from handlers.practice.drill import ANSWERING, answer_hint, level_name


def _short(text: str, size: int) -> str:
    text = " ".join(plain_text(text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


async def open_question(
    update: Update, context: CoachContext, press: Press[QuestionButton]
) -> Step:
    """Answer a past question (again)."""
    t, question = context.texts, press.target
    context.session.data.update(job_id=str(question.job_info_id), question_id=str(question.id))
    best = await practice.best_rating(question.id)
    lines = [
        t(
            "practice-answer-again",
            level=level_name(t, question.difficulty),
            job=question.job_info.name,
        )
    ]
    if best is not None:
        lines.append(t("practice-best-so-far", best=best))
    lines.append(answer_hint(context))
    await send_markdown(press.message, question.text, header="\n".join(lines))
    return ANSWERING


async def list_questions(update: Update, context: CoachContext, press: Press[PracticeList]) -> Step:
    """The job's past questions with their best rating."""
    t = context.texts
    past = await practice.past_questions(press.user_id, press.data.job_id)
    if past is None:
        await press.answer(t.plain("practice-job-not-found"), alert=True)
        return None
    practise = PracticeJob(job_id=past.job.id).button(t.plain("practice-button-new-question"))
    if not past.questions:
        await reply(
            press.message,
            t("practice-none-yet", job=past.job.name),
            reply_markup=InlineKeyboardMarkup([[practise]]),
        )
        return None
    lines = [t("practice-past-title", job=past.job.name), ""]
    buttons = []
    for number, item in enumerate(past.questions, 1):
        best = item.best if item.best is not None else "none"
        lines.append(
            t(
                "practice-past-item",
                number=number,
                text=_short(item.text, 160),
                level=level_name(t, item.difficulty),
                best=best,
            )
        )
        score = f"{item.best}/10" if item.best is not None else "–"
        label = t.plain(
            "practice-past-button", number=number, score=score, text=_short(item.text, 40)
        )
        buttons.append([QuestionButton(question_id=item.id).button(label)])
    if past.more:
        lines += ["", t("practice-past-newest", count=len(past.questions))]
    lines += ["", t("practice-past-tap")]
    buttons.append([practise])
    await reply(press.message, "\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))
    return None
