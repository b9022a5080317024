"""The gateway against each kind of model server (`tests.fake_openai.PROFILES`): OpenAI,
llama-cpp-python, Ollama and vLLM refuse and answer differently; every feature must work on all
of them, finding out once what each supports. Also bounded calls (max_tokens, one deadline, no
retry after a timeout), the still-writing notice, output hygiene and readable logs.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.ai.errors import MESSAGES, AIFailure, AIUnavailableError, SpeechUnavailableError
from bot.ai.gateway import AIGateway, build_gateway
from bot.ai.openai_backend import OpenAIBackend
from bot.ai.schemas import (
    REPORT_CATEGORIES,
    GradeResult,
    InterviewPlan,
    InterviewReport,
    JobContext,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.ai.streams import on_slow_reply
from bot.i18n import texts as catalogue
from bot.logs import RedactSecrets, secrets_of
from models import Interview
from models.interviews import InterviewMessage
from tests.conftest import model_settings, openai_settings, run_harness_clean
from tests.fake_openai import PROFILES, RUNAWAY_WORD, FakeOpenAI, Reply
from tests.helpers import REPORT, RESUME, new_job

JOB = JobContext(
    name="Acme backend",
    title="Python Developer",
    experience_level="mid-level",
    description="We need Python, asyncio, REST APIs and PostgreSQL experience.",
)
QUESTION = "What is a Python decorator, and when would you use one?"
ANSWER = (
    "A decorator is a function that takes a function and returns a wrapped one; I use "
    "decorators for logging, caching and checking permissions."
)
# Feedback over two lines: a grammar-constrained server sends the newline raw.
GRADE: dict[str, Any] = {
    "rating": 8,
    "feedback": "You named what a decorator does.\nAdd how functools.wraps keeps the name.",
    "model_answer": "A decorator wraps a function to add behaviour, e.g. @functools.cache.",
}
NEW_QUESTION = "How would you design rate limiting for a public REST API?"
GREETING = "Hi Anna! Welcome. What drew you to this role?"
TRANSCRIPT = [
    TranscriptLine("interviewer", "Hi Anna! Tell me about a project you are proud of."),
    TranscriptLine("candidate", "I built an asyncio crawler with PostgreSQL.", seconds=41.6),
]
RESUME_TEXT = "Anna Smith — Python developer. Built REST APIs with asyncio and PostgreSQL."
# The form each server ends up using for structured results, and the refusals on the way.
EXPECTED_FORM = {
    "openai": ("json_schema", 0),
    "llama-cpp-python": ("json_object_schema", 1),
    "ollama": ("json_schema", 0),
    "vllm": ("json_schema", 0),
}


def form(body: dict[str, Any]) -> str | None:
    response_format = body.get("response_format")
    if response_format is None:
        return None
    if response_format["type"] == "json_object" and "schema" in response_format:
        return "json_object_schema"
    return response_format["type"]


def prompt_of(body: dict[str, Any]) -> str:
    return "\n".join(str(m["content"]) for m in body["messages"])


def model(body: dict[str, Any]) -> str | dict[str, Any]:
    """A competent model behind any server: it answers each kind of request validly."""
    prompt = prompt_of(body)
    if body.get("stream"):
        if "<previous_questions>" in prompt:
            return NEW_QUESTION
        return "Thank you, Anna. [END]" if "Close the interview now" in prompt else GREETING
    if "grading a practice answer" in prompt:
        return GRADE
    if "feedback report" in prompt:
        return REPORT
    return RESUME


@pytest.fixture(params=sorted(PROFILES))
async def server(request: pytest.FixtureRequest) -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI(profile=request.param) as fake:
        fake.default = model
        yield fake


@pytest.fixture
async def gateway(server: FakeOpenAI) -> AsyncIterator[AIGateway]:
    gateway = build_gateway(openai_settings(server, ai_max_retries=2, ai_timeout_seconds=5))
    yield gateway
    await gateway.aclose()


def backend_of(gateway: AIGateway) -> OpenAIBackend:
    assert isinstance(gateway.backend, OpenAIBackend)
    return gateway.backend


# ----- every feature, on every server ------------------------------------------------------


async def test_structured_results_on_every_server_with_the_form_found_once(
    server: FakeOpenAI, gateway: AIGateway
) -> None:
    grade = await gateway.grade_answer(JOB, QUESTION, ANSWER)
    report = await gateway.interview_report(JOB, TRANSCRIPT, "Anna")
    analysis = await gateway.analyze_resume(JOB, RESUME_TEXT)
    again = await gateway.grade_answer(JOB, QUESTION, ANSWER)

    assert grade == again == GradeResult(**GRADE)  # raw newlines in strings parsed
    assert "\n" in grade.feedback
    assert isinstance(report, InterviewReport)
    assert [c.name for c in report.categories] == list(REPORT_CATEGORIES)
    assert analysis == ResumeAnalysis.model_validate(RESUME)
    expected, refusals = EXPECTED_FORM[server.profile.name]
    forms = [form(body) for body in server.chat_bodies]
    # The first call may be refused once; from then on every call uses the found form.
    assert forms == ["json_schema"] * refusals + [expected] * 4
    assert backend_of(gateway).mode == expected
    assert backend_of(gateway).format_refusals == refusals


async def test_llama_cpp_gets_score_ranges_it_can_enforce() -> None:
    """llama-cpp-python's grammar ignores minimum/maximum (SmolLM2-135M scored 70 out of 10
    when tried) but keeps an enum: ranges are spelled out for it, not for a strict server."""
    async with FakeOpenAI(profile="llama-cpp-python") as fake:
        fake.reply_json(GRADE, times=2)
        backend = OpenAIBackend(openai_settings(fake))
        await backend.grade_answer(JOB, QUESTION, ANSWER)
        await backend.aclose()

    strict, grammar = (b["response_format"] for b in fake.chat_bodies)
    assert "enum" not in strict["json_schema"]["schema"]["properties"]["rating"]
    rating = grammar["schema"]["properties"]["rating"]
    assert rating["enum"] == list(range(1, 11)) and rating["type"] == "integer"


async def test_streams_on_every_server_never_show_echoed_tags(
    server: FakeOpenAI, gateway: AIGateway
) -> None:
    question = gateway.generate_question(JOB, "medium", ["Explain the GIL."])
    deltas = [delta async for delta in question]
    opening = gateway.interviewer_turn(JOB, [], InterviewPlan(candidate_name="Anna"))
    shown = [delta async for delta in opening]
    closing = gateway.interviewer_turn(
        JOB, TRANSCRIPT, InterviewPlan(candidate_name="Anna", must_close=True)
    )
    await closing.collect()

    assert question.text == "".join(deltas).strip() == NEW_QUESTION
    assert opening.text == "".join(shown).strip() == GREETING
    assert closing.text == "Thank you, Anna." and closing.ends_interview
    for text in (*deltas, *shown, closing.text):
        assert "<" not in text and "I once built" not in text
    if server.profile.echo_tags:  # the model did echo; the cleaning removed it
        streamed = [b for b in server.chat_bodies if b.get("stream")]
        assert len(streamed) == 3  # and nothing needed asking twice
    assert all(body["max_tokens"] for body in server.chat_bodies)


async def test_speech_only_where_the_server_has_it(server: FakeOpenAI, gateway: AIGateway) -> None:
    await gateway.discover()
    await gateway.discover()  # once is enough

    assert server.model_listings == 1
    assert gateway.has_speech == server.profile.audio
    if not server.profile.audio:
        with pytest.raises(SpeechUnavailableError) as caught:
            await gateway.speak("Hello")
        assert caught.value.kind is AIFailure.NO_SPEECH
        assert server.requests == []  # not even tried


async def test_usage_is_estimated_when_the_server_sends_none(
    server: FakeOpenAI, gateway: AIGateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.ai.usage")

    await gateway.generate_question(JOB, "easy", []).collect()

    [line] = [r.getMessage() for r in caplog.records if r.name == "bot.ai.usage"]
    if server.profile.stream_usage:
        assert "usage=server" in line and "prompt_tokens=~" not in line
    else:
        assert "usage=estimated" in line
        assert "prompt_tokens=~" in line and "completion_tokens=~" in line


# ----- discovery details -------------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 422, 500])
async def test_a_format_refusal_of_any_status_is_not_retried(status: int) -> None:
    async with FakeOpenAI(profile="vllm") as fake:
        fake.refuse_response_format("json_schema", status=status)
        fake.reply_json(GRADE)
        backend = OpenAIBackend(openai_settings(fake, ai_max_retries=3))

        result = await backend.grade_answer(JOB, QUESTION, ANSWER)
        await backend.aclose()

    assert result == GradeResult(**GRADE)
    assert [form(b) for b in fake.chat_bodies] == ["json_schema", "json_object_schema"]


async def test_a_plain_500_is_still_retried_and_keeps_the_mode() -> None:
    async with FakeOpenAI() as fake:
        fake.reply_status(500, "The server had an error", times=2)
        fake.reply_json(GRADE)
        backend = OpenAIBackend(openai_settings(fake, ai_max_retries=3))

        result = await backend.grade_answer(JOB, QUESTION, ANSWER)
        await backend.aclose()

    assert result.rating == 8
    assert [form(b) for b in fake.chat_bodies] == ["json_schema"] * 3
    assert backend.mode == "json_schema"


async def test_a_failing_voice_call_turns_speech_off() -> None:
    # The model list can't tell (the server lists nothing useful); the first 404 can.
    async with FakeOpenAI(profile="llama-cpp-python") as fake:
        backend = OpenAIBackend(openai_settings(fake))
        assert backend.has_speech  # not discovered yet

        with pytest.raises(SpeechUnavailableError) as caught:
            await backend.speak("Hello")
        await backend.aclose()

    assert caught.value.kind is AIFailure.NO_SPEECH
    assert not backend.has_speech
    assert [r.path for r in fake.requests] == ["/v1/audio/speech"]


# ----- bounded calls -----------------------------------------------------------------------


async def test_a_runaway_stream_is_cut_by_max_tokens() -> None:
    async with FakeOpenAI(profile="llama-cpp-python") as fake:
        fake.reply_runaway(token_delay=0.001)
        backend = OpenAIBackend(openai_settings(fake, ai_max_tokens_question=60))
        started = time.perf_counter()

        text = await backend.generate_question(JOB, "easy", []).collect()
        await backend.aclose()

    assert fake.chat_bodies[0]["max_tokens"] == 60
    assert text.split() == [RUNAWAY_WORD.strip()] * 60
    assert time.perf_counter() - started < 3  # 4,096 tokens at 1 ms each would take 4 s+


async def test_a_runaway_structured_reply_is_cut_and_never_shown() -> None:
    async with FakeOpenAI() as fake:
        fake.reply_runaway(times=2)
        backend = OpenAIBackend(openai_settings(fake, ai_max_tokens_grade=80))

        with pytest.raises(AIUnavailableError) as caught:
            await backend.grade_answer(JOB, QUESTION, ANSWER)
        await backend.aclose()

    assert caught.value.kind is AIFailure.BAD_OUTPUT
    assert [b["max_tokens"] for b in fake.chat_bodies] == [80, 80]
    assert "cut off at the limit of 80 tokens" in prompt_of(fake.chat_bodies[1])
    # The cut reply is not sent back: on a small context it would leave no room for a new one
    # (llama.cpp with n_ctx 4096 refused the report's retry with HTTP 400 when tried).
    assert [m["role"] for m in fake.chat_bodies[1]["messages"]] == [
        m["role"] for m in fake.chat_bodies[0]["messages"]
    ] + ["user"]
    assert "blah blah" not in prompt_of(fake.chat_bodies[1])


async def test_a_correction_too_long_for_a_small_context_is_asked_without_the_reply() -> None:
    """llama.cpp with n_ctx 4096 refused the corrective retry of an interview report (the
    prompt, the model's invalid reply and room for a new one did not fit): ask again
    without the old reply instead of giving up."""
    async with FakeOpenAI() as fake:
        fake.reply_json({"rating": 70, "feedback": "Good.", "model_answer": "Lists change."})
        fake.reply_status(
            400,
            "This model's maximum context length is 4096 tokens. However, you requested "
            "6358 tokens (5158 in the messages, 1200 in the completion).",
        )
        fake.reply_json({"rating": 7, "feedback": "Right idea.", "model_answer": "Lists change."})
        backend = OpenAIBackend(openai_settings(fake))

        result = await backend.grade_answer(JOB, QUESTION, ANSWER)
        await backend.aclose()

    assert result.rating == 7
    first, overflowed, asked_anew = fake.chat_bodies
    assert [m["role"] for m in overflowed["messages"]][-2:] == ["assistant", "user"]
    assert [m["role"] for m in asked_anew["messages"]] == [m["role"] for m in first["messages"]] + [
        "user"
    ]
    assert "less than or equal to 10" in prompt_of(asked_anew)


async def test_a_timeout_is_not_retried() -> None:
    async with FakeOpenAI() as fake:
        fake.reply_delay(3.0, times=4)
        backend = OpenAIBackend(openai_settings(fake, ai_timeout_seconds=0.5, ai_max_retries=3))
        started = time.perf_counter()

        with pytest.raises(AIUnavailableError) as caught:
            await backend.grade_answer(JOB, QUESTION, ANSWER)
        elapsed = time.perf_counter() - started
        await backend.aclose()

    assert len(fake.chat_bodies) == 1  # no second request queued behind the first
    assert caught.value.kind is AIFailure.TIMEOUT
    assert elapsed < 1.5


async def test_a_failing_call_is_told_within_the_timeout_retries_included() -> None:
    async with FakeOpenAI() as fake:
        fake.reply_status(503, "overloaded", retry_after=0.4, times=10)
        backend = OpenAIBackend(openai_settings(fake, ai_timeout_seconds=1.0, ai_max_retries=8))
        started = time.perf_counter()

        with pytest.raises(AIUnavailableError):
            await backend.analyze_resume(JOB, RESUME_TEXT)
        elapsed = time.perf_counter() - started
        await backend.aclose()

    assert 2 <= len(fake.chat_bodies) <= 3
    assert elapsed < 1.5


async def test_a_stream_that_says_nothing_is_given_up_within_the_timeout() -> None:
    async with FakeOpenAI() as fake:
        fake.reply_delay(3.0)
        backend = OpenAIBackend(openai_settings(fake, ai_timeout_seconds=0.5, ai_max_retries=3))
        started = time.perf_counter()

        with pytest.raises(AIUnavailableError) as caught:
            await backend.generate_question(JOB, "easy", []).collect()
        await backend.aclose()

    assert caught.value.kind is AIFailure.TIMEOUT
    assert len(fake.chat_bodies) == 1
    assert time.perf_counter() - started < 1.5


# ----- the still-writing notice ------------------------------------------------------------


@pytest.mark.parametrize("call", ["grade", "stream"])
async def test_a_slow_model_triggers_the_still_writing_notice_once(call: str) -> None:
    notices: list[float] = []

    async def notice() -> None:
        notices.append(time.perf_counter())

    async with FakeOpenAI() as fake:
        fake.default = model
        fake.reply_json(GRADE, delay=0.8) if call == "grade" else fake.reply_delay(0.8, "Hi?")
        backend = OpenAIBackend(openai_settings(fake, ai_still_writing_seconds=0.2))
        started = time.perf_counter()
        with on_slow_reply(notice):
            if call == "grade":
                await backend.grade_answer(JOB, QUESTION, ANSWER)
            else:
                await backend.generate_question(JOB, "easy", []).collect()
            # a quick call in the same block says nothing
            await backend.generate_question(JOB, "easy", []).collect()
        await backend.aclose()

    assert len(notices) == 1
    assert 0.15 <= notices[0] - started < 0.7


async def test_no_notice_without_a_listener_or_for_a_quick_reply() -> None:
    notices: list[str] = []

    async def notice() -> None:
        notices.append("sent")

    async with FakeOpenAI() as fake:
        fake.default = model
        backend = OpenAIBackend(openai_settings(fake, ai_still_writing_seconds=0.3))
        with on_slow_reply(notice):
            await backend.grade_answer(JOB, QUESTION, ANSWER)
        fake.reply_json(GRADE, delay=0.5)
        await backend.grade_answer(JOB, QUESTION, ANSWER)  # slow, but nobody listens
        await asyncio.sleep(0.4)
        await backend.aclose()

    assert notices == []


# ----- hygiene: the interviewer never speaks for the candidate -----------------------------


async def test_an_interviewer_line_empty_after_cleaning_is_asked_again_then_taken_from_the_bank(
    fake: FakeOpenAI,
) -> None:
    echo_only = "<transcript>\n<interviewer>Hi</interviewer>\n</transcript>"
    fake.reply_text(echo_only)
    fake.reply_text('<candidate seconds="12">I would use a queue.</candidate>')
    backend = OpenAIBackend(openai_settings(fake))
    plan = InterviewPlan(candidate_name="Anna")

    stream = backend.interviewer_turn(JOB, TRANSCRIPT, plan)
    text = await stream.collect()
    await backend.aclose()

    assert len(fake.chat_bodies) == 2  # asked once more, then the offline bank's question
    assert text.strip() and "<" not in text and "queue" not in text
    assert text.endswith("?") or "?" in text


async def test_an_empty_question_is_asked_again(fake: FakeOpenAI) -> None:
    fake.reply_text("<job_name>\nAcme backend\n</job_name>")
    fake.reply_text(f"<question>{NEW_QUESTION}</question>")
    backend = OpenAIBackend(openai_settings(fake))

    text = await backend.generate_question(JOB, "easy", []).collect()
    await backend.aclose()

    assert text == NEW_QUESTION
    assert len(fake.chat_bodies) == 2


async def test_a_question_the_model_answers_itself_is_cut_at_the_answer(
    fake: FakeOpenAI,
) -> None:
    """What SmolLM2-135M on llama-cpp-python wrote when tried: a labelled question, then its
    own answer and more. Only the question is shown and kept."""
    fake.reply_text(
        "**Question:** How does a database index speed up a query?\n"
        "Answer: It is a B-tree, so the database avoids a full scan.\n"
        "Time taken: 20 minutes\nYour Answer:\nI've added a few things"
    )
    backend = OpenAIBackend(openai_settings(fake))

    text = await backend.generate_question(JOB, "easy", []).collect()
    await backend.aclose()

    assert text == "How does a database index speed up a query?"


async def test_made_up_candidate_lines_stop_the_stream_early(fake: FakeOpenAI) -> None:
    made_up = "\n".join(f"Candidate: made-up answer {i}.\nInterviewer: ok." for i in range(200))
    fake.reply_text(f"Great, thanks. What is a closure?\n{made_up}")
    backend = OpenAIBackend(openai_settings(fake))

    stream = backend.interviewer_turn(JOB, TRANSCRIPT, InterviewPlan(candidate_name="Anna"))
    text = await stream.collect()
    await backend.aclose()

    assert text == "Great, thanks. What is a closure?"


# ----- honest ratings: a flattering model is capped by relevance ----------------------------


async def test_a_nonsense_answer_rated_ten_by_the_model_is_capped(
    fake: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.ai.honesty")
    fake.reply_json({**GRADE, "rating": 10, "feedback": "Excellent, perfect answer!"})
    gateway = build_gateway(openai_settings(fake))

    result = await gateway.grade_answer(JOB, QUESTION, "purple monkey dishwasher")
    await gateway.aclose()

    assert result.rating <= 2
    assert result.feedback.startswith(MESSAGES["rating_capped"].format(rating=result.rating))
    assert "capped" in caplog.text


async def test_a_parroting_reference_answer_does_not_vouch_for_nonsense(fake: FakeOpenAI) -> None:
    parrot = {"rating": 9, "feedback": "Good.", "model_answer": "Purple monkey dishwasher!"}
    fake.reply_json(parrot)
    gateway = build_gateway(openai_settings(fake))

    result = await gateway.grade_answer(JOB, QUESTION, "purple monkey dishwasher")
    await gateway.aclose()

    assert result.rating <= 2


async def test_a_relevant_answer_keeps_the_models_rating(fake: FakeOpenAI) -> None:
    fake.reply_json({**GRADE, "rating": 9})
    gateway = build_gateway(openai_settings(fake))

    result = await gateway.grade_answer(JOB, QUESTION, ANSWER)
    await gateway.aclose()

    assert result.rating == 9
    assert result.feedback == GRADE["feedback"]


# ----- logs stay readable with a placeholder key -------------------------------------------


async def test_a_short_placeholder_key_leaves_logs_readable(
    fake: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    settings = openai_settings(fake, openai_api_key="x", ai_max_retries=0)
    fake.reply_status(400, "max_tokens exceeds the context of this model")
    backend = OpenAIBackend(settings)

    with pytest.raises(AIUnavailableError):
        await backend.generate_question(JOB, "easy", []).collect()
    await backend.aclose()
    record = logging.LogRecord("bot", logging.INFO, __file__, 1, "ready: %s", ("max x",), None)
    RedactSecrets(secrets_of(settings)).filter(record)

    assert "max_tokens exceeds the context" in caplog.text
    assert "***" not in caplog.text
    assert record.getMessage() == "ready: max x"


def test_a_real_secret_is_masked_by_exact_match() -> None:
    secret = "sk-proj-Abc.123+xyz"  # regex metacharacters: matched literally
    record = logging.LogRecord(
        "bot", logging.INFO, __file__, 1, "key %s and %s", (secret, "SK-PROJ-ABC.123+XYZ"), None
    )

    RedactSecrets([secret, "x"]).filter(record)

    assert record.getMessage() == "key *** and SK-PROJ-ABC.123+XYZ"


# ----- through the bot, on the weak local server -------------------------------------------


class WeakModel:
    """What SmolLM2 on llama.cpp did in the trial: it answers, then echoes our tags and plays
    the candidate (the server profile adds those to every streamed reply)."""

    def __call__(self, body: dict[str, Any]) -> str | dict[str, Any]:
        prompt = prompt_of(body)
        if body.get("stream"):
            if "Close the interview now" in prompt:
                return "Thank you, Grace. Your report follows. [END]"
            if "(empty: the interview has not started)" in prompt:
                return "Hello Grace! Tell me about a project you are proud of."
            return "Thanks. How would you design a REST API for orders?"
        return REPORT


async def test_an_interview_on_llama_cpp_stores_and_shows_no_echo(
    database_url: str, tmp_path: Path
) -> None:
    async with FakeOpenAI(profile="llama-cpp-python") as fake:
        fake.default = WeakModel()
        settings = model_settings(database_url, tmp_path, fake, interview_max_questions=2)
        async with run_harness_clean(settings) as bot:
            await bot.app.bot_data["services"].gateway.discover()
            user = bot.user("Grace")
            await new_job(user)
            await user.send("/interview")
            await user.expect("Hello Grace")
            await user.send("I led the migration of our billing service to Django services.")
            await user.expect("REST API for orders")
            await user.send("Orders, items and payments as resources, with pagination.")
            await user.expect("Overall rating")
            seen = "\n".join(m.text for m in user.chat)
            buttons = [label for m in user.chat for label in user.buttons(m)]
            interview = await Interview.filter(job_info__user_id=user.id).first()
            assert interview is not None
            lines = await InterviewMessage.filter(interview_id=interview.id).order_by("id")

    for text in [seen, *(line.text for line in lines)]:
        assert "<candidate" not in text and "</interviewer>" not in text
        assert "I once built a thing" not in text
    assert [line.role for line in lines] == [
        "interviewer",
        "candidate",
        "interviewer",
        "candidate",
        "interviewer",
    ]
    assert "voice message" not in seen  # no audio on this server: only text is offered
    assert not any("Voice replies" in b for b in buttons)
    forms = [form(b) for b in fake.chat_bodies if not b.get("stream")]
    assert forms == ["json_schema", "json_object_schema"]


class SlowReportModel(WeakModel):
    """The weak model, and its report takes a while."""

    def __call__(self, body: dict[str, Any]) -> str | dict[str, Any] | Reply:
        answer = super().__call__(body)
        if body.get("stream"):
            return answer
        return Reply(chunks=[json.dumps(answer)], delay=1.0)


async def test_a_slow_report_tells_the_user_the_coach_is_still_writing(
    database_url: str, tmp_path: Path
) -> None:
    async with FakeOpenAI() as fake:
        fake.default = SlowReportModel()
        settings = model_settings(
            database_url,
            tmp_path,
            fake,
            interview_max_questions=1,
            ai_still_writing_seconds=0.3,
        )
        async with run_harness_clean(settings) as bot:
            user = bot.user("Grace")
            await new_job(user)
            await user.send("/interview")
            await user.expect("Hello Grace")
            await user.send("I led the migration of our billing service to Django services.")
            await user.expect("Overall rating")
            texts = [m.text for m in user.bot_messages]

    notices = [
        i for i, text in enumerate(texts) if text == catalogue("en").plain("ai-still-writing")
    ]
    report = next(i for i, text in enumerate(texts) if "Overall rating" in text)
    assert len(notices) == 1 and notices[0] < report


async def test_voice_replies_failing_on_the_server_are_explained(
    database_url: str, tmp_path: Path
) -> None:
    async with FakeOpenAI() as fake:  # lists tts-1, but its speech endpoint fails
        fake.default = WeakModel()
        fake.reply_status(404, "Invalid URL (POST /v1/audio/speech)", endpoint="speech")
        settings = model_settings(database_url, tmp_path, fake, interview_max_questions=2)
        async with run_harness_clean(settings) as bot:
            user = bot.user("Grace")
            await new_job(user)
            await user.send("/interview")
            await user.expect("Hello Grace")
            await user.click("Voice replies: off")
            await user.send("I led the migration of our billing service to Django services.")
            await user.expect(catalogue("en").plain("ai-error-no-speech"))
            gateway = bot.app.bot_data["services"].gateway

    assert not gateway.has_speech  # from now on voice features are not offered
