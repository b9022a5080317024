"""Mock interviews: starting, recording both sides, closing, and the history (the report is
`bot.services.interview_report`).

An interview in progress lives in the database (status `active`, its lines in
`interview_messages`), so it continues after a restart from what is stored. Every function that
takes a `user_id` returns None for an interview that isn't that user's.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.ai.errors import AIFailure, AIUnavailableError
from bot.ai.gateway import AIGateway
from bot.ai.schemas import InterviewPlan, TranscriptLine
from bot.ai.streams import TextStream
from bot.services.jobs import get_job, job_context
from bot.services.ownership import owned_through_job, parse_id
from bot.services.quotas import Quotas
from bot.settings import Settings
from models import Interview
from models.core import InterviewStatus
from models.interviews import InterviewMessage, MessageRole

HISTORY_LIMIT = 10


class NothingAsked(Exception):
    """The interviewer hasn't asked anything yet (its opening failed): a candidate message is
    not an answer until it does."""

    def __init__(self) -> None:
        super().__init__("the interviewer hasn't asked anything yet")


class SilentInterviewer(AIUnavailableError):
    """The interviewer's line came back empty (an empty reply, or a refusal, which streams no
    content): a failed turn like any other, so nothing is stored and nothing is spent."""

    def __init__(self) -> None:
        super().__init__(AIFailure.EMPTY_REPLY)


class InterviewInProgress(Exception):
    """The user already has an interview in progress (only one at a time)."""

    def __init__(self, interview: Interview) -> None:
        super().__init__("an interview is already in progress")
        self.interview = interview


@dataclass(frozen=True, slots=True)
class Turn:
    """The interviewer's next line, streaming (it raises SilentInterviewer at its end when it
    said nothing); `closing` when we asked it to close now."""

    stream: TextStream
    closing: bool
    source: TextStream  # the model's stream behind `stream` (it knows about [END])

    @property
    def ends_interview(self) -> bool:
        return self.closing or self.source.ends_interview


@dataclass(frozen=True, slots=True)
class Ended:
    """The result of ending an interview: `interview` is None when it was deleted because the
    candidate answered fewer than twice (no report, nothing counted against the plan);
    `already` when it had ended before."""

    interview: Interview | None
    already: bool = False
    answered: int = 0  # when deleted: how many answers it had (0 or 1)


@dataclass(frozen=True, slots=True)
class HistoryItem:
    id: uuid.UUID
    created_at: datetime
    duration: str
    status: InterviewStatus
    overall_rating: int | None


@dataclass(frozen=True, slots=True)
class History:
    job_id: uuid.UUID
    job_name: str
    items: list[HistoryItem]
    total: int


def format_duration(seconds: float) -> str:
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _between(started: datetime, ended: datetime | None) -> str:
    return format_duration(((ended or _now()) - started).total_seconds())


def duration_of(interview: Interview) -> str:
    """HH:MM:SS from the start to the end (to now while it is in progress)."""
    return _between(interview.started_at or interview.created_at, interview.ended_at)


def _now() -> datetime:
    return datetime.now(UTC)


# ----- reading ---------------------------------------------------------------------------------


async def active_interview(user_id: int) -> Interview | None:
    """The user's interview in progress, with its job."""
    return (
        await Interview.filter(user_id=user_id, status=InterviewStatus.ACTIVE)
        .select_related("job_info")
        .first()
    )


async def get_interview(user_id: int, interview_id: str | uuid.UUID | None) -> Interview | None:
    """The interview with its job if it is this user's."""
    return await owned_through_job(Interview, user_id, interview_id)


async def messages(interview: Interview) -> list[InterviewMessage]:
    return await InterviewMessage.filter(interview_id=interview.id).order_by("id")


def transcript_of(lines: list[InterviewMessage]) -> list[TranscriptLine]:
    return [
        TranscriptLine(
            role=MessageRole(line.role).value,  # type: ignore[arg-type]
            text=line.text,
            seconds=line.response_seconds,
            voice_seconds=line.voice_seconds if line.role == MessageRole.CANDIDATE else None,
        )
        for line in lines
    ]


