"""The one reminder scheduler: a job-queue job that, every `reminder_poll_seconds`, sends the
reminders that are due (claimed in the database first, so none goes twice), paced like a
broadcast, through the bot's rate-limited outgoing path. Forbidden (blocked) stops a user's
reminders; reminders are rows, so a restart loses none (a missed one is sent at the next poll).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot.context import CoachContext, Services
from bot.i18n import texts
from bot.services import reminders
from handlers.learning.buttons import PracticeNowButton, ReviewButton

log = logging.getLogger(__name__)
JOB_NAME = "learning:reminders"


async def send_due(context: CoachContext) -> None:
    app = context.application
    services: Services | None = app.bot_data.get("services")
    if services is None:
        return
    now = services.plans.now()
    due, skipped = await reminders.claim_due(now)
    if skipped:
        log.info("Skipped %s reminders: practised today", skipped)
    pause = 1 / services.settings.broadcast_per_second
    for number, item in enumerate(due):
        if number:
            await asyncio.sleep(pause)
        t = texts(item.language)
        buttons = [PracticeNowButton().button(t.plain("learning-button-practice-now"))]
        if item.reviews:
            buttons.append(ReviewButton().button(t.plain("learning-button-review-now")))
        try:
            await app.bot.send_message(
                item.user_id,
                t("learning-reminder", count=item.reviews),
                parse_mode=ParseMode.HTML,
                reply_markup=InlineKeyboardMarkup([buttons]),
            )
        except Forbidden:
            log.info("User %s blocked the bot: reminders stopped", item.user_id)
            await reminders.stop(item.user_id)
            continue
        except TelegramError as exc:  # tomorrow's is already scheduled
            log.warning("Could not send the reminder to %s: %s", item.user_id, exc)
            continue
        await reminders.sent(item.user_id, now)


def start(app: Application) -> None:
    """Run the scheduler (from post_init)."""
    if app.job_queue is None:
        log.warning("No job queue (APScheduler missing): reminders won't be sent")
        return
    seconds = app.bot_data["settings"].reminder_poll_seconds
    app.job_queue.run_repeating(
        send_due,  # type: ignore[arg-type]
        interval=seconds,
        first=seconds,
        name=JOB_NAME,
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
