"""One flow at a time: a flow started later ends a flow left hanging (an interview is paused,
and /interview continues it); a guarded step keeps its ground."""

from __future__ import annotations

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from models import Interview, JobInfo
from models.answers import Answer
from models.interviews import InterviewMessage
from tests.helpers import easy_question, new_job

DESCRIPTION = "Backend engineer: Python, PostgreSQL, REST APIs and Docker in production."
ANSWER = (
    "In my last job I led the migration of our billing service to Django services: small "
    "steps, tests for every endpoint first, and we shipped without downtime."
)
PAUSED = "Your interview is paused — /interview to continue, /end to finish."


async def interview_lines(user: EmulatedUser) -> list[tuple[str, str]]:
    interview = await Interview.get(job_info__user_id=user.id)
    lines = await InterviewMessage.filter(interview_id=interview.id).order_by("id")
    return [(line.role, line.text) for line in lines]


async def test_unanswered_question_does_not_swallow_later_text(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await easy_question(user)
    # Leave the question unanswered and save another job instead: said in one line.
    await user.send("/newjob")
    await user.expect("company or job name")
    await user.expect("Your practice question is set aside")
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


async def test_practice_during_an_interview_pauses_it_and_interview_continues_it(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await user.send("/interview")
    await user.expect("Hi Ada")
    await user.send(ANSWER)
    await user.expect("Interviewer")
    assert len(await interview_lines(user)) == 3

    await user.send("/practice")
    await user.expect(PAUSED)
    await user.expect("Choose a difficulty")
    await user.click("Easy")
    await user.expect("Easy question")
    await user.send("A hash map gives constant-time lookups by key on average.")
    await user.expect("Correct answer")  # graded as the practice answer...
    assert await Answer.all().count() == 1
    assert len(await interview_lines(user)) == 3  # ...not taken by the paused interview
    assert (await Interview.get(job_info__user_id=user.id)).status == "active"

    await user.send("/interview")
    await user.expect("where we left off")
    user.expect_no(PAUSED)
    await user.send("A second answer about REST API design, resources and status codes.")
    await user.expect("Interviewer")
    lines = await interview_lines(user)
    assert len(lines) == 5 and lines[3][0] == "candidate"
    assert await Answer.all().count() == 1


async def test_a_practice_question_left_unanswered_does_not_swallow_an_interview_answer(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await user.send("/practice")
    await user.click("Easy")
    await user.expect("Easy question")  # left unanswered
    await user.send("/interview")
    await user.expect("Hi Ada")
    await user.send(ANSWER)
    await user.expect("Interviewer")
    assert (await interview_lines(user))[1] == ("candidate", ANSWER)
    assert await Answer.all().count() == 0
    await user.send("/end")  # the interview is over; the old question doesn't come back
    await user.expect("Interview ended")  # answered once: too short for a report
    await user.send("Constant-time lookups by key.")
    await user.expect("not waiting")
    assert await Answer.all().count() == 0