async def last_interviewer_line(interview: Interview) -> str | None:
    line = (
        await InterviewMessage.filter(interview_id=interview.id, role=MessageRole.INTERVIEWER)
        .order_by("-id")
        .first()
    )
    return line.text if line else None


# ----- starting --------------------------------------------------------------------------------


async def start_interview(
    quotas: Quotas, user_id: int, job_id: str | uuid.UUID | None
) -> Interview | None:
    """Start an interview for the user's job (None when the job isn't theirs).

    Raises InterviewInProgress when one is already running, QuotaExceeded/RateLimited when the
    plan or the start limiter says no (asked only once we know we would start one). The start
    token is taken in the transaction that creates the interview: a start that loses the race
    or fails spends none.
    """
    job = await get_job(user_id, parse_id(job_id))
    if job is None:
        return None
    current = await active_interview(user_id)
    if current is not None:
        raise InterviewInProgress(current)
    try:
        async with in_transaction():
            await quotas.begin_interview(user_id)
            interview = await Interview.create(
                job_info=job, user_id=user_id, status=InterviewStatus.ACTIVE, started_at=_now()
            )
    except IntegrityError:  # another start won the race (the partial unique index)
        current = await active_interview(user_id)
        if current is None:
            raise
        raise InterviewInProgress(current) from None
    interview.job_info = job
    return interview


async def replace_unopened(
    user_id: int, current: Interview, job_id: str | uuid.UUID | None
) -> Interview | None:
    """Move the user's interview in progress to another of their jobs and start it afresh,
    when nothing was said in it yet (its opening failed): it keeps the start token it took, so
    replacing it takes no second one. None when the job isn't theirs or the interview has
    lines (then it is ended and a new one started as usual)."""
    job = await get_job(user_id, parse_id(job_id))
    if job is None or current.status != InterviewStatus.ACTIVE:
        return None
    async with in_transaction():
        if await InterviewMessage.exists(interview_id=current.id):
            return None
        updated = await Interview.filter(
            id=current.id, user_id=user_id, status=InterviewStatus.ACTIVE
        ).update(job_info_id=job.id, started_at=_now())
    if not updated:
        return None
    return await active_interview(user_id)


# ----- the conversation ------------------------------------------------------------------------


def elapsed(interview: Interview, now: datetime | None = None) -> timedelta:
    started = interview.started_at or interview.created_at
    return (now or _now()) - started


def plan_for(
    interview: Interview, lines: list[InterviewMessage], candidate_name: str, settings: Settings
) -> InterviewPlan:
    """Close when time is up, or (a safety net for a model that never closes) after every
    question and one follow-up each have been asked."""
    asked = sum(1 for line in lines if line.role == MessageRole.INTERVIEWER)
    spent = elapsed(interview)
    out_of_time = spent >= timedelta(minutes=settings.interview_time_limit_minutes)
    too_long = asked >= 2 * settings.interview_max_questions + 1
    return InterviewPlan(
        candidate_name=candidate_name,
        max_questions=settings.interview_max_questions,
        must_close=bool(lines) and (out_of_time or too_long),
        extra={
            "time limit": f"{settings.interview_time_limit_minutes} minutes",
            "time used": f"{int(spent.total_seconds() // 60)} minutes",
        },
    )


EARLIER_LINES = 60  # the newest interviewer lines of earlier interviews that are sent along
EARLIER_LINE_CHARS = 400


async def earlier_questions(interview: Interview) -> list[str]:
    """The interviewer's lines in the user's earlier interviews for the same job, oldest first
    (the newest EARLIER_LINES of them), so a new interview asks other questions first."""
    rows = (
        await InterviewMessage.filter(
            interview__job_info_id=interview.job_info_id,  # type: ignore[attr-defined]
            interview__user_id=interview.user_id,  # type: ignore[attr-defined]
            role=MessageRole.INTERVIEWER,
        )
        .exclude(interview_id=interview.id)
        .order_by("-id")
        .limit(EARLIER_LINES)
        .values_list("text", flat=True)
    )
    return [str(text)[:EARLIER_LINE_CHARS] for text in reversed(rows)]


