"""The AI gateway's contract, the same on both backends (offline coach and OpenAI-compatible).

Honest grading: an answer with no content (a few words, gibberish, "I don't know", a copy of
the question) is rated 1-2 with feedback that says why before any model is asked, and a model's
rating is never shown without reasons. The OpenAI backend runs against `tests.fake_openai`.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.ai.errors import AIFailure, AIUnavailableError
from bot.ai.gateway import AIGateway, build_gateway
from bot.ai.offline.coach import OfflineCoach
from bot.ai.openai_backend import OpenAIBackend
from bot.ai.schemas import (
    REPORT_CATEGORIES,
    RESUME_CATEGORIES,
    GradeResult,
    InterviewPlan,
    InterviewReport,
    JobContext,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.settings import Settings
from tests.conftest import openai_settings
from tests.fake_openai import FakeOpenAI
from tests.helpers import REPORT, RESUME

BACKENDS = ("offline", "openai")

JOB = JobContext(
    name="Acme backend",
    title="Python Developer",
    experience_level="mid-level",
    description="We need Python, asyncio, REST APIs and PostgreSQL experience.",
)
QUESTION = "What is the difference between a list and a tuple in Python?"
REAL_ANSWER = (
    "A list is mutable, so you can append or change items; a tuple is immutable, which makes "
    "it hashable and usable as a dict key when its items are hashable."
)

# (answer, expected rating, words of the feedback that say why)
NO_CONTENT: list[tuple[str, int, str]] = [
    ("", 1, "no answer"),
    ("   \n ", 1, "no answer"),
    ("I don't know", 1, "don't know"),
    ("idk", 1, "don't know"),
    ("No idea, sorry.", 1, "don't know"),
    ("pass", 1, "don't know"),
    ("asdfghjkl", 1, "gibberish"),
    ("sdfkjh qwpoeiru zxmnvb lkjhgf", 1, "gibberish"),
    ("A tuple.", 2, "too short"),
    ("list tuple", 2, "too short"),
    (QUESTION, 1, "repeats the question"),
    ("the difference between a list and a tuple in python", 1, "repeats the question"),
]

QUESTION_TEXT = "How would you design rate limiting for a public REST API?"
GREETING = "Hi Anna! Welcome. What drew you to this role?"
CLOSING = "Thank you, Anna, that's all for today. [END]"
GOOD_GRADE: dict[str, Any] = {
    "rating": 8,
    "feedback": "You named mutability and hashability; add a memory or speed trade-off.",
    "model_answer": "Lists are mutable; tuples are immutable and hashable if their items are.",
}
RESUME_TEXT = """Anna Smith — Python Developer
anna@example.com | Berlin

Experience
Backend developer, Shopco (2021-2024): built REST APIs in Python with asyncio and PostgreSQL,
cut p95 latency by 40%, led the migration to Kubernetes.

