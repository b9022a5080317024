"""The learning loop: what each question tests, when it comes back for review, how the user is
doing over time, and what to ask next.

Every graded answer schedules its question with FSRS (the `fsrs` package, the scheduler Anki
uses): the 1-10 rating is mapped to FSRS's four grades, so a low rating brings the question
back within hours and a high one after days. Progress figures are read in a few aggregate-free
queries over the user's answers (newest `HISTORY` only). "Now" is always passed in (the plan
policy's clock); days (streaks, "practised today") are counted in the user's time zone.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fsrs import Card, Rating, Scheduler, State

from bot.ai.offline.skills import detect_skills, skill_mentions
from bot.ai.schemas import Difficulty, JobContext
from bot.services.jobs import get_job, job_context
from models import Interview, Question
from models.answers import Answer
from models.core import InterviewStatus
from models.learning import Reminder, ReviewCard

GENERAL = "general"
HISTORY = 500  # answers read for /progress (the newest)
RECENT = 10  # "the last 10 vs the 10 before"
SKILL_WINDOW = 3  # ratings of a skill that decide the suggested difficulty
WEAKEST = 3

# FSRS with steps that suit interview questions (not flash cards): a failed question comes
# back in 4 hours, a shaky one the next day, a good one after days; no random fuzz, so the
# order of reviews is predictable.
SCHEDULER = Scheduler(
    learning_steps=(timedelta(hours=4), timedelta(days=1)),
    relearning_steps=(timedelta(hours=4),),
    enable_fuzzing=False,
)


def fsrs_rating(rating: int) -> Rating:
    """1-10 → FSRS: 1-3 Again, 4-5 Hard, 6-7 Good, 8-10 Easy."""
    if rating <= 3:
        return Rating.Again
    if rating <= 5:
        return Rating.Hard
    if rating <= 7:
        return Rating.Good
    return Rating.Easy


def suggested_level(ratings: list[int]) -> Difficulty:
    """The next difficulty from a skill's latest ratings (newest first): below 5 on average
    Easy, below 8 Medium, else Hard; Medium with no ratings yet."""
    recent = ratings[:SKILL_WINDOW]
    return suggested_from(sum(recent), len(recent))


def suggested_from(total: int, count: int) -> Difficulty:
    """`suggested_level` from the sum and count of the latest ratings."""
    if not count:
        return "medium"
    average = total / count
    return "easy" if average < 5 else "medium" if average < 8 else "hard"


def skill_of(text: str, job: JobContext) -> str:
    """What a question tests: the skill it names most, else the job's main skill."""
    named = skill_mentions(text)
    if named:
        return max(sorted(named), key=lambda skill: named[skill])
    detected = detect_skills(job)
    return detected[0] if detected else GENERAL


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def valid_zone(name: str) -> str | None:
    """The IANA name as given when it is one (e.g. "Europe/Berlin"), else None."""
    name = name.strip()
    if not name or len(name) > 64 or name.startswith("/") or ".." in name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


# ----- review cards ----------------------------------------------------------------------


_UNREAD: Any = object()


async def schedule_review(
    user_id: int,
    question_id: uuid.UUID,
    rating: int,
    now: datetime,
    stored: dict[str, Any] | None = _UNREAD,
) -> None:
    """Schedule (or reschedule) the question after an answer rated `rating` at `now`.
    Call it in the transaction that stores the answer. `stored` is its card's row as read
    already (None: it has none yet); left out, it is read here."""
    if stored is _UNREAD:
        found = await ReviewCard.filter(question_id=question_id).values()
        stored = found[0] if found else None
    row = SimpleNamespace(**stored) if stored else None
    card = Card(
        state=State(row.state) if row else State.Learning,
        step=row.step if row else 0,
        stability=row.stability if row else None,
        difficulty=row.difficulty if row else None,
        due=row.due if row else now,
        last_review=row.last_review if row else None,
    )
    card, _ = SCHEDULER.review_card(card, fsrs_rating(rating), now)
    values = {
        "due": card.due,
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "last_rating": rating,
        "last_review": now,
    }
    if row is None:
        await ReviewCard.create(user_id=user_id, question_id=question_id, **values)
    else:
        await ReviewCard.filter(id=row.id).update(reviews=row.reviews + 1, **values)


