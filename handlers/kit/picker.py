"""Choosing which job a feature works on: straight on with one, buttons with several."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from telegram import InlineKeyboardMarkup, Message

from bot.context import CoachContext
from bot.services.jobs import list_jobs
from handlers.kit.buttons import Button
from handlers.kit.replies import reply
from models import JobInfo

PICK_LIMIT = 8


def job_label(job: JobInfo) -> str:
    label = f"{job.name} — {job.title}" if job.title else job.name
    return label if len(label) <= 60 else label[:59] + "…"


async def choose_job(
    message: Message,
    context: CoachContext,
    button: Callable[[uuid.UUID], Button],
    prompt: str,
) -> JobInfo | None:
    """The user's only job, or None after asking them to pick (`prompt`, HTML, above one
    `button(job_id)` per job) or pointing them to /newjob when they have none."""
    t = context.texts
    jobs, total = await list_jobs(context.session.user_id, limit=PICK_LIMIT)
    if total == 0:
        await reply(message, t("kit-no-jobs"))
        return None
    if total == 1:
        return jobs[0]
    keyboard = [[button(job.id).button(job_label(job))] for job in jobs]
    more = f"\n{t('kit-picker-more', limit=PICK_LIMIT)}" if total > PICK_LIMIT else ""
    await reply(message, prompt + more, reply_markup=InlineKeyboardMarkup(keyboard))
    return None
