"""Mock interviews through the emulator: offline coach and an OpenAI-compatible server, text and
voice, the report (shown, stored, downloaded), history, restarts, limits and forged ids."""

from __future__ import annotations

import asyncio
import io
import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from pypdf import PdfReader
from tortoise import connections
from tortoise.exceptions import IntegrityError

from bot.ai.schemas import REPORT_CATEGORIES, InterviewReport
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator, ChatMessage
from bot.i18n import texts
from bot.services import interview_report, interviews, report_pdf
from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas
from bot.settings import Settings
from handlers.interviews.buttons import InterviewsForJob, RetryReport, RetryTurn, VoiceReplies
from handlers.kit.entry_buttons import InterviewJob, InterviewList
from models import Interview, JobInfo, User
from models.core import InterviewStatus
from models.interviews import InterviewMessage
from tests.conftest import make_settings, model_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI, Reply
from tests.helpers import index_definitions, new_job

ANSWERS = [
    "In my last job I led the migration of our billing service from a monolith to Django "
    "services. I planned the work in small steps, wrote tests for every endpoint first and "
    "agreed the API contract with the frontend team, so we shipped without downtime and cut "
    "the response time by half.",
    "I would start from the resources and their relations, then define the endpoints with "
    "clear nouns, status codes and pagination. I validate input with serializers, keep views "
    "thin, add indexes for the queries we run and write integration tests against PostgreSQL "
    "in Docker so the behaviour matches production.",
    "When a teammate and I disagreed about caching, we wrote down both options with their "
    "costs, measured the real load with a quick benchmark and picked the simpler one. I "
    "explained the decision in the pull request so that everyone could review the reasoning "
    "and we documented how to revisit it later.",
    "A transaction groups statements so they all succeed or fail together. In PostgreSQL I use "
    "the default read committed isolation for most work, select for update when two requests "
    "may change the same row, and keep transactions short so locks are not held while we "
    "call other services or wait for the network.",
]


# ----- helpers ---------------------------------------------------------------------------------


async def interviewing(user: EmulatedUser, text: str = "Hi Ada") -> ChatMessage:
    """A job, then /interview up to the message that says `text` (by default the greeting)."""
    await new_job(user)
    await user.send("/interview")
    return await user.expect(text)


def bot_text(user: EmulatedUser) -> str:
    return "\n".join(m.text for m in user.since_last_action())


def sent_file(bot: BotHarness, message: ChatMessage, kind: str = "document") -> bytes:
    assert message.kind == kind and message.file is not None, message
    return bytes(bot.emulator.files[message.file["file_id"]]["content"])


async def only_interview(user: EmulatedUser) -> Interview:
    rows = (
        await Interview.filter(job_info__user_id=user.id)
        .select_related("job_info")
        .order_by("-created_at")
    )
    assert len(rows) == 1, rows
    return rows[0]


async def lines_of(interview: Interview) -> list[InterviewMessage]:
    return await InterviewMessage.filter(interview_id=interview.id).order_by("id")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def check_report_text(text: str) -> None:
    assert re.search(r"Overall rating: \d{1,2}/10", text)
    for name in REPORT_CATEGORIES:
        assert re.search(re.escape(name) + r" — (?:\d{1,2}/10|not measured)", text), name


async def answer_until_report(user: EmulatedUser, answers: list[str]) -> None:
    """Answer until the interviewer closes and the report arrives (follow-ups included)."""
    for index in range(20):
        await user.send(answers[index % len(answers)])
        if "Overall rating" in bot_text(user):
            return
    raise AssertionError("the interview never closed:\n" + user.transcript())


# ----- offline coach ---------------------------------------------------------------------------