def _cards(user_id: int, job_id: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    query = ReviewCard.filter(user_id=user_id)
    return query.filter(question__job_info_id=job_id) if job_id is not None else query


async def due_count(user_id: int, now: datetime, job_id: uuid.UUID | None = None) -> int:
    return await _cards(user_id, job_id).filter(due__lte=now).count()


async def next_review(user_id: int, now: datetime) -> Question | None:
    """The due question that has waited longest (with its job), or None."""
    card = (
        await ReviewCard.filter(user_id=user_id, due__lte=now)
        .order_by("due", "id")
        .select_related("question__job_info")
        .first()
    )
    return card.question if card is not None else None


async def next_due_at(user_id: int) -> datetime | None:
    card = await ReviewCard.filter(user_id=user_id).order_by("due").first()
    return card.due if card is not None else None


# ----- adaptive difficulty -----------------------------------------------------------------


async def skill_ratings(user_id: int, skill: str, limit: int = SKILL_WINDOW) -> list[int]:
    """The latest ratings of the user's answers to questions on `skill`, newest first."""
    rows = await (
        Answer.filter(question__job_info__user_id=user_id, question__skill=skill)
        .order_by("-created_at")
        .limit(limit)
        .values_list("rating", flat=True)
    )
    return [int(r) for r in rows]


async def suggest(user_id: int, skill: str | None) -> Difficulty:
    return suggested_level(await skill_ratings(user_id, skill) if skill else [])


@dataclass(frozen=True, slots=True)
class Focus:
    """What "Next for me" asks: the weakest skill at its suggested difficulty."""

    skill: str
    level: Difficulty


async def next_for_me(user_id: int, job_id: str | uuid.UUID | None) -> Focus | None:
    """The job's weakest rated skill (its main skill before any rating); None when the job
    isn't the user's."""
    job = await get_job(user_id, job_id)
    if job is None:
        return None
    averages = _skill_averages(
        await Answer.filter(question__job_info_id=job.id)
        .order_by("-created_at")
        .limit(HISTORY)
        .values_list("question__skill", "rating")
    )
    skill = averages[0].skill if averages else skill_of("", job_context(job))
    return Focus(skill, await suggest(user_id, skill))


# ----- progress ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkillAverage:
    skill: str
    average: float
    answers: int


@dataclass(frozen=True, slots=True)
class Point:
    at: datetime
    rating: int
    job: str


@dataclass(frozen=True, slots=True)
class InterviewRating:
    job: str
    at: datetime
    rating: int


@dataclass(frozen=True, slots=True)
class Progress:
    job_name: str | None  # None: every job
    points: list[Point]  # oldest first
    average: float | None
    last: float | None  # the latest RECENT answers
    before: float | None  # the RECENT before those
    skills: list[SkillAverage]  # weakest first
    interviews: list[InterviewRating]  # newest first
    streak: int
    due: int
    next_due: datetime | None
    zone: str = "UTC"
    weakest: list[SkillAverage] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.points and not self.interviews


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _skill_averages(rows: list[tuple[str | None, int]]) -> list[SkillAverage]:
    by_skill: dict[str, list[int]] = defaultdict(list)
    for skill, rating in rows:
        by_skill[skill or GENERAL].append(int(rating))
    found = [SkillAverage(s, sum(r) / len(r), len(r)) for s, r in by_skill.items()]
    return sorted(found, key=lambda item: (item.average, -item.answers, item.skill))


def streak(days: set[date], today: date) -> int:
    """Days in a row with an answer, ending today (or yesterday, if today has none yet)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


async def user_zone(user_id: int) -> str:
    reminder = await Reminder.get_or_none(user_id=user_id)
    return reminder.time_zone if reminder is not None else "UTC"


async def progress(
    user_id: int, now: datetime, job_id: str | uuid.UUID | None = None
) -> Progress | None:
    """The user's progress overall, or for one job (None when that job isn't theirs)."""
    job = None
    if job_id is not None:
        job = await get_job(user_id, job_id)
        if job is None:
            return None
    answers = Answer.filter(question__job_info__user_id=user_id)
    interviews = Interview.filter(
        user_id=user_id, status=InterviewStatus.COMPLETED, overall_rating__isnull=False
    )
    if job is not None:
        answers = answers.filter(question__job_info_id=job.id)
        interviews = interviews.filter(job_info_id=job.id)
    rows = await (
        answers.order_by("-created_at")
        .limit(HISTORY)
        .values_list("created_at", "rating", "question__skill", "question__job_info__name")
    )
    rows.reverse()  # oldest first
    ratings = [int(r[1]) for r in rows]
    name = await user_zone(user_id)
    tz = zone(name)
    all_days = await Answer.filter(
        question__job_info__user_id=user_id, created_at__gte=now - timedelta(days=HISTORY)
    ).values_list("created_at", flat=True)
    days = {at.astimezone(tz).date() for at in all_days}
    skills = _skill_averages([(r[2], r[1]) for r in rows])
    done = (
        await interviews.order_by("-created_at")
        .limit(RECENT)
        .values_list("job_info__name", "created_at", "overall_rating")
    )
    return Progress(
        job_name=job.name if job is not None else None,
        points=[Point(at, int(rating), str(job_name)) for at, rating, _, job_name in rows],
        average=_mean(ratings),
        last=_mean(ratings[-RECENT:]),
        before=_mean(ratings[-2 * RECENT : -RECENT]),
        skills=skills,
        weakest=skills[:WEAKEST],
        interviews=[InterviewRating(str(j), at, int(r)) for j, at, r in done],
        streak=streak(days, now.astimezone(tz).date()),
        due=await due_count(user_id, now, job.id if job is not None else None),
        next_due=await next_due_at(user_id),
        zone=name,
    )


# ----- admin figures -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LearnerStats:
    active_7: int  # users with an answer in the last 7 days
    active_30: int
    answers_per_day: float  # over the last 7 days
    reminder_opt_ins: int


async def _learners_since(since: datetime) -> int:
    rows = await (
        Answer.filter(created_at__gte=since)
        .distinct()
        .values_list("question__job_info__user_id", flat=True)
    )
    return len(set(rows))


async def learner_stats(now: datetime) -> LearnerStats:
    week = now - timedelta(days=7)
    return LearnerStats(
        active_7=await _learners_since(week),
        active_30=await _learners_since(now - timedelta(days=30)),
        answers_per_day=await Answer.filter(created_at__gte=week).count() / 7,
        reminder_opt_ins=await Reminder.filter(enabled=True).count(),
    )
