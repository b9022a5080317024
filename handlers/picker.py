"""Choosing which job a feature works on: straight on with one, buttons with several."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.services.jobs import list_jobs
from handlers import callbacks
from handlers.replies import reply
from models import JobInfo

PICK_LIMIT = 8


def job_label(job: JobInfo) -> str:
    label = f"{job.name} — {job.title}" if job.title else job.name
    return label if len(label) <= 60 else label[:59] + "…"


async def choose_job(message: Message, user_id: int, feature: str, prompt: str) -> JobInfo | None:
    """The user's only job, or None after asking them to pick (buttons `<feature>:job:<id>`)
    or pointing them to /newjob when they have none."""
    jobs, total = await list_jobs(user_id, limit=PICK_LIMIT)
    if total == 0:
        await reply(message, "You have no saved jobs yet. Create one with /newjob first.")
        return None
    if total == 1:
        return jobs[0]
    keyboard = [
        [InlineKeyboardButton(job_label(job), callback_data=callbacks.make(feature, "job", job.id))]
        for job in jobs
    ]
    more = (
        f"\n<i>Showing your {PICK_LIMIT} newest jobs; see /jobs for all.</i>"
        if total > PICK_LIMIT
        else ""
    )
    await reply(message, prompt + more, reply_markup=InlineKeyboardMarkup(keyboard))
    return None
