"""/progress and the job card's Progress: a chart of the ratings over time, sent as a photo,
and the figures in words."""

from __future__ import annotations

import uuid

from telegram import InputFile, Message, Update
from telegram.constants import ParseMode

from bot.context import CoachContext
from bot.i18n import Texts
from bot.services import learning
from bot.services.progress_chart import Labels, chart_png
from handlers.kit.buttons import Press
from handlers.kit.entry_buttons import ProgressJob
from handlers.kit.replies import reply


def _figure(t: Texts, value: float | None) -> str:
    return t.number(value) if value is not None else "–"


def progress_text(t: Texts, p: learning.Progress) -> str:
    lines = [
        t("learning-progress-title", job=p.job_name or "", scope="job" if p.job_name else "all"),
        t("learning-progress-answers", count=len(p.points), average=_figure(t, p.average)),
    ]
    if p.before is not None and p.last is not None:
        change = p.last - p.before
        trend = "up" if change >= 0.5 else "down" if change <= -0.5 else "flat"
        lines.append(
            t(
                "learning-progress-trend",
                last=_figure(t, p.last),
                before=_figure(t, p.before),
                trend=trend,
            )
        )
    elif p.last is not None:
        lines.append(t("learning-progress-recent", last=_figure(t, p.last)))
    if p.skills:
        lines += ["", t("learning-progress-skills")]
        lines += [
            t(
                "learning-progress-skill",
                skill=s.skill,
                average=_figure(t, s.average),
                count=s.answers,
            )
            for s in p.skills
        ]
        weakest = ", ".join(s.skill for s in p.weakest)
        lines.append(t("learning-progress-weakest", skills=weakest, count=len(p.weakest)))
    if p.interviews:
        lines += ["", t("learning-progress-interviews")]
        lines += [
            t(
                "learning-progress-interview",
                job=i.job,
                date=t.date(i.at),
                rating=i.rating,
            )
            for i in p.interviews
        ]
    lines += ["", t("learning-progress-streak", days=p.streak)]
    if p.due:
        lines.append(t("learning-progress-due", count=p.due))
    elif p.next_due is not None:
        when = t.datetime(p.next_due.astimezone(learning.zone(p.zone)))
        lines.append(t("learning-progress-next-due", when=when, zone=p.zone))
    return "\n".join(lines)


async def show_progress(
    message: Message, context: CoachContext, user_id: int, job_id: uuid.UUID | None = None
) -> None:
    t = context.texts
    data = await learning.progress(user_id, context.services.plans.now(), job_id)
    if data is None:
        await reply(message, t("learning-job-not-found"))
        return
    if data.empty:
        await reply(message, t("learning-progress-empty"))
        return
    if data.points:
        labels = Labels(
            title=t.plain(
                "learning-chart-title",
                job=data.job_name or "",
                scope="job" if data.job_name else "all",
            ),
            rating=t.plain("learning-chart-rating"),
            answer=t.plain("learning-chart-answer"),
        )
        png = await chart_png(data.points, labels)
        await message.reply_photo(
            InputFile(png, filename="progress.png"),
            caption=t("learning-chart-caption", count=len(data.points)),
            parse_mode=ParseMode.HTML,
        )
    await reply(message, progress_text(t, data))


async def progress_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message is not None
    await show_progress(update.effective_message, context, context.session.user_id)


async def progress_press(update: Update, context: CoachContext, press: Press[ProgressJob]) -> None:
    await show_progress(press.message, context, press.user_id, press.target.id)