async def interviewer_turn(
    gateway: AIGateway,
    interview: Interview,
    candidate_name: str,
    settings: Settings,
    *,
    language: str = "en",
) -> Turn:
    """The interviewer's next line for the stored transcript (streams; nothing saved yet)."""
    lines = await messages(interview)
    plan = plan_for(interview, lines, candidate_name, settings)
    plan.previous_questions = await earlier_questions(interview)
    job = job_context(interview.job_info, language)
    source = gateway.interviewer_turn(job, transcript_of(lines), plan)
    return Turn(
        stream=TextStream(_words_or_silence(source)), closing=plan.must_close, source=source
    )


async def _words_or_silence(stream: TextStream) -> AsyncIterator[str]:
    """The deltas of `stream`, then SilentInterviewer if they held no words."""
    try:
        async for delta in stream:
            yield delta
    finally:
        await stream.aclose()  # closed with us, e.g. when showing the reply failed
    if not stream.text.strip():
        raise SilentInterviewer


async def has_asked(interview: Interview) -> bool:
    """True once the interviewer has said something (its opening may have failed)."""
    return await InterviewMessage.exists(interview_id=interview.id, role=MessageRole.INTERVIEWER)


async def needs_interviewer(interview: Interview) -> bool:
    """True when the interviewer owes the next line (nothing said yet, or the candidate spoke
    last): what a Retry after a failed turn may do, and nothing more."""
    last = await InterviewMessage.filter(interview_id=interview.id).order_by("-id").first()
    return last is None or last.role == MessageRole.CANDIDATE


async def save_interviewer_line(interview: Interview, text: str) -> InterviewMessage:
    """Store the interviewer's line; an empty one is a failed turn (SilentInterviewer)."""
    text = text.strip()
    if not text:
        raise SilentInterviewer
    return await InterviewMessage.create(
        interview_id=interview.id, role=MessageRole.INTERVIEWER, text=text
    )


async def set_interviewer_voice(line: InterviewMessage, seconds: int | None) -> None:
    if seconds is not None:
        line.voice_seconds = max(0, seconds)
        await line.save(update_fields=["voice_seconds"])


async def save_answer(
    quotas: Quotas,
    user_id: int,
    interview: Interview,
    text: str,
    *,
    sent_at: datetime | None = None,
    voice_seconds: int | None = None,
) -> InterviewMessage:
    """Store one candidate line. The first answer spends the interview quota, in the same
    transaction (QuotaExceeded leaves nothing stored). Raises NothingAsked, storing and spending
    nothing, while the interviewer hasn't asked anything yet."""
    async with in_transaction():
        if not await has_asked(interview):
            raise NothingAsked
        previous = await InterviewMessage.filter(interview_id=interview.id).order_by("-id").first()
        response = None
        if previous is not None:
            response = max(0.0, ((sent_at or _now()) - previous.created_at).total_seconds())
        values: dict[str, Any] = {
            "interview_id": interview.id,
            "role": MessageRole.CANDIDATE,
            "text": text,
            "voice_seconds": voice_seconds,
            "response_seconds": response,
        }
        answered = await InterviewMessage.exists(
            interview_id=interview.id, role=MessageRole.CANDIDATE
        )
        if answered:
            return await InterviewMessage.create(**values)
        # the insert in a savepoint of its own: if it fails, the unit is given back while the
        # transaction is still usable, and then everything is rolled back
        async with quotas.spend(user_id, "interview"), in_transaction():
            return await InterviewMessage.create(**values)


async def set_voice_replies(
    user_id: int, interview_id: str | uuid.UUID | None, enabled: bool
) -> Interview | None:
    """Turn interviewer voice notes on or off for the user's interview in progress."""
    interview = await get_interview(user_id, interview_id)
    if interview is None or interview.status != InterviewStatus.ACTIVE:
        return None
    interview.voice_replies = enabled
    await interview.save(update_fields=["voice_replies", "updated_at"])
    return interview


