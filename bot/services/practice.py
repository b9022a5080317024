"""Question drill: questions generated for a job, answers graded and kept with their rating.

Every read takes the user's id and checks ownership through question → job → user, so an id
from callback data that isn't the user's behaves exactly like one that doesn't exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import Q, RawSQL
from tortoise.functions import Count, Max
from tortoise.transactions import in_transaction

from bot.ai.errors import AIFailure, AIUnavailableError
from bot.ai.gateway import AIGateway
from bot.ai.honesty import no_attempt
from bot.ai.offline.bank import shared_bank
from bot.ai.offline.skills import next_skill, skill_mentions
from bot.ai.schemas import Difficulty, GradeResult, JobContext
from bot.ai.streams import TextStream
from bot.services import learning
from bot.services.jobs import get_job, job_context
from bot.services.ownership import owned_through_job, parse_id
from models import JobInfo, Question
from models.answers import Answer

DIFFICULTIES: tuple[Difficulty, ...] = tuple(Difficulty)
PAST_LIMIT = 10
# Earlier questions passed to the generator so it doesn't repeat itself: only the newest ones,
# so a prompt stays the same size however many questions a job has (Pro is unlimited). The
# offline coach then repeats nothing asked within this window and, once every bank question in
# the window has been asked, brings back the one asked longest ago.
PREVIOUS_LIMIT = 50
# Model gradings cost money and "Try again" / past questions re-grade without spending quota:
# one question is graded at most this many times a day (the last 24 hours), on every plan.
GRADES_PER_DAY = 5


def parse_difficulty(raw: str | None) -> Difficulty | None:
    return next((level for level in DIFFICULTIES if level == raw), None)


# ----- questions ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuestionSetup:
    """What generating a question for a job needs: the job and the texts of its newest
    `PREVIOUS_LIMIT` earlier questions, oldest first."""

    job: JobInfo
    context: JobContext
    previous: list[str]
    previous_skills: list[str] = field(default_factory=list)  # the same questions' skills

    def next_skill(self) -> str | None:
        """The skill the next question targets: the ad's skills in turn, least asked first."""
        return next_skill(self.context, self.previous_skills)


SEPARATOR = "\x1f"  # ASCII unit separator: joins earlier questions in one column


def _newest_question_texts(column: str = "text") -> RawSQL:
    """The job's newest `PREVIOUS_LIMIT` question texts (or another column), newest first,
    joined by SEPARATOR: a column of the job's own row, so setting up a question is one query.
    The aggregate is each dialect's own; nothing from the user is in the SQL."""
    newest = (
        f'SELECT COALESCE("{column}", \'\') "t", "created_at" "c", "id" "i" FROM "questions"'
        ' WHERE "job_info_id" = "job_info"."id"'
        f' ORDER BY "created_at" DESC, "id" DESC LIMIT {PREVIOUS_LIMIT}'
    )
    if connections.get("default").capabilities.dialect == "postgres":
        joined = 'string_agg("t", chr(31) ORDER BY "c" DESC, "i" DESC)'
    else:  # SQLite keeps the order of the subquery
        joined = 'group_concat("t", char(31))'
    return RawSQL(f'(SELECT {joined} FROM ({newest}) "newest")')


async def question_setup(
    user_id: int, job_id: str | uuid.UUID | None, *, language: str = "en"
) -> QuestionSetup | None:
    """The job (None when it doesn't exist or isn't the user's) with its newest earlier
    questions, in one query."""
    parsed = parse_id(job_id)
    if parsed is None:
        return None
    job = (
        await JobInfo.filter(id=parsed, user_id=user_id)
        .annotate(
            newest_texts=_newest_question_texts(),
            newest_skills=_newest_question_texts("skill"),
        )
        .first()
    )
    if job is None:
        return None
    joined = getattr(job, "newest_texts", None) or ""
    newest = [text for text in str(joined).split(SEPARATOR) if text]
    skills = [s for s in str(getattr(job, "newest_skills", None) or "").split(SEPARATOR) if s]
    return QuestionSetup(
        job, job_context(job, language), list(reversed(newest)), list(reversed(skills))
    )


def question_stream(
    gateway: AIGateway,
    setup: QuestionSetup,
    difficulty: Difficulty,
    focus: str | None = None,
    skill: str | None = None,
) -> TextStream:
    """The streamed question (about the weakest skill `focus`, or the job's `skill`, when
    given); consume it, then `save_question` with its text."""
    return gateway.generate_question(
        setup.context, difficulty, setup.previous, focus=focus, skill=skill
    )