async def test_full_interview_offline(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user)
    await user.send("/interview")
    intro = await user.expect("Mock interview — Acme backend")
    assert "/end" in intro.text and "15 minutes" in intro.text
    greeting = await user.expect("Hi Ada")
    assert "⏹ End interview" in user.buttons(greeting)
    assert "Voice replies" not in " ".join(user.buttons(greeting))  # offline: no speech
    for text in ANSWERS[:3]:
        await user.send(text)
        reply = user.since_last_action()
        assert reply and "Interviewer" in reply[-1].text, user.transcript()

    await user.send("/end")
    ended = await user.expect("Interview ended after")
    report_text = bot_text(user)
    check_report_text(report_text)
    assert {"⬇️ Markdown", "⬇️ PDF", "📜 Transcript"} <= set(user.buttons())

    interview = await only_interview(user)
    assert interview.status == InterviewStatus.COMPLETED
    assert interview.ended_at is not None and interview.started_at is not None
    duration = interviews.duration_of(interview)  # from the two times
    assert re.fullmatch(r"\d\d:\d\d:\d\d", duration) and f"after {duration}" in ended.text
    markdown = interview_report.report_text(texts("en"), interview)
    assert markdown and "## Communication Clarity" in markdown
    assert interview.report_json["overall_rating"] == interview.overall_rating
    assert len(interview.report_json["categories"]) == 7
    lines = await lines_of(interview)
    assert [line.role for line in lines[:2]] == ["interviewer", "candidate"]
    assert [line.text for line in lines if line.role == "candidate"] == ANSWERS[:3]
    assert all(line.response_seconds is not None for line in lines if line.role == "candidate")
    assert (await User.get(id=user.id)).interviews_used == 1

    await user.click("Markdown")
    markdown = sent_file(bot, user.last).decode()
    assert markdown.startswith("# Mock interview report") and "Overall rating" in markdown
    assert user.last.file["file_name"].endswith(".md")
    await user.click("PDF")
    assert sent_file(bot, user.last).startswith(b"%PDF")

    await user.click("Transcript")
    transcript = bot_text(user)
    assert "Hi Ada" in transcript and ANSWERS[1][:60] in transcript

    await user.send("/interviews")  # one job: straight to its list
    listing = await user.expect("Mock interviews — Acme backend")
    [label] = user.buttons(listing)
    assert f"{duration} · ⭐ {interview.overall_rating}/10" in label
    await user.click(label)
    check_report_text(bot_text(user))
    assert job.id == interview.job_info_id  # type: ignore[attr-defined]


# ----- an OpenAI-compatible server -------------------------------------------------------------

REPORT = {
    "overall_rating": 7,
    "summary": "You explained your migration work clearly, with concrete results.",
    "categories": [
        {"name": name, "rating": 6 + index % 3, "text": f'You said "Django" — {name} noted.'}
        for index, name in enumerate(REPORT_CATEGORIES)
    ],
}


class ScriptedModel:
    """Answers chat requests: streamed interviewer lines in order, the report as JSON."""

    def __init__(self, lines: list[str], report: dict[str, Any] | None = None) -> None:
        self.lines = lines
        self.report = report or REPORT
        self.turns: list[dict[str, Any]] = []

    def __call__(self, body: dict[str, Any]) -> str | dict[str, Any] | Reply:
        if not body.get("stream"):
            return self.report
        self.turns.append(body)
        line = self.lines[min(len(self.turns), len(self.lines)) - 1]
        return Reply(chunks=[line[i : i + 6] for i in range(0, len(line), 6)], delay=0.05)

    def prompt(self, turn: int) -> str:
        return json.dumps(self.turns[turn]["messages"])


LINES = [
    "Hello Grace! Welcome to your mock interview. **Tell me about a project you are proud of.**",
    "Thanks. How would you design a REST API for orders?",
    "Great, thank you Grace — that's all from me. Your report follows. [END]",
]


