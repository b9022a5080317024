"""/practice past questions: a job's questions with their best rating (`practice:list:<job_id>`),
and answering one of them again (`practice:q:<id>`). Both are entry points of the practice
conversation (`handlers.practice.conversation`)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.context import CoachContext
from bot.rendering import escape, plain_text
from bot.services import practice
from handlers import callbacks
from handlers.kit.replies import reply, send_markdown
from handlers.practice_flow import (
    ANSWERING,
    FEATURE,
    LABELS,
    State,
    answer_hint,
    owned,
    reset,
)


def past_button(job_id: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        "📜 Past questions", callback_data=callbacks.make(FEATURE, "list", job_id)
    )


def _short(text: str, size: int) -> str:
    text = " ".join(plain_text(text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


async def open_question(update: Update, context: CoachContext) -> State:
    """`practice:q:<id>`: answer a past question (again)."""
    found = await owned(update, practice.get_question, "That question wasn't found.")
    if found is None:
        return None
    message, question = found
    reset(context, job_id=str(question.job_info_id), question_id=str(question.id))
    best = await practice.best_rating(question.id)
    level = LABELS.get(practice.parse_difficulty(str(question.difficulty)) or "medium", "")
    lines = [f"🔁 <b>Answer again</b> · {level} · {escape(question.job_info.name)}"]
    if best is not None:
        lines.append(f"Best so far: <b>{best}/10</b>")
    lines.append(answer_hint(context.services.gateway.has_speech))
    await send_markdown(message, question.text, header="\n".join(lines))
    return ANSWERING


async def list_questions(update: Update, context: CoachContext) -> State:
    """`practice:list:<job_id>`: the job's past questions with their best rating."""
    found = await owned(update, practice.past_questions, "That job wasn't found.")
    if found is None:
        return None
    message, past = found
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
