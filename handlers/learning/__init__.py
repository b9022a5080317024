"""The learning loop: /progress (a chart and the figures), /review (due questions, through
the practice flow), "Next for me" and the suggested difficulty (in `handlers.practice.drill`),
and /remind with its scheduler.

`flows()` is the `remind` flow; `practice_entries()` are the entry points this feature adds to
the practice flow (review, Practice now); `handlers()` the plain commands and buttons. The
parts are imported in those functions: the practice drill imports this package's buttons.
"""

from __future__ import annotations

from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from handlers.kit.buttons import on_press
from handlers.kit.entry_buttons import ProgressJob
from handlers.kit.flow import Flow
from handlers.learning.buttons import PracticeNowButton, ReviewButton, TimeButton, ZoneButton


def practice_entries() -> list[BaseHandler]:
    from handlers.learning import review

    return [
        CommandHandler("review", review.review_command),
        on_press(ReviewButton, review.review_press),
        on_press(PracticeNowButton, review.practice_press),
    ]


def flows() -> list[Flow]:
    from handlers.learning import remind

    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return [
        Flow(
            "remind",
            entry_points=[CommandHandler("remind", remind.remind_command)],
            steps={
                remind.ZONE: [
                    on_press(ZoneButton, remind.zone_press),
                    MessageHandler(text, remind.zone_typed),
                ],
                remind.TIME: [
                    on_press(TimeButton, remind.time_press),
                    MessageHandler(text, remind.time_typed),
                ],
            },
            fallbacks=[CommandHandler("cancel", remind.cancel)],
            left="learning-remind-left",
        )
    ]


def handlers() -> list[BaseHandler]:
    from handlers.learning import progress

    return [
        CommandHandler("progress", progress.progress_command),
        on_press(ProgressJob, progress.progress_press),
    ]
