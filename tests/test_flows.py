"""One flow at a time: a flow started later ends a flow left hanging; a guarded step keeps
its ground."""

from __future__ import annotations

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from models import JobInfo
from models.answers import Answer
from tests.helpers import new_job

DESCRIPTION = "Backend engineer: Python, PostgreSQL, REST APIs and Docker in production."


async def test_unanswered_question_does_not_swallow_later_text(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await user.send("/practice")
    await user.click("Easy")
    await user.expect("Easy question")
    # Leave the question unanswered and save another job instead.
    await user.send("/newjob")
    await user.expect("company or job name")
    await user.send("Globex")
    await user.click("Skip")
    await user.click("Junior")
    await user.send(DESCRIPTION)
    await user.expect("job saved")
    assert await JobInfo.filter(user_id=user.id).count() == 2
    # The practice question was ended when /newjob started: this is not graded as its answer.
    await user.send("A hash map gives constant-time lookups by key on average.")
    await user.expect("not waiting")
    assert await Answer.all().count() == 0


async def test_a_guarded_step_keeps_the_user_until_finished_or_cancelled(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await user.send("/newjob")
    await user.send("Initech")
    await user.send("/practice")  # /newjob guards its steps: it is not abandoned silently
    user.expect_no("Choose a difficulty")
    await user.send("/cancel")
    await user.expect("cancel")
    await user.send("/practice")
    await user.expect("Choose a difficulty")