def check_question(text: str) -> None:
    """An empty question is a failed generation: never shown as a question, never stored."""
    if not text.strip():
        raise AIUnavailableError(AIFailure.EMPTY_QUESTION)


async def save_question(
    setup: QuestionSetup,
    difficulty: Difficulty,
    text: str,
    focus: str | None = None,
    target: str | None = None,
) -> Question:
    """Store a fully generated question, tagged with the skill it tests: `focus` (asked for
    the weakest skill); else a bank question's own skill; else `target` (the job's skill it
    was asked for) unless the text names other skills only; else the skill it names most."""
    check_question(text)
    text = text.strip().replace(SEPARATOR, " ")
    named = skill_mentions(text)
    from_bank = (await shared_bank()).find(text) if target else None
    if focus:
        skill = focus
    elif from_bank is not None:
        skill = from_bank.skill
    elif target and (target in named or not named):
        skill = target
    else:
        skill = learning.skill_of(text, setup.context)
    return await Question.create(
        job_info_id=setup.job.id, text=text, difficulty=difficulty, skill=skill
    )


async def get_question(user_id: int, question_id: str | uuid.UUID | None) -> Question | None:
    """The question with its job, only if the job belongs to the user."""
    return await owned_through_job(Question, user_id, question_id)


async def best_rating(question_id: uuid.UUID) -> int | None:
    """The best rating any answer to this question got (the caller checked ownership)."""
    best = await Answer.filter(question_id=question_id).order_by("-rating").first()
    return best.rating if best is not None else None


# ----- answers -----------------------------------------------------------------------------


class TooManyGradings(Exception):
    """The question was graded `GRADES_PER_DAY` times in the last 24 hours; nothing was
    graded or stored."""

    def __init__(self, limit: int = GRADES_PER_DAY) -> None:
        self.limit = limit
        super().__init__(f"question graded {limit} times in the last day")


@dataclass(frozen=True, slots=True)
class NotAnswered:
    """The user said they don't know (or sent nothing): no rating, nothing stored; the
    question stays seen but unrated."""

    question: Question


@dataclass(frozen=True, slots=True)
class Graded:
    question: Question
    answer: Answer
    result: GradeResult
    suggested: Difficulty  # the next difficulty for the question's skill


async def grade_answer(
    gateway: AIGateway,
    user_id: int,
    question_id: str | uuid.UUID | None,
    text: str,
    *,
    now: datetime,
    language: str = "en",
) -> Graded | NotAnswered | None:
    """Grade an answer and store it. None when the question isn't the user's; `NotAnswered`
    for an empty or "I don't know" answer (nothing is graded or stored).

    `TooManyGradings` when the question was graded `GRADES_PER_DAY` times in the last day
    (checked before the model is called); `AIUnavailableError` propagates. Either way nothing
    is stored.
    """
    found = await _question_to_grade(user_id, question_id, since=now - timedelta(days=1))
    if found is None:
        return None
    if found.graded_today >= GRADES_PER_DAY:
        raise TooManyGradings()
    question = found.question
    if no_attempt(text):
        return NotAnswered(question)
    result = await gateway.grade_answer(job_context(found.job, language), question.text, text)
    async with in_transaction():
        answer = await Answer.create(
            question_id=question.id,
            text=text,
            rating=result.rating,
            feedback=result.feedback,
            created_at=now,
        )
        await learning.schedule_review(user_id, question.id, result.rating, now, found.card)
    total, count = found.skill_ratings
    suggested = learning.suggested_from(total + result.rating, count + 1)
    return Graded(question, answer, result, suggested)


@dataclass(frozen=True, slots=True)
class _ToGrade:
    question: Question
    job: JobInfo
    graded_today: int
    card: dict[str, Any] | None  # its review card as stored, or None before its first answer
    skill_ratings: tuple[int, int]  # sum and count of the skill's latest earlier ratings


CARD_FIELDS = ("id", "state", "step", "stability", "difficulty", "due", "last_review", "reviews")
JOB_FIELDS = ("name", "title", "experience_level", "description")