# ----- ending ----------------------------------------------------------------------------------


MIN_ANSWERS_FOR_REPORT = 2  # fewer answers: too short for a report, and it doesn't count


async def _answers(interview: Interview) -> int:
    return await InterviewMessage.filter(
        interview_id=interview.id, role=MessageRole.CANDIDATE
    ).count()


async def _remove(quotas: Quotas, user_id: int, interview: Interview, *, token: bool) -> int:
    """Delete the interview and give back its plan unit (and its start token when `token`);
    returns how many answers it had."""
    answered = await _answers(interview)
    await Interview.filter(id=interview.id).delete()
    await quotas.give_back_interview(user_id, counted=answered > 0, token=token)
    return answered


async def end_interview(
    quotas: Quotas,
    user_id: int,
    interview_id: str | uuid.UUID | None,
    *,
    closed_by_interviewer: bool = False,
) -> Ended | None:
    """Close the user's interview in progress (None if there is no such interview).

    Ended by the candidate with fewer than MIN_ANSWERS_FOR_REPORT answers (closed by the
    interviewer, which asked all it had to: without any), it is deleted: no report, and it
    doesn't count (its plan unit is given back; the start token stays taken, as starting is
    what the bucket limits). Ending one that has already
    ended returns it unchanged (its report may still be owed).
    """
    interview = await get_interview(user_id, interview_id)
    if interview is None:
        return None
    if interview.status != InterviewStatus.ACTIVE:
        return Ended(interview, already=True)
    async with in_transaction():
        needed = 1 if closed_by_interviewer else MIN_ANSWERS_FOR_REPORT
        if await _answers(interview) < needed:
            answered = await _remove(quotas, user_id, interview, token=False)
            return Ended(None, answered=answered)
        now = _now()
        interview.status = InterviewStatus.ENDED
        interview.ended_at = now
        await interview.save(update_fields=["status", "ended_at", "updated_at"])
    return Ended(interview)


async def discard_interview(
    quotas: Quotas, user_id: int, interview_id: str | uuid.UUID | None
) -> bool:
    """Delete the user's interview in progress without a report (/cancel, then Discard): it
    doesn't count against the plan (unit and start token given back). False when there is
    no such interview in progress."""
    interview = await get_interview(user_id, interview_id)
    if interview is None or interview.status != InterviewStatus.ACTIVE:
        return False
    async with in_transaction():
        await _remove(quotas, user_id, interview, token=True)
    return True


# ----- history ---------------------------------------------------------------------------------


async def history(user_id: int, job_id: str | uuid.UUID | None) -> History | None:
    """The newest interviews of the user's job (date, duration, rating: one query), or None
    when the job isn't theirs."""
    parsed = parse_id(job_id)
    if parsed is None:
        return None
    rows = (
        await Interview.filter(job_info_id=parsed, job_info__user_id=user_id)
        .order_by("-created_at")
        .limit(HISTORY_LIMIT)
        .values(
            "id",
            "created_at",
            "started_at",
            "ended_at",
            "status",
            "overall_rating",
            "job_info__name",
        )
    )
    if rows:
        name = rows[0]["job_info__name"]
        total = len(rows)
        if total == HISTORY_LIMIT:
            total = await Interview.filter(job_info_id=parsed).count()
    else:
        job = await get_job(user_id, parsed)
        if job is None:
            return None
        name, total = job.name, 0
    items = [
        HistoryItem(
            id=row["id"] if isinstance(row["id"], uuid.UUID) else uuid.UUID(str(row["id"])),
            created_at=row["started_at"] or row["created_at"],
            duration=_between(row["started_at"] or row["created_at"], row["ended_at"]),
            status=InterviewStatus(row["status"]),
            overall_rating=row["overall_rating"],
        )
        for row in rows
    ]
    return History(job_id=parsed, job_name=name, items=items, total=total)