Skills: Python, asyncio, PostgreSQL, Docker, REST, Git
"""
TRANSCRIPT = [
    TranscriptLine("interviewer", "Hi Anna! Tell me about a project you are proud of."),
    TranscriptLine(
        "candidate",
        "I built an asyncio crawler that fetched ten thousand pages a minute and stored them "
        "in PostgreSQL; I used a semaphore to cap concurrency and retried failed requests.",
        seconds=41.6,
    ),
    TranscriptLine("interviewer", "How did you test it?"),
    TranscriptLine(
        "candidate",
        "With pytest and a local fake server, plus a load test before each release.",
        seconds=25.0,
    ),
]


def offline_settings() -> Settings:
    return Settings(_env_file=None, openai_api_key=None)  # type: ignore[call-arg]


def scripted_model(body: dict[str, Any]) -> str | dict[str, Any]:
    """A well-behaved model: answers each kind of request with a valid reply."""
    if body.get("stream"):
        prompt = "\n".join(m["content"] for m in body["messages"])
        if "<previous_questions>" in prompt:
            return QUESTION_TEXT
        return CLOSING if "Close the interview now" in prompt else GREETING
    name = body["response_format"]["json_schema"]["name"]
    return {"GradeResult": GOOD_GRADE, "InterviewReport": REPORT, "ResumeAnalysis": RESUME}[name]


@pytest.fixture
async def openai_gateway(fake: FakeOpenAI) -> AsyncIterator[AIGateway]:
    gateway = build_gateway(openai_settings(fake))
    yield gateway
    await gateway.aclose()


@pytest.fixture(params=BACKENDS)
async def gateway(request: pytest.FixtureRequest, fake: FakeOpenAI) -> AsyncIterator[AIGateway]:
    """Each backend in turn; the OpenAI one talks to a fake that answers every request well."""
    if request.param == "offline":
        yield build_gateway(offline_settings())
        return
    fake.default = scripted_model
    gateway = build_gateway(openai_settings(fake))
    yield gateway
    await gateway.aclose()


# ----- choosing the backend ----------------------------------------------------------------


def test_no_key_gives_the_offline_coach() -> None:
    gateway = build_gateway(offline_settings())

    assert gateway.offline
    assert isinstance(gateway.backend, OfflineCoach)
    assert not gateway.has_speech


def test_blank_key_gives_the_offline_coach() -> None:
    gateway = build_gateway(Settings(_env_file=None, openai_api_key=""))  # type: ignore[call-arg]

    assert gateway.offline
    assert isinstance(gateway.backend, OfflineCoach)


async def test_key_gives_the_openai_backend(fake: FakeOpenAI) -> None:
    gateway = build_gateway(openai_settings(fake))

    assert not gateway.offline
    assert isinstance(gateway.backend, OpenAIBackend)
    assert gateway.has_speech
    assert fake.requests == []  # building the gateway asks the model nothing
    await gateway.discover()  # started by build_gateway in a running loop: one model listing
    assert fake.model_listings == 1 and fake.requests == []
    assert gateway.has_speech  # the OpenAI-style server lists whisper-1 and tts-1
    await gateway.aclose()


async def test_speech_follows_the_speech_models(fake: FakeOpenAI) -> None:
    gateway = build_gateway(openai_settings(fake, openai_transcription_model=""))

    assert not gateway.offline
    assert not gateway.has_speech
    await gateway.aclose()


# ----- honest grading ----------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "rating", "why"), NO_CONTENT)
async def test_no_content_answer_is_rated_low_offline(answer: str, rating: int, why: str) -> None:
    gateway = build_gateway(offline_settings())

    result = await gateway.grade_answer(JOB, QUESTION, answer)

    assert result.rating == rating
    assert why in result.feedback.lower()
    assert "trying again" in result.model_answer  # no reference answer handed out for nothing


@pytest.mark.parametrize(("answer", "rating", "why"), NO_CONTENT)
async def test_no_content_answer_is_rated_low_before_any_model_call(
    fake: FakeOpenAI, openai_gateway: AIGateway, answer: str, rating: int, why: str
) -> None:
    fake.default = lambda body: {**GOOD_GRADE, "rating": 10}  # a flatterer, if it were asked

    result = await openai_gateway.grade_answer(JOB, QUESTION, answer)

    assert result.rating == rating
    assert why in result.feedback.lower()
    assert "trying again" in result.model_answer
    assert fake.chat_bodies == []
    assert fake.requests == []


async def test_real_answer_is_graded_by_the_model(
    fake: FakeOpenAI, openai_gateway: AIGateway
) -> None:
    fake.reply_json(GOOD_GRADE)

    result = await openai_gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert result == GradeResult(**GOOD_GRADE)
    [body] = fake.chat_bodies
    user = body["messages"][-1]["content"]
    assert f"<question>\n{QUESTION}\n</question>" in user
    assert f"<answer>\n{REAL_ANSWER}\n</answer>" in user
    assert fake.pending() == 0


async def test_real_answer_is_graded_offline_with_reasons() -> None:
    gateway = build_gateway(offline_settings())

    result = await gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert 3 <= result.rating <= 10
    assert result.feedback.strip()
    assert result.model_answer.strip()


@pytest.mark.parametrize(
    "reply",
    [
        {**GOOD_GRADE, "feedback": ""},
        {**GOOD_GRADE, "feedback": "  \n\t "},
        {"rating": 9, "model_answer": GOOD_GRADE["model_answer"]},
    ],
    ids=["empty", "blank", "missing"],
)
async def test_rating_without_feedback_is_never_shown(
    fake: FakeOpenAI, openai_gateway: AIGateway, reply: dict[str, Any]
) -> None:
    fake.reply_json(reply, times=2)

    with pytest.raises(AIUnavailableError) as caught:
        await openai_gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert caught.value.kind is AIFailure.BAD_OUTPUT
    first, retry = fake.chat_bodies  # the reply, then one corrective retry
    assert first["messages"] == retry["messages"][: len(first["messages"])]
    correction = retry["messages"][-1]["content"]
    assert "could not be used: feedback:" in correction
    assert fake.pending() == 0


async def test_rating_without_feedback_is_replaced_by_the_corrected_reply(
    fake: FakeOpenAI, openai_gateway: AIGateway
) -> None:
    fake.reply_json({**GOOD_GRADE, "rating": 10, "feedback": " "})
    fake.reply_json(GOOD_GRADE)

    result = await openai_gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert result == GradeResult(**GOOD_GRADE)
    assert len(fake.chat_bodies) == 2


async def test_rating_without_feedback_in_the_text_layout_is_never_shown(
    fake: FakeOpenAI, openai_gateway: AIGateway
) -> None:
    fake.refuse_response_format("json_schema", "json_object")
    fake.reply_text("Rating: 9/10\n\nFeedback:\n\nModel answer:\nLists are mutable.", times=2)

    with pytest.raises(AIUnavailableError):
        await openai_gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert [b.get("response_format") for b in fake.chat_bodies][-2:] == [None, None]
    assert fake.pending() == 0


async def test_stray_json_lines_around_a_field_are_dropped(
    fake: FakeOpenAI, openai_gateway: AIGateway
) -> None:
    """A small model on llama.cpp left a "}" line at the top of its model answer."""
    fake.refuse_response_format("json_schema", "json_object")
    fake.reply_text(
        "Rating: 6/10\n\nFeedback:\nRight idea; name the trade-off.\n\n"
        "Model answer:\n}\nLists are mutable, tuples are not.\n```"
    )

    result = await openai_gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert result.model_answer == "Lists are mutable, tuples are not."
    assert result.feedback == "Right idea; name the trade-off."


@pytest.mark.parametrize(
    "answer", ["a" * 20_000, "a_" * 10_000, "x" + "\n" * 20_000 + "x"], ids=["word", "_", "lines"]
)
async def test_a_hostile_answer_is_rated_quickly_and_never_sent(
    gateway: AIGateway, fake: FakeOpenAI, answer: str
) -> None:
    # The no-content check runs in the event loop before either backend: it must stay fast
    # on answers built to make a regular expression backtrack (it took seconds, for everyone).
    start = time.perf_counter()
    result = await gateway.grade_answer(JOB, QUESTION, answer)
    elapsed = time.perf_counter() - start

    assert result.rating in (1, 2)
    assert "trying again" in result.model_answer
    assert fake.chat_bodies == []
    assert elapsed < 0.5  # quadratic patterns took seconds here


# ----- every function returns a validated result, on both backends -------------------------


async def test_generate_question_streams_a_question(gateway: AIGateway, fake: FakeOpenAI) -> None:
    stream = gateway.generate_question(JOB, "medium", ["Explain the GIL."])
    deltas = [delta async for delta in stream]

    assert stream.finished
    assert stream.text.strip()
    assert "".join(deltas).strip() == stream.text
    assert not stream.ends_interview
    if not gateway.offline:
        assert stream.text == QUESTION_TEXT
        [body] = fake.chat_bodies
        assert body["stream"] is True


async def test_grade_answer_returns_a_validated_grade(gateway: AIGateway, fake: FakeOpenAI) -> None:
    result = await gateway.grade_answer(JOB, QUESTION, REAL_ANSWER)

    assert isinstance(result, GradeResult)
    assert GradeResult.model_validate(result.model_dump()) == result
    assert 1 <= result.rating <= 10
    assert result.feedback.strip() and result.model_answer.strip()
    if not gateway.offline:
        assert result == GradeResult(**GOOD_GRADE)
        assert len(fake.chat_bodies) == 1


async def test_interviewer_turn_opens_and_closes(gateway: AIGateway, fake: FakeOpenAI) -> None:
    opening = gateway.interviewer_turn(JOB, [], InterviewPlan(candidate_name="Anna"))
    await opening.collect()
    plan = InterviewPlan(candidate_name="Anna", max_questions=4, must_close=True)
    closing = gateway.interviewer_turn(JOB, TRANSCRIPT, plan)
    await closing.collect()

    assert opening.text.strip() and not opening.ends_interview
    assert closing.text.strip() and closing.ends_interview
    assert "[END]" not in opening.text + closing.text
    if not gateway.offline:
        assert opening.text == GREETING
        assert closing.text == "Thank you, Anna, that's all for today."
        assert len(fake.chat_bodies) == 2


async def test_interview_report_has_the_seven_categories(
    gateway: AIGateway, fake: FakeOpenAI
) -> None:
    report = await gateway.interview_report(JOB, TRANSCRIPT, "Anna")

    assert isinstance(report, InterviewReport)
    assert InterviewReport.model_validate(report.model_dump()) == report
    assert [c.name for c in report.categories] == list(REPORT_CATEGORIES)
    assert report.category("Pacing and Timing").rating is None  # typed: pacing not measured
    rated = [c for c in report.categories if c.name != "Pacing and Timing"]
    assert all(c.rating is not None and 1 <= c.rating <= 10 for c in rated)
    assert all(c.text.strip() for c in report.categories)
    assert 1 <= report.overall_rating <= 10 and report.summary.strip()
    if not gateway.offline:
        assert report.summary == REPORT["summary"]
        assert len(fake.chat_bodies) == 1


async def test_analyze_resume_has_the_five_categories(gateway: AIGateway, fake: FakeOpenAI) -> None:
    analysis = await gateway.analyze_resume(JOB, RESUME_TEXT)

    assert isinstance(analysis, ResumeAnalysis)
    assert ResumeAnalysis.model_validate(analysis.model_dump()) == analysis
    categories = analysis.categories()
    assert [name for name, _ in categories] == list(RESUME_CATEGORIES)
    assert all(1 <= c.score <= 10 and c.summary.strip() for _, c in categories)
    assert 1 <= analysis.overall_score <= 10
    if not gateway.offline:
        assert analysis == ResumeAnalysis.model_validate(RESUME)
        assert len(fake.chat_bodies) == 1
