"""Mock interviews that listen (issue 15), on both backends: the offline coach and a model on
the test server. Ending: /cancel asks, Discard counts nothing, an interview of fewer than two
answers gets no report."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.ai.listening import read_message
from bot.ai.report_checks import BEHAVIOURAL_RE
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services import interview_report
from models import Interview, User
from tests.conftest import make_settings, model_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI, Reply
from tests.helpers import new_job

ANSWER = (
    "In my last job I led the migration of our billing service from a monolith to Django "
    "services. I planned the work in small steps, wrote tests for every endpoint first and "
    "agreed the API contract with the frontend team, so we shipped without downtime and cut "
    "the response time by half."
)
SECOND = (
    "I would start from the resources and their relations, then define the endpoints with "
    "clear nouns, status codes and pagination. I validate input with serializers, keep views "
    "thin, add indexes for the queries we run and write integration tests against PostgreSQL."
)


def report_json(rating: int = 7) -> dict[str, Any]:
    from bot.ai.schemas import REPORT_CATEGORIES

    return {
        "overall_rating": rating,
        "summary": "A short summary of the interview.",
        "categories": [
            {"name": name, "rating": rating, "text": f"{name}: assessed."}
            for name in REPORT_CATEGORIES
        ],
    }


class Model:
    """The test server's answers: each streamed interviewer line numbered, the report JSON."""

    def __init__(self, report: dict[str, Any] | None = None) -> None:
        self.turns: list[dict[str, Any]] = []
        self.reports: list[dict[str, Any]] = []
        self.report = report or report_json()

    def __call__(self, body: dict[str, Any]) -> str | dict[str, Any] | Reply:
        if not body.get("stream"):
            self.reports.append(body)
            return self.report
        self.turns.append(body)
        n = len(self.turns)
        line = f"Hello! Question {n}: tell me about your work." if n == 1 else f"Question {n}?"
        return Reply(chunks=[line])

    def prompt(self, turn: int = -1) -> str:
        return json.dumps(self.turns[turn]["messages"])


