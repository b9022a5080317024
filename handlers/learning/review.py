"""/review: the questions due for review, one by one, through the practice flow (answer,
rating, Try again, Next review); and the reminder's Practice now. Entry points of `practice`."""

from __future__ import annotations

from telegram import Message, Update

from bot.context import CoachContext
from bot.services import learning
from handlers.kit.buttons import Press
from handlers.kit.flow import Step
from handlers.kit.replies import reply, send_markdown
from handlers.learning.buttons import PracticeNowButton, ReviewButton
from handlers.practice import drill


async def serve(message: Message, context: CoachContext) -> Step:
    """The due question that waited longest; when none is due, when the next one is."""
    t, session = context.texts, context.session
    now = context.services.plans.now()
    question = await learning.next_review(session.user_id, now)
    if question is None:
        upcoming = await learning.next_due_at(session.user_id)
        if upcoming is None:
            await reply(message, t("learning-review-none"))
        else:
            zone = await learning.user_zone(session.user_id)
            when = t.datetime(upcoming.astimezone(learning.zone(zone)))
            await reply(message, t("learning-review-none-due", when=when, zone=zone))
        return None
    due = await learning.due_count(session.user_id, now)
    session.data.update(job_id=str(question.job_info_id), question_id=str(question.id), review=True)
    header = "\n".join(
        [
            t(
                "learning-review-header",
                level=drill.level_name(t, question.difficulty),
                job=question.job_info.name,
                count=due,
            ),
            drill.answer_hint(context),
        ]
    )
    await send_markdown(message, question.text, header=header)
    return drill.ANSWERING


async def review_command(update: Update, context: CoachContext) -> Step:
    assert update.effective_message is not None
    return await serve(update.effective_message, context)


async def review_press(update: Update, context: CoachContext, press: Press[ReviewButton]) -> Step:
    return await serve(press.message, context)


async def practice_press(
    update: Update, context: CoachContext, press: Press[PracticeNowButton]
) -> Step:
    return await drill.practise(press.message, context)