def _latest_skill_ratings(user_id: int) -> RawSQL:
    """Sum and count ("s,n") of the user's latest ratings on the question's skill: the ones
    that, with the new rating, decide the suggested difficulty. Portable SQL (PostgreSQL and
    SQLite), correlated with the outer "questions" row; the user id is an int."""
    return RawSQL(
        '(SELECT COALESCE(SUM("r"), 0) || \',\' || COUNT(*) FROM (SELECT "a"."rating" "r"'
        ' FROM "answers" "a" JOIN "questions" "q2" ON "q2"."id" = "a"."question_id"'
        ' JOIN "job_info" "j2" ON "j2"."id" = "q2"."job_info_id"'
        f' WHERE "j2"."user_id" = {int(user_id)} AND "q2"."skill" = "questions"."skill"'
        f' ORDER BY "a"."created_at" DESC LIMIT {learning.SKILL_WINDOW - 1}) "latest")'
    )


async def _question_to_grade(
    user_id: int, question_id: str | uuid.UUID | None, *, since: datetime
) -> _ToGrade | None:
    """Everything grading needs, in one query: the user's question and its job, how often it
    was graded since `since`, its review card and the skill's latest ratings (grouped by the
    primary keys, so their rows' columns can be read)."""
    parsed = parse_id(question_id)
    if parsed is None:
        return None
    rows = await (
        Question.filter(id=parsed, job_info__user_id=user_id)
        .annotate(
            graded=Count("answers", _filter=Q(answers__created_at__gte=since)),
            skill_ratings=_latest_skill_ratings(user_id),
        )
        .group_by("id", "job_info__id", "review_card__id")
        .values(
            "id",
            "text",
            "difficulty",
            "skill",
            "job_info_id",
            "graded",
            "skill_ratings",
            *(f"job_info__{f}" for f in JOB_FIELDS),
            *(f"review_card__{f}" for f in CARD_FIELDS),
        )
    )
    if not rows:
        return None
    row = rows[0]
    values = {field: row[f"job_info__{field}"] for field in JOB_FIELDS}
    job = JobInfo(id=row["job_info_id"], user_id=user_id, **values)
    question = Question(
        id=row["id"],
        text=row["text"],
        difficulty=row["difficulty"],
        skill=row["skill"],
        job_info_id=job.id,
    )
    card = {f: row[f"review_card__{f}"] for f in CARD_FIELDS}
    total, count = (int(part) for part in str(row["skill_ratings"] or "0,0").split(","))
    return _ToGrade(
        question,
        job,
        int(row["graded"]),
        card if card["id"] is not None else None,
        (total, count),
    )


async def reference_answer(
    gateway: AIGateway,
    user_id: int,
    question_id: str | uuid.UUID | None,
    *,
    language: str = "en",
) -> tuple[Question, str] | None:
    """The user's question with a full correct answer to it (Show answer); None when the
    question isn't the user's. Nothing is stored: the question stays unrated."""
    question = await get_question(user_id, question_id)
    if question is None:
        return None
    context = job_context(question.job_info, language)
    return question, await gateway.reference_answer(context, question.text)


# ----- past questions ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PastQuestion:
    id: uuid.UUID
    text: str
    difficulty: Difficulty
    best: int | None
    tries: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PastQuestions:
    job: JobInfo
    questions: list[PastQuestion]
    more: bool  # older questions exist beyond `questions`


async def past_questions(
    user_id: int, job_id: str | uuid.UUID | None, *, limit: int = PAST_LIMIT
) -> PastQuestions | None:
    """The job's newest questions with their best rating, in one aggregate query.

    None when the job isn't the user's.
    """
    job = await get_job(user_id, job_id)
    if job is None:
        return None
    rows = await (
        Question.filter(job_info_id=job.id)
        .annotate(best=Max("answers__rating"), tries=Count("answers__id"))
        .group_by("id", "text", "difficulty", "created_at")
        .order_by("-created_at", "-id")
        .limit(limit + 1)
        .values("id", "text", "difficulty", "best", "tries", "created_at")
    )
    questions = [_past(row) for row in rows[:limit]]
    return PastQuestions(job, questions, more=len(rows) > limit)


def _past(row: dict[str, object]) -> PastQuestion:
    best = row["best"]
    return PastQuestion(
        id=parse_id(str(row["id"])) or uuid.UUID(int=0),
        text=str(row["text"]),
        difficulty=parse_difficulty(str(row["difficulty"])) or "medium",
        best=int(best) if best is not None else None,  # type: ignore[call-overload]
        tries=int(row["tries"] or 0),  # type: ignore[call-overload]
        created_at=row["created_at"],  # type: ignore[arg-type]
    )