@pytest.fixture(params=["offline", "model"])
async def coach(
    request: pytest.FixtureRequest, database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> AsyncIterator[BotHarness]:
    """The bot on each backend: the offline coach, then a model on the test server."""
    if request.param == "offline":
        settings = make_settings(database_url, tmp_path)
    else:
        fake.default = Model()
        settings = model_settings(database_url, tmp_path, fake)
    async with run_harness_clean(settings) as harness:
        yield harness


def texts(user: EmulatedUser) -> str:
    return "\n".join(m.text for m in user.since_last_action())


async def started(user: EmulatedUser) -> None:
    await new_job(user)
    await user.send("/interview")
    await user.expect("Interviewer")


async def started_after_plan(user: EmulatedUser) -> str:
    """`started`, with what /plan said just before the interview began."""
    await new_job(user)
    before = await plan_text(user)
    await user.send("/interview")
    await user.expect("Interviewer")
    return before


async def plan_text(user: EmulatedUser) -> str:
    await user.send("/plan")
    return texts(user)


# ----- ending ----------------------------------------------------------------------------------


async def test_cancel_then_discard_leaves_the_plan_unchanged(coach: BotHarness) -> None:
    user = coach.user("Ada")
    before = await started_after_plan(user)
    await user.send(ANSWER)
    await user.expect("Interviewer")
    await user.send(SECOND)
    await user.expect("Interviewer")
    assert (await User.get(id=user.id)).interviews_used == 1

    await user.send("/cancel")
    ask = await user.expect("Discard this interview? Nothing is saved and it won't count")
    assert user.buttons(ask) == ["🗑 Discard", "▶️ Keep going"]
    assert await Interview.filter(job_info__user_id=user.id).count() == 1  # only asked
    await user.click("Discard")
    await user.expect("Interview discarded")
    assert "Overall rating" not in texts(user)
    assert await Interview.filter(job_info__user_id=user.id).count() == 0
    assert await plan_text(user) == before
    await user.send("hello?")
    await user.expect("not waiting for an answer")  # the interview's flow is over


async def test_cancel_then_keep_going_goes_on(coach: BotHarness) -> None:
    user = coach.user("Ada")
    await started(user)
    await user.send(ANSWER)
    last = await user.expect("Interviewer")
    await user.send("/cancel")
    await user.click("Keep going")
    again = await user.expect("where we left off")
    assert last.text.split("\n")[-1] in again.text and "⏹ End interview" in user.buttons(again)
    await user.send(SECOND)
    await user.expect("Interviewer")
    interview = await Interview.get(job_info__user_id=user.id)
    assert interview.status == "active"


async def test_an_interview_answered_once_is_too_short_for_a_report(coach: BotHarness) -> None:
    user = coach.user("Ada")
    before = await started_after_plan(user)
    await user.send(ANSWER)
    await user.expect("Interviewer")
    await user.send("/end")
    await user.expect("Too short for a report")
    assert "Overall rating" not in texts(user)
    assert await Interview.filter(job_info__user_id=user.id).count() == 0
    assert (await User.get(id=user.id)).interviews_used == 0
    after = await plan_text(user)
    # it doesn't count against the plan; starting one still took a start token
    assert after.split("Interview starts")[0] == before.split("Interview starts")[0]


# ----- listening -------------------------------------------------------------------------------

CLARIFYING = "could you clarify whether you mean inside my team or with another team?"


def offline(fake: FakeOpenAI) -> bool:
    """The `coach` fixture set no model on the test server: the offline coach is answering."""
    return fake.default is None


async def reply_to(user: EmulatedUser, text: str) -> str:
    await user.send(text)
    return (await user.expect("Interviewer")).text


def last_prompt(fake: FakeOpenAI) -> str:
    return json.dumps(fake.chat_bodies[-1]["messages"], ensure_ascii=False)


async def test_a_clarifying_question_is_answered_not_skipped(
    coach: BotHarness, fake: FakeOpenAI
) -> None:
    user = coach.user("Ada")
    await new_job(user)
    await user.send("/interview")
    opening = (await user.expect("Interviewer")).text
    first = opening.split("\n\n")[-1].removeprefix("Let's start. ")
    line = await reply_to(user, CLARIFYING)
    if offline(fake):
        assert line.split("\n")[2].startswith("Good question.")  # after the header
        assert "Any real situation counts" in line and first in line  # asked again
        assert "Next question" not in line
    else:
        prompt = last_prompt(fake)
        assert "clarifying question about your question, not an answer" in prompt
        assert "Do not move on to the next question" in prompt
        assert "Question 2?" in line  # the model's line is what the candidate sees
    await user.send("hmm what?")  # a second clarifying question: still not an answer
    if offline(fake):
        assert "Good question." in (await user.expect("Interviewer")).text
    else:
        await user.expect("Interviewer")
        assert "clarifying question about your question" in last_prompt(fake)


async def test_nonsense_is_redirected_once(coach: BotHarness, fake: FakeOpenAI) -> None:
    user = coach.user("Ada")
    await started(user)
    line = await reply_to(user, "purple monkey dishwasher")
    if offline(fake):
        assert "I'm not sure I follow" in line and "The question was:" in line
        again = await reply_to(user, "purple monkey dishwasher")
        assert "I'm not sure I follow" not in again and "move on" in again  # only once
    else:
        assert "Politely redirect once" in last_prompt(fake)


async def test_a_follow_up_names_a_detail_of_the_answer(
    coach: BotHarness, fake: FakeOpenAI
) -> None:
    user = coach.user("Ada")
    await started(user)
    line = await reply_to(user, "I moved our sessions to Redis and cut latency by 40%.")
    if offline(fake):
        assert "You mentioned “cut latency by 40%” — how did you measure that" in line
    else:
        prompt = last_prompt(fake)
        assert "A follow-up must name something the candidate actually said" in prompt
        assert "The last answer mentioned: “cut latency by 40%”" in prompt


async def test_skip_moves_on(coach: BotHarness, fake: FakeOpenAI) -> None:
    user = coach.user("Ada")
    await started(user)
    line = await reply_to(user, "Can we skip this one?")
    if offline(fake):
        assert "we'll skip that one" in line
    else:
        assert "asked to skip this question" in last_prompt(fake)


QUESTION = "Tell me about a time you disagreed with a teammate. What happened?"


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("purple monkey dishwasher", "nonsense"),
        ("asdfgh jkl", "nonsense"),
        ("hmm what?", "clarification"),
        (CLARIFYING, "clarification"),
        ("idk", "dont_know"),
        ("I don't know Python well, sorry", "dont_know"),
        ("skip", "skip"),
        ("next question please", "skip"),
        ("can you repeat that?", "repeat"),
        ("We fixed it together quickly.", "answer"),
        ("Pass by reference means the callee sees the same object", "answer"),
        ("What I did first was to ask both sides for their reasons, then we agreed.", "answer"),
    ],
)
def test_what_a_candidate_message_is(message: str, kind: str) -> None:
    assert read_message(QUESTION, message).kind == kind