async def test_interview_with_a_model_voice_answer_and_voice_replies(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    model = ScriptedModel(LINES)
    fake.default = model
    fake.default_transcription = "I built an order service with Django and PostgreSQL."
    user = model_bot.user("Grace")
    await new_job(user)
    await user.send("/interview")
    intro = await user.expect("voice message")
    assert "Voice replies" in intro.text
    greeting = await user.expect("Hello Grace")
    assert "Tell me about a project" in greeting.text and "**" not in greeting.text
    assert "typing" in {a for _, a in model_bot.emulator.chat_actions}
    assert "Grace" in model.prompt(0)  # the candidate's name reaches the model

    await user.click("Voice replies: off")
    assert user.buttons(greeting) == ["⏹ End interview", "🔊 Voice replies: on"]
    interview = await only_interview(user)
    assert (await Interview.get(id=interview.id)).voice_replies

    await user.send_voice(b"OggS" + bytes(64), duration=7)
    await user.expect("I heard: I built an order service")
    question = await user.expect("REST API for orders")
    assert "⏹ End interview" in user.buttons(question)
    assert sent_file(model_bot, user.last, "voice").startswith(b"OggS")
    speech = [r for r in fake.requests if r.endpoint == "speech"]
    assert speech and "Tell me about" not in speech[-1].body["input"]
    assert "REST API" in speech[-1].body["input"]
    # what the model saw for the second turn includes the transcribed answer
    assert "I built an order service" in model.prompt(1)

    await user.send("I would model orders, items and payments as resources.")
    await user.expect("that's all from me")
    report = bot_text(user)
    check_report_text(report)
    assert "[END]" not in report

    stored = await Interview.get(id=interview.id)
    assert stored.status == InterviewStatus.COMPLETED and stored.overall_rating == 7
    lines = await lines_of(stored)
    roles = [line.role for line in lines]
    assert roles == ["interviewer", "candidate", "interviewer", "candidate", "interviewer"]
    assert lines[1].text == fake.default_transcription and lines[1].voice_seconds == 7
    assert lines[2].voice_seconds is not None  # the interviewer's line was spoken too
    assert lines[3].voice_seconds is None
    assert lines[-1].text.endswith("Your report follows.")
    closing = user.since_last_action()
    assert not any("End interview" in " ".join(b["text"] for b in m.buttons) for m in closing)

    # the report can be downloaded, and the interview is listed in the job's history
    await user.click("Markdown")
    markdown = sent_file(model_bot, user.last).decode()
    await stored.fetch_related("job_info")
    assert markdown == interview_report.report_text(texts("en"), stored)
    assert markdown.startswith("# Mock interview report") and "Overall rating: 7/10" in markdown
    assert REPORT["summary"] in markdown and "## Communication Clarity" in markdown
    await user.click("PDF")
    pdf = sent_file(model_bot, user.last)
    assert pdf.startswith(b"%PDF")
    assert "Overall rating: 7/10" in pdf_text(pdf)
    await user.send("/interviews")
    listing = await user.expect("Mock interviews — Acme backend")
    [label] = user.buttons(listing)
    assert f"{interviews.duration_of(stored)} · ⭐ 7/10" in label
    await user.click(label)
    check_report_text(bot_text(user))


async def test_failed_interviewer_turn_keeps_the_answer_and_can_be_retried(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    fake.default = ScriptedModel(LINES)
    user = model_bot.user("Grace")
    await interviewing(user, "Hello Grace")
    fake.reply_status(500)
    await user.send(ANSWERS[0])
    failed = await user.expect("The interviewer didn't answer")
    interview = await only_interview(user)
    assert [line.role for line in await lines_of(interview)] == [
        "interviewer",
        "candidate",
    ]
    await user.click("Retry")
    await user.expect("REST API for orders")
    assert not user.buttons(failed)
    query = await user.press(RetryTurn(interview_id=interview.id).pack())  # a second press
    assert "already answered" in (user.callback_answer(query) or {})["text"]
    assert len(await lines_of(interview)) == 3
    assert (await Interview.get(id=interview.id)).status == InterviewStatus.ACTIVE


async def test_after_a_failed_opening_a_message_is_not_an_answer(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    fake.default = ScriptedModel(LINES)
    fake.default_transcription = "I built an order service with Django and PostgreSQL."
    user = model_bot.user("Grace")
    await new_job(user)
    fake.reply_status(500)  # the interviewer's opening fails
    await user.send("/interview")
    failed = await user.expect("The interviewer didn't answer")
    interview = await only_interview(user)

    await user.send(ANSWERS[0])  # typed instead of pressing Retry
    refusal = await user.expect("hasn't asked anything yet")
    assert "Retry" in refusal.text and "/end" in refusal.text
    await user.send_voice(b"OggS" + bytes(64), duration=3)
    await user.expect("hasn't asked anything yet")
    assert not [r for r in fake.requests if r.endpoint == "transcriptions"]  # not transcribed
    assert await lines_of(interview) == []
    assert (await User.get(id=user.id)).interviews_used == 0
    assert (await Interview.get(id=interview.id)).status == InterviewStatus.ACTIVE

    await user.click("Retry", in_message=failed)
    await user.expect("Hello Grace")
    await user.send(ANSWERS[0])
    await user.expect("REST API for orders")
    lines = await lines_of(interview)
    assert [(line.role, line.text) for line in lines[:2]] == [
        ("interviewer", LINES[0]),
        ("candidate", ANSWERS[0]),
    ]
    assert len(lines) == 3 and lines[1].response_seconds is not None
    assert (await User.get(id=user.id)).interviews_used == 1


async def test_after_a_failed_opening_end_leaves_nothing(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Grace")
    await new_job(user)
    fake.reply_status(500)
    await user.send("/interview")
    await user.expect("The interviewer didn't answer")
    await user.send(ANSWERS[0])
    await user.expect("hasn't asked anything yet")
    await user.send("/end")
    await user.expect("didn't answer any question, so there is no report")
    assert await Interview.filter(job_info__user_id=user.id).count() == 0
    assert (await User.get(id=user.id)).interviews_used == 0


@pytest.mark.parametrize("silence", ["empty", "refusal"])
async def test_an_empty_or_refused_interviewer_line_is_a_failed_turn(
    model_bot: BotHarness, fake: FakeOpenAI, silence: str
) -> None:
    """Issue 21.1: nothing said is not a line: told, Retry offered, nothing stored or spent."""

    def say_nothing() -> None:
        if silence == "empty":
            fake.reply_text(["", "  ", "\n"])
        else:
            fake.reply_refusal()

    fake.default = ScriptedModel(LINES)
    user = model_bot.user("Grace")
    await new_job(user)
    said = "The AI coach returned an empty" if silence == "empty" else "The AI model declined"
    say_nothing()  # the opening
    await user.send("/interview")
    failed = await user.expect(f"The interviewer didn't answer: {said}")
    assert "🔁 Retry" in user.buttons(failed)
    assert not [m for m in user.since_last_action() if m.text.startswith("🧑‍💼 Interviewer")]
    interview = await only_interview(user)
    assert await lines_of(interview) == []
    await user.send(ANSWERS[0])  # not an answer: nothing was asked
    await user.expect("hasn't asked anything yet")
    assert await lines_of(interview) == []
    assert (await User.get(id=user.id)).interviews_used == 0
    await user.click("Retry", in_message=failed)
    await user.expect("Hello Grace")

    say_nothing()  # mid-interview
    await user.send(ANSWERS[0])
    failed = await user.expect(f"The interviewer didn't answer: {said}")
    assert "🔁 Retry" in user.buttons(failed)
    assert not [m for m in user.since_last_action() if m.text.startswith("🧑‍💼 Interviewer")]
    assert [line.role for line in await lines_of(interview)] == ["interviewer", "candidate"]
    await user.click("Retry", in_message=failed)
    await user.expect("REST API for orders")
    lines = await lines_of(interview)
    assert [line.role for line in lines] == ["interviewer", "candidate", "interviewer"]
    assert all(line.text.strip() not in ("", "…") for line in lines)
    assert (await User.get(id=user.id)).interviews_used == 1


async def test_replacing_an_interview_whose_opening_failed_takes_no_second_start_token(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    """Issue 21.4: the failed opening took a start token; 'End it and start new' reuses it."""
    fake.default = ScriptedModel(LINES)
    settings = model_settings(database_url, tmp_path, fake, free_interviews=10)
    async with run_harness_clean(settings) as bot:
        quotas = bot.app.bot_data["services"].quotas
        user = bot.user("Grace")
        await new_job(user, "Acme backend")
        second_job = await new_job(user, "Globex platform")
        full = (await quotas.usage(user.id)).interview_starts
        fake.reply_status(500)
        await user.send("/interview")
        await user.click("Acme backend")
        await user.expect("The interviewer didn't answer")
        assert (await quotas.usage(user.id)).interview_starts == full - 1

        await user.send("/interview")
        await user.click("Globex platform")
        await user.expect("already have a mock interview in progress")
        await user.click("End it and start new")
        await user.expect("Mock interview — Globex platform")
        await user.expect("Hello Grace")
        assert (await quotas.usage(user.id)).interview_starts == full - 1
        interview = await only_interview(user)
        assert interview.job_info_id == second_job.id  # type: ignore[attr-defined]
        assert interview.status == InterviewStatus.ACTIVE
        await user.send(ANSWERS[0])
        await user.expect("REST API for orders")
        assert (await User.get(id=user.id)).interviews_used == 1


async def test_failed_report_is_kept_and_can_be_retried(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    fake.default = ScriptedModel(LINES[:2])
    user = model_bot.user("Grace")
    await interviewing(user, "Hello Grace")
    await user.send(ANSWERS[0])
    await user.expect("REST API for orders")
    await user.send(ANSWERS[1])  # two answers: long enough for a report
    await user.expect("REST API for orders")
    fake.reply_status(500, times=2)  # the report fails (no retries configured)
    await user.click("End interview")
    failed = await user.expect("couldn't write your report")
    assert "Retry report" in " ".join(user.buttons(failed))
    interview = await only_interview(user)
    assert interview.status == InterviewStatus.ENDED and interview.report_json is None

    await user.click("Retry report")  # the second 500
    await user.expect("couldn't write your report")
    await user.click("Retry report")
    check_report_text(bot_text(user))
    stored = await Interview.get(id=interview.id)
    assert stored.status == InterviewStatus.COMPLETED and interview_report.has_report(stored)
    assert fake.pending() == 0
    assert not user.buttons(failed)  # the used Retry button is gone
    calls = len(fake.chat_bodies)
    await user.press(RetryReport(interview_id=interview.id).pack())  # again: the stored report
    check_report_text(bot_text(user))
    assert len(fake.chat_bodies) == calls


# ----- state in the database -------------------------------------------------------------------


async def test_interview_continues_after_a_restart(settings: Settings) -> None:
    emulator = BotAPIEmulator()
    async with run_harness_clean(settings, emulator) as bot:
        user = bot.user("Ada")
        greeting = await interviewing(user)
        await user.send(ANSWERS[0])
        first_question = user.last.text
        interview = await only_interview(user)
        before = [(line.role, line.text) for line in await lines_of(interview)]
        assert len(before) == 3

    emulator.pushed = 0  # the harness counts the updates of its own process
    async with run_harness_clean(settings, emulator, wipe=False) as bot:  # same database
        user = bot.user("Ada", user_id=user.id)
        await user.send(ANSWERS[1])
        reply = await user.expect("Interviewer")
        assert reply.text != first_question and "not waiting" not in bot_text(user)
        assert (await only_interview(user)).id == interview.id
        after = [(line.role, line.text) for line in await lines_of(interview)]
        assert after[:3] == before and len(after) == 5
        assert after[3] == ("candidate", ANSWERS[1])
        await user.click("End interview", in_message=greeting)  # a button from before the restart
        check_report_text(bot_text(user))


async def test_interview_without_answers_leaves_nothing(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await interviewing(user)
    await user.send_voice(b"OggS" + bytes(32))  # offline: no speech, so not an answer
    await user.expect("Voice answers need an AI backend")
    await user.send("/end")
    await user.expect("didn't answer any question, so there is no report")
    assert "Overall rating" not in bot_text(user)
    assert await Interview.filter(job_info__user_id=user.id).count() == 0
    assert (await User.get(id=user.id)).interviews_used == 0
    await user.send("/end")
    await user.expect("No mock interview is in progress")
    await user.send("hello?")
    await user.expect("not waiting for an answer")  # plain messages are no longer taken


async def test_time_limit_closes_the_interview(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path, interview_time_limit_minutes=1)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada")
        await interviewing(user, "up to 1 minute.")
        await user.send(ANSWERS[0])
        interview = await only_interview(user)
        started = datetime.now(UTC) - timedelta(minutes=2)
        await Interview.filter(id=interview.id).update(started_at=started)
        await user.send(ANSWERS[1])
        closing = await user.expect("that's all from me")
        assert not closing.buttons
        check_report_text(bot_text(user))
        stored = await Interview.get(id=interview.id)
        assert stored.status == InterviewStatus.COMPLETED
        assert interviews.duration_of(stored).startswith("00:02:")


async def test_time_limit_with_a_model_asks_it_to_close(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    # A model that ignores the instruction and never writes [END]: we close anyway.
    model = ScriptedModel(["Hello Grace! First question?", "Next question?"])
    fake.default = model
    settings = model_settings(database_url, tmp_path, fake, interview_time_limit_minutes=5)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Grace")
        await new_job(user)
        await user.send("/interview")
        await user.send(ANSWERS[0])
        assert "Close the interview now" not in model.prompt(1)
        interview = await only_interview(user)
        started = datetime.now(UTC) - timedelta(minutes=6)
        await Interview.filter(id=interview.id).update(started_at=started)
        await user.send(ANSWERS[1])
        assert "Close the interview now" in model.prompt(2)
        check_report_text(bot_text(user))
        assert (await Interview.get(id=interview.id)).status == InterviewStatus.COMPLETED


async def test_max_questions_closes_the_interview(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path, interview_max_questions=2)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada")
        await interviewing(user, "about 2 questions")
        await answer_until_report(user, ANSWERS)
        await user.expect("We covered 2 questions")
        interview = await only_interview(user)
        assert interview.status == InterviewStatus.COMPLETED
        lines = await lines_of(interview)
        asked = [line for line in lines if line.role == "interviewer"]
        assert 3 <= len(asked) <= 5  # greeting + 1 question (+ follow-ups) + closing
        assert lines[-1].role == "interviewer"


# ----- one at a time, and ids from buttons -----------------------------------------------------


async def test_second_interview_asks_what_to_do(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path, free_interviews=10)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada")
        first_job = await new_job(user, "Acme backend")
        second_job = await new_job(user, "Globex platform")
        await user.send("/interview")
        await user.click("Acme backend")
        await user.expect("Hi Ada")
        await user.send(ANSWERS[0])
        question = user.last.text

        await user.send("/interview")
        await user.click("Globex platform")
        choice = await user.expect("already have a mock interview in progress")
        assert "Acme backend" in choice.text
        await user.click("Continue current")
        again = await user.expect("where we left off")
        assert question.split("\n")[-1] in again.text
        await user.send(ANSWERS[1])  # still the first interview
        first = await only_interview(user)
        assert first.job_info_id == first_job.id  # type: ignore[attr-defined]
        assert len(await lines_of(first)) == 5

        await user.send("/interview")
        await user.click("Globex platform")
        await user.click("End it and start new")
        check_report_text(bot_text(user))
        await user.expect("Mock interview — Globex platform")
        rows = await Interview.filter(job_info__user_id=user.id).order_by("created_at")
        assert [r.status for r in rows] == [InterviewStatus.COMPLETED, InterviewStatus.ACTIVE]
        assert rows[1].job_info_id == second_job.id  # type: ignore[attr-defined]
        await user.send(ANSWERS[2])
        assert len(await lines_of(rows[1])) == 3
        assert len(await lines_of(rows[0])) == 5


async def test_forged_and_foreign_ids_are_refused(bot: BotHarness) -> None:
    owner, other = bot.user("Ada"), bot.user("Mallory")
    await new_job(owner)
    await owner.send("/interview")
    await owner.send(ANSWERS[0])
    await owner.send(ANSWERS[1])
    await owner.send("/end")
    interview = await only_interview(owner)
    await new_job(other, "Other job")

    actions = ("open", "tx", "md", "pdf", "end", "report", "retry", "continue", "replace")
    actions += ("discard", "keep")
    for action in actions:
        for forged in (interview.id.hex, uuid.uuid4().hex, "garbage", ""):
            query = await other.press(f"interview.{action}:{forged}")
            answer = other.callback_answer(query)
            assert answer is not None, (action, forged)
            assert not other.since_last_action(), (action, forged, other.transcript())
    query = await other.press(VoiceReplies(interview_id=interview.id, on=True).pack())
    assert "wasn't found" in (other.callback_answer(query) or {}).get("text", "")
    job_id = interview.job_info_id  # type: ignore[attr-defined]
    for data in (
        InterviewList(job_id=job_id).pack(),
        InterviewsForJob(job_id=job_id).pack(),
        InterviewJob(job_id=job_id).pack(),
        "interviews.job:nope",
    ):
        query = await other.press(data)
        assert (other.callback_answer(query) or {}).get("text"), data
        assert not other.since_last_action(), (data, other.transcript())
    assert await Interview.filter(job_info__user_id=other.id).count() == 0
    stored = await Interview.get(id=interview.id)
    assert stored.status == InterviewStatus.COMPLETED and not other.emulator.violations
    sent_to_other = [m for m in other.bot_messages if "Hi Ada" in m.text or m.kind == "document"]
    assert not sent_to_other


# ----- living with other flows and other users -------------------------------------------------


async def test_another_flow_mid_interview_pauses_it(bot: BotHarness, user: EmulatedUser) -> None:
    await interviewing(user)
    await user.send(ANSWERS[0])
    interview = await only_interview(user)

    await user.send("/newjob")  # the user goes elsewhere on purpose
    await user.expect("Your interview is paused — /interview to continue, /end to finish.")
    await user.expect("company or job name")
    await user.send("Umbrella")
    await user.expect("job title")  # /newjob got its answer, not the interview
    assert len(await lines_of(interview)) == 3
    await user.send("/cancel")
    await user.expect("no job was saved")
    assert (await Interview.get(id=interview.id)).status == InterviewStatus.ACTIVE
    await user.send(ANSWERS[1])  # paused: not an answer
    await user.expect("not waiting")
    assert len(await lines_of(interview)) == 3

    await user.send("/interview")  # back to the interview, where it left off
    again = await user.expect("where we left off")
    assert "⏹ End interview" in user.buttons(again)
    await user.send(ANSWERS[1])
    await user.expect("Interviewer")
    assert len(await lines_of(interview)) == 5
    await user.send_photo()
    await user.expect("answer by text or voice")


async def test_a_flow_left_hanging_does_not_take_interview_answers(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await user.send("/practice")
    await user.click("Easy")  # a practice question waits for an answer...
    await user.send("/interview")  # ...but the user starts an interview instead
    await user.expect("Hi Ada")
    await user.send(ANSWERS[0])
    await user.expect("Interviewer")
    interview = await only_interview(user)
    assert [line.text for line in await lines_of(interview)][1] == ANSWERS[0]


async def test_a_slow_model_for_one_candidate_does_not_delay_another(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    fake.default = ScriptedModel(LINES)
    slow, quick = model_bot.user("Grace"), model_bot.user("Alan")
    await interviewing(slow, "Hello Grace")
    fake.reply_text("Take your time. Next question?", delay=2.0)
    await slow.send(ANSWERS[0], wait=False)
    await asyncio.sleep(0.2)
    await quick.send("/help", wait=False)
    await quick.expect("commands", timeout=1.5)
    assert model_bot.processor.busy  # Grace's interviewer is still thinking
    await model_bot.idle()
    await slow.expect("Next question?")


async def test_plan_limits_are_explained_and_nothing_is_started(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path, free_interviews=0)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada")
        await new_job(user)
        await user.send("/interview")
        refusal = await user.expect("not part of the Free plan")
        assert "⭐ Upgrade" in user.buttons(refusal)
        assert await Interview.filter(job_info__user_id=user.id).count() == 0

    settings = make_settings(database_url, tmp_path, interview_bucket_capacity=1)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada")
        await new_job(user)
        await user.send("/interview")
        await user.send("/end")  # no answer: deleted, and it counts against no plan...
        await user.send("/interview")  # ...but starting one still takes a start token
        await user.expect("started a lot of interviews lately")
        assert await Interview.filter(job_info__user_id=user.id).count() == 0


# ----- writes that belong together --------------------------------------------------------------


async def interview_setup(user_id: int = 7) -> tuple[Quotas, JobInfo]:
    """A user with a job, and quotas on the default plan limits (service-level tests)."""
    await User.create(id=user_id, name="Ada")
    job = await JobInfo.create(
        user_id=user_id, name="X", experience_level="junior", description="d" * 30
    )
    return Quotas(PlanPolicy.from_settings(Settings.model_construct())), job


async def test_a_lost_start_race_spends_no_start_token(db: str) -> None:
    quotas, job = await interview_setup()
    results = await asyncio.gather(
        *(interviews.start_interview(quotas, 7, job.id) for _ in range(2)),
        return_exceptions=True,
    )
    started = [r for r in results if isinstance(r, Interview)]
    lost = [r for r in results if isinstance(r, interviews.InterviewInProgress)]
    assert len(started) == 1 and len(lost) == 1, results
    assert lost[0].interview.id == started[0].id
    usage = await quotas.usage(7)
    assert usage.interview_starts == usage.bucket_capacity - 1  # one interview, one token


async def test_the_first_answer_and_its_quota_unit_are_stored_together(db: str) -> None:
    conn = connections.get("default")
    if conn.capabilities.dialect != "postgres":
        pytest.skip("SQLite runs one transaction at a time: no second connection can look in")
    quotas, job = await interview_setup()
    interview = await interviews.start_interview(quotas, 7, job.id)
    assert interview is not None
    await interviews.save_interviewer_line(interview, "Tell me about a project.")
    url = db.replace("postgres://", "postgresql://", 1)
    locker, watcher = await asyncpg.connect(url), await asyncpg.connect(url)
    try:
        lock = locker.transaction()
        await lock.start()  # holds back every insert of a line until released
        await locker.execute('LOCK TABLE "interview_messages" IN SHARE MODE')
        saving = asyncio.create_task(interviews.save_answer(quotas, 7, interview, ANSWERS[0]))
        waiting = 0
        for _ in range(200):
            waiting = await watcher.fetchval(
                "SELECT count(*) FROM pg_locks WHERE NOT granted "
                "AND relation = 'interview_messages'::regclass"
            )
            if waiting or saving.done():
                break
            await asyncio.sleep(0.02)
        assert waiting, "the answer was never held back at its insert"
        # the unit is spent only together with the line: not visible while the line waits
        assert await watcher.fetchval('SELECT interviews_used FROM "users" WHERE id = 7') == 0
        await lock.rollback()
        line = await saving
    finally:
        await locker.close()
        await watcher.close()
    assert line.text == ANSWERS[0]
    assert (await User.get(id=7)).interviews_used == 1


async def test_a_message_before_any_question_is_not_an_answer(db: str) -> None:
    quotas, job = await interview_setup()
    interview = await interviews.start_interview(quotas, 7, job.id)
    assert interview is not None
    with pytest.raises(interviews.NothingAsked):
        await interviews.save_answer(quotas, 7, interview, ANSWERS[0])
    assert await lines_of(interview) == []
    assert (await User.get(id=7)).interviews_used == 0


# ----- the PDF report ----------------------------------------------------------------------------

RUSSIAN_REPORT = InterviewReport.model_validate(
    {
        "overall_rating": 8,
        "summary": "Вы уверенно рассказали о миграции биллинга — с цифрами и примерами.",
        "categories": [
            {"name": name, "rating": 8, "text": f"Хорошо: «{name}» раскрыта. 中文 ✓ 🚀"}
            for name in REPORT_CATEGORIES
        ],
    }
)


def test_pdf_report_keeps_cyrillic_text(caplog: pytest.LogCaptureFixture) -> None:
    pdf = report_pdf.report_pdf(
        "Отчёт о собеседовании — Яндекс", "Яндекс · 01 мар 2026 · 00:12:00", RUSSIAN_REPORT
    )
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Отчёт о собеседовании — Яндекс" in text
    assert "Вы уверенно рассказали о миграции биллинга" in text
    assert "Хорошо: «Communication Clarity» раскрыта." in text
    assert "Overall rating: 8/10" in text
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values()
    assert all("FiraSans" in str(font.get_object()["/BaseFont"]) for font in fonts)
    # what the font can't draw is replaced, never left as missing glyphs
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_pdf_report_without_the_font_falls_back_to_latin1() -> None:
    missing = report_pdf.UnicodeFont("no_such_font_package", "Nothing", {"": "Nothing.ttf"})
    pdf = report_pdf.report_pdf("Report — Acme", "Acme · Ünïcode", RUSSIAN_REPORT, font=missing)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Report - Acme" in text and "Ünïcode" in text and "Overall rating: 8/10" in text
    assert "Вы" not in text and "?? ????????" in text


# ----- the schema ------------------------------------------------------------------------------


async def test_schema_constraints_cascade_and_indexes(db: str) -> None:
    conn = connections.get("default")
    await User.create(id=7, name="Ada")
    job = await JobInfo.create(user_id=7, name="X", experience_level="junior", description="d" * 30)
    active = await Interview.create(job_info=job, user_id=7, status=InterviewStatus.ACTIVE)
    with pytest.raises(IntegrityError):  # one interview in progress per user
        await Interview.create(job_info=job, user_id=7, status=InterviewStatus.ACTIVE)
    await Interview.create(job_info=job, user_id=7, status=InterviewStatus.COMPLETED)
    line = await InterviewMessage.create(interview=active, role="candidate", text="hi")
    for column, value in (("role", "'narrator'"), ("response_seconds", "-1")):
        with pytest.raises(IntegrityError):
            await conn.execute_script(
                f'UPDATE "interview_messages" SET "{column}" = {value} WHERE "id" = {line.id}'
            )
    for column, value in (("status", "'paused'"), ("overall_rating", "11")):
        with pytest.raises(IntegrityError):
            await conn.execute_script(
                f'UPDATE "interviews" SET "{column}" = {value} WHERE "id" = \'{active.id}\''
            )
    defs = " ".join(await index_definitions())
    assert re.search(r'interview_messages"? (USING btree )?\("?interview_id"?\)', defs), defs
    assert re.search(r'interviews"? (USING btree )?\("?user_id"?\)', defs), defs
    await active.delete()
    assert await InterviewMessage.all().count() == 0
    await job.delete()
    assert await Interview.all().count() == 0
