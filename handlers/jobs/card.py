"""Job profiles: /jobs lists them, a card shows one with its counts and the buttons to
practise, interview, check a resume, edit or delete it; deleting asks first."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CommandHandler

from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import jobs as service
from bot.services.jobs import JobCard
from handlers.jobs.buttons import JobDelete, JobDeleteConfirm, JobEdit, JobOpen, JobPage
from handlers.kit.buttons import Press, on_press
from handlers.kit.entry_buttons import (
    InterviewJob,
    InterviewList,
    PracticeJob,
    PracticeList,
    ProgressJob,
    ResumeJob,
)
from handlers.kit.picker import job_label
from handlers.kit.replies import reply

PAGE_SIZE = 8
PREVIEW_LINES, PREVIEW_CHARS = 4, 300


# ----- the card ---------------------------------------------------------------------------------
def preview(description: str) -> str:
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    text = "\n".join(lines[:PREVIEW_LINES])
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 1].rstrip() + "…"
    elif len(lines) > PREVIEW_LINES:
        text += "\n…"
    return text


def card_text(t: Texts, card: JobCard) -> str:
    job = card.job
    lines = [t("jobs-card-name", name=job.name)]
    if job.title:
        lines.append(t("jobs-card-title", title=job.title))
    level = t.html("jobs-level", level=job.experience_level)
    lines += [
        t("jobs-card-level", level=level),
        "",
        t("jobs-card-preview", text=preview(job.description)),
        "",
        t("jobs-card-counts", questions=card.questions, interviews=card.interviews),
    ]
    if card.reviews_due:
        lines.append(t("learning-card-due", count=card.reviews_due))
    return "\n".join(lines)


def card_view(t: Texts, card: JobCard, header: str | None = None) -> tuple[str, Any]:
    """The job's card (below the HTML `header`, when given) and its buttons."""
    text = card_text(t, card)
    return f"{header}\n\n{text}" if header else text, card_keyboard(t, card.job.id)


def card_keyboard(t: Texts, job_id: Any) -> InlineKeyboardMarkup:
    def button(kind: Any, key: str) -> Any:
        return kind(job_id=job_id).button(t.plain(key))

    return InlineKeyboardMarkup(
        [
            [
                button(PracticeJob, "jobs-button-practice"),
                button(InterviewJob, "jobs-button-interview"),
            ],
            [
                button(ResumeJob, "jobs-button-resume"),
                button(ProgressJob, "learning-button-progress"),
            ],
            [
                button(PracticeList, "jobs-button-past-questions"),
                button(InterviewList, "jobs-button-past-interviews"),
            ],
            [button(JobEdit, "jobs-button-edit"), button(JobDelete, "jobs-button-delete")],
            [all_jobs_button(t)],
        ]
    )


def all_jobs_button(t: Texts) -> Any:
    return JobPage(page=0).button(t.plain("jobs-button-all"))


# ----- the list ---------------------------------------------------------------------------------
async def list_view(t: Texts, user_id: int, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of the user's jobs (two queries; a third only when the page is past the end)."""
    jobs, total = await service.list_jobs(user_id, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    if total == 0:
        return t("jobs-none"), None
    pages = math.ceil(total / PAGE_SIZE)
    if page >= pages:
        page = pages - 1
        jobs, total = await service.list_jobs(user_id, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    rows = [[JobOpen(job_id=job.id).button(job_label(job))] for job in jobs]
    nav = []
    if page > 0:
        nav.append(JobPage(page=page - 1).button(t.plain("jobs-button-previous")))
    if page < pages - 1:
        nav.append(JobPage(page=page + 1).button(t.plain("jobs-button-next")))
    if nav:
        rows.append(nav)
    if pages > 1:
        text = t("jobs-list-paged", total=total, page=page + 1, pages=pages)
    else:
        text = t("jobs-list", total=total)
    return text, InlineKeyboardMarkup(rows)


async def show(press: Press[Any], text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Replace the pressed message with `text`."""
    try:
        await press.message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def list_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message
    text, markup = await list_view(context.texts, context.session.user_id, 0)
    await reply(update.effective_message, text, reply_markup=markup)


async def page_pressed(update: Update, context: CoachContext, press: Press[JobPage]) -> None:
    await press.answer()
    await show(press, *await list_view(context.texts, press.user_id, press.data.page))


async def open_pressed(update: Update, context: CoachContext, press: Press[JobOpen]) -> None:
    await press.answer()
    card: JobCard = press.target
    due = await service.reviews_due(card.job.id, context.services.plans.now())
    await show(press, *card_view(context.texts, dataclasses.replace(card, reviews_due=due)))


# ----- deleting ---------------------------------------------------------------------------------
async def delete_pressed(update: Update, context: CoachContext, press: Press[JobDelete]) -> None:
    t, card = context.texts, press.target
    await press.answer()
    text = t(
        "jobs-delete-ask", name=card.job.name, questions=card.questions, interviews=card.interviews
    )
    job_id = card.job.id
    markup = InlineKeyboardMarkup(
        [
            [
                JobDeleteConfirm(job_id=job_id).button(t.plain("jobs-button-delete-yes")),
                JobOpen(job_id=job_id).button(t.plain("jobs-button-keep")),
            ]
        ]
    )
    await show(press, text, markup)


async def delete_confirmed(
    update: Update, context: CoachContext, press: Press[JobDeleteConfirm]
) -> None:
    t = context.texts
    deleted = await service.delete_job(press.user_id, press.data.job_id)
    if deleted is None:
        await press.answer(t.plain("jobs-not-found"))
        return
    await press.answer(t.plain("jobs-deleted-answer"))
    text = t(
        "jobs-deleted",
        name=deleted.name,
        questions=deleted.questions,
        interviews=deleted.interviews,
    )
    await show(press, text, InlineKeyboardMarkup([[all_jobs_button(t)]]))


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """/jobs and the card's own buttons outside flows (Edit starts the edit flow)."""
    return [
        CommandHandler("jobs", list_command),
        on_press(JobPage, page_pressed),
        on_press(JobOpen, open_pressed),
        on_press(JobDelete, delete_pressed),
        on_press(JobDeleteConfirm, delete_confirmed),
    ]