# ----- honest reports --------------------------------------------------------------------------


def strengths_of(report: str) -> list[str]:
    """The category names listed under Strengths in the shown report."""
    section = report.split("Strengths", 1)[1].split("Areas for improvement", 1)[0]
    return re.findall(r"• (.+?) \(\d+/10\)", section)


async def end_and_read_report(user: EmulatedUser) -> tuple[str, Interview]:
    await user.send("/end")
    await user.expect("Overall rating")
    report = texts(user)
    interview = await Interview.get(job_info__user_id=user.id)
    return report, interview


async def test_an_interview_of_nonsense_and_idk_is_rated_3_or_less(
    coach: BotHarness, fake: FakeOpenAI
) -> None:
    user = coach.user("Ada")
    await started(user)
    for text in ("purple monkey dishwasher", "idk", "I don't know Python well, sorry"):
        await reply_to(user, text)
    report, interview = await end_and_read_report(user)
    assert interview.overall_rating is not None and interview.overall_rating <= 3
    assert re.search(r"Overall rating: [123]/10", report)
    assert strengths_of(report) == []  # nothing rated 6+ to call a strength
    if not offline(fake):
        assert "an interview made of them gets 1-3" in json.dumps(fake.chat_bodies[-1])


async def test_a_weak_category_is_never_a_strength_and_typed_pacing_is_not_measured(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    flattering = report_json(8)
    flattering["categories"][1]["rating"] = 5  # Confidence: 5/10
    flattering["categories"][6]["text"] = "Strengths: Confidence and Emotional State."
    fake.default = Model(flattering)
    for settings in (
        make_settings(database_url, tmp_path),
        model_settings(database_url, tmp_path, fake),
    ):
        async with run_harness_clean(settings) as bot:
            user = bot.user("Ada")
            await started(user)
            await reply_to(user, ANSWER)
            await reply_to(user, SECOND)
            report, _ = await end_and_read_report(user)
            ratings = dict(re.findall(r"^(.+?) — (\d+/10|not measured)$", report, re.M))
            assert ratings["Pacing and Timing"] == "not measured", report
            assert "pacing is judged only from voice answers" in report
            for name in strengths_of(report):
                assert int(ratings[name].split("/")[0]) >= 6, (name, report)
            if settings.openai_api_key:
                assert ratings["Confidence and Emotional State"] == "5/10"
                assert "Confidence and Emotional State" not in strengths_of(report)
                assert "Response Quality" in strengths_of(report)


async def test_a_skipped_question_is_noted_in_the_report(
    coach: BotHarness, fake: FakeOpenAI
) -> None:
    user = coach.user("Ada")
    await started(user)
    await reply_to(user, "skip")
    await reply_to(user, ANSWER)
    await reply_to(user, SECOND)
    report, _ = await end_and_read_report(user)
    assert "You skipped 1 question." in report


# ----- the right questions ---------------------------------------------------------------------

REACT_JOB = (
    "We build our shop's web frontend in React with TypeScript. You will write accessible "
    "components, manage state with Redux, style them with CSS modules and test them with Jest "
    "and React Testing Library."
)
OFF_STACK = re.compile(r"python|django|flask|express|unittest|pytest|\bjava\b|golang|spring", re.I)


async def test_a_react_job_gets_no_python_or_express_questions(
    coach: BotHarness, fake: FakeOpenAI
) -> None:
    user = coach.user("Ada")
    await new_job(user, "Shopfront", title="Frontend Developer", description=REACT_JOB)
    await user.send("/interview")
    asked = [(await user.expect("Interviewer")).text]
    for _ in range(12):
        await user.send(ANSWER)
        asked += [m.text for m in user.since_last_action()]
        if any("Overall rating" in text for text in asked):
            break
    questions = "\n".join(asked).split("Mock interview report")[0]
    assert not OFF_STACK.search(questions), questions
    assert "How do you structure your answer" not in questions  # coaching, not interviewing
    if not offline(fake):
        prompt = json.dumps(fake.chat_bodies[0]["messages"], ensure_ascii=False)
        assert "only about languages, frameworks, tools and duties the job description" in prompt
        assert "never advice about interviewing" in prompt
    else:
        assert "React" in questions or "component" in questions.lower()


async def test_the_same_jobs_second_interview_opens_differently(
    coach: BotHarness, fake: FakeOpenAI
) -> None:
    user = coach.user("Ada")
    await new_job(user)
    await user.send("/interview")
    first = (await user.expect("Interviewer")).text
    await reply_to(user, ANSWER)
    await reply_to(user, SECOND)
    await user.send("/end")
    await user.expect("Overall rating")
    await user.send("/interview")
    second = (await user.expect("Interviewer")).text
    if offline(fake):
        assert first.split("\n\n")[-1] != second.split("\n\n")[-1]
    else:
        prompt = json.dumps(fake.chat_bodies[-1]["messages"], ensure_ascii=False)
        earlier = prompt.rsplit("<previous_questions>", 1)[1].split("</previous_questions>")[0]
        assert "- Hello! Question 1: tell me about your work." in earlier


# ----- per-question feedback -------------------------------------------------------------------

NO_RESULT = (
    "At my last job a teammate and I disagreed about caching the product pages. I was "
    "responsible for the checkout service, so I proposed that we measure the real load first "
    "and I set up a quick benchmark with him."
)


class StoryModel(Model):
    def __call__(self, body: dict[str, Any]) -> str | dict[str, Any] | Reply:
        if body.get("stream"):
            self.turns.append(body)
            return Reply(chunks=["Tell me about a time you disagreed with a teammate."])
        return super().__call__(body)


async def test_star_gaps_are_named_for_a_behavioural_answer_without_a_result(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    fake.default = StoryModel()
    for settings in (
        make_settings(database_url, tmp_path),
        model_settings(database_url, tmp_path, fake),
    ):
        async with run_harness_clean(settings) as bot:
            user = bot.user("Ada")
            await new_job(user)
            await user.send("/interview")
            line = (await user.expect("Interviewer")).text
            stories = 0
            for _ in range(12):  # until a behavioural question has had the story
                behavioural = BEHAVIOURAL_RE.search(line) is not None
                line = await reply_to(user, NO_RESULT if behavioural else ANSWER)
                stories += behavioural
                if stories and not behavioural:
                    break
            assert stories, user.transcript()
            report, interview = await end_and_read_report(user)
            assert "Question by question" in report
            assert "STAR: missing Result" in report, report
            stored = interview_report.stored_report(interview)
            assert stored is not None
            starred = [q for q in stored.questions if q.star_missing is not None]
            assert starred and all(q.star_missing == ["Result"] for q in starred)
