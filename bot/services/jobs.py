"""Job profiles: validation, ownership checks, and reads that cost one or two queries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.functions import Count
from tortoise.transactions import in_transaction

from bot.ai.schemas import JobContext
from bot.services import documents
from bot.services.documents import DocumentKind
from bot.services.ownership import parse_id
from models import ExperienceLevel, Interview, JobInfo, Question
from models.learning import ReviewCard

NAME_MAX = 100
DESCRIPTION_MIN, DESCRIPTION_MAX = 20, 10_000
LEVELS = tuple(level.value for level in ExperienceLevel)
EDITABLE_FIELDS = ("name", "title", "experience_level", "description")
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_KINDS = (DocumentKind.TXT, DocumentKind.PDF)


class InvalidValue(ValueError):
    """A user-supplied value breaks a rule. `reason` names the rule (the handlers word it from
    the catalogue as `jobs-invalid-<reason>`), `details` carries its figures."""

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, details)
        self.reason = reason
        self.details = details


def clean_name(value: str | None, what: str = "name") -> str:
    text = " ".join((value or "").split())
    if not text:
        raise InvalidValue("empty", what=what)
    if len(text) > NAME_MAX:
        raise InvalidValue("too-long", what=what, limit=NAME_MAX, got=len(text))
    return text


def clean_description(value: str | None) -> str:
    text = (value or "").strip()
    if len(text) < DESCRIPTION_MIN:
        raise InvalidValue("description-short", limit=DESCRIPTION_MIN)
    if len(text) > DESCRIPTION_MAX:
        raise InvalidValue("description-long", limit=DESCRIPTION_MAX, got=len(text))
    return text


def clean_level(value: str | None) -> str:
    if value not in LEVELS:
        raise InvalidValue("level")
    return value


def document_kind(file_name: str | None, mime_type: str | None, size: int | None) -> DocumentKind:
    """Which kind of file (.txt or .pdf) this is, judged from what Telegram reports before
    downloading it; InvalidValue for other types, empty files and files over 10 MB.

    The rule is the resume upload's (`documents.document_kind`): the extension decides, and the
    sender's MIME type counts only for a file without one (`x.exe` sent as text/plain is not
    text)."""
    try:
        kind = documents.document_kind(file_name, mime_type)
    except documents.UnsupportedType:
        kind = None
    if kind not in DOCUMENT_KINDS:
        raise InvalidValue("file-type")
    _check_size(size)
    if size == 0:
        raise InvalidValue("file-empty")
    return kind


async def description_from_file(data: bytes, kind: DocumentKind) -> str:
    """The text of a job description file, read by the shared extractor
    (`bot.services.documents`, whose refusals become InvalidValue("file-unreadable",
    document=the DocumentError), worded by the handler). The length rules
    are `clean_description`'s; a file cut short by the extractor is too long for them."""
    _check_size(len(data))
    try:
        extracted = await documents.extract_text(data, kind, min_chars=0)
    except documents.DocumentError as exc:
        raise InvalidValue("file-unreadable", document=exc) from exc
    if extracted.truncated:
        raise InvalidValue("file-too-long", limit=DESCRIPTION_MAX)
    return extracted.text


def _check_size(size: int | None) -> None:
    if size is not None and size > DOCUMENT_MAX_BYTES:
        raise InvalidValue("file-too-large")


async def create_job(
    user_id: int, *, name: str, title: str | None, experience_level: str, description: str
) -> JobInfo:
    return await JobInfo.create(
        user_id=user_id,
        name=clean_name(name),
        title=clean_name(title, "title") if title else None,
        experience_level=clean_level(experience_level),
        description=clean_description(description),
    )


async def get_job(user_id: int, job_id: str | uuid.UUID | None) -> JobInfo | None:
    """The job if it exists AND belongs to this user; otherwise None (never another's)."""
    parsed = parse_id(job_id)
    if parsed is None:
        return None
    return await JobInfo.get_or_none(id=parsed, user_id=user_id)


async def list_jobs(user_id: int, *, offset: int = 0, limit: int = 8) -> tuple[list[JobInfo], int]:
    """A page of the user's jobs, newest first, and the total count."""
    query = JobInfo.filter(user_id=user_id)
    total = await query.count()
    jobs = await query.order_by("-created_at", "id").offset(offset).limit(limit)
    return jobs, total


async def count_jobs(user_id: int) -> int:
    return await JobInfo.filter(user_id=user_id).count()


@dataclass(frozen=True, slots=True)
class JobCard:
    job: JobInfo
    questions: int
    interviews: int
    reviews_due: int = 0  # counted only when `job_card` is given "now"


async def job_card(
    user_id: int, job_id: str | uuid.UUID | None, *, now: datetime | None = None
) -> JobCard | None:
    """The job with its question and interview counts, in one query (and with `now`, its
    questions due for review, in a second)."""
    parsed = parse_id(job_id)
    if parsed is None:
        return None
    job = (
        await JobInfo.filter(id=parsed, user_id=user_id)
        .annotate(
            question_count=Count("questions", distinct=True),
            interview_count=Count("interviews", distinct=True),
        )
        .first()
    )
    if job is None:
        return None
    due = await reviews_due(job.id, now) if now is not None else 0
    return JobCard(job, job.question_count, job.interview_count, due)  # type: ignore[attr-defined]


async def reviews_due(job_id: uuid.UUID, now: datetime) -> int:
    """How many of the job's questions are due for review at `now`."""
    return await ReviewCard.filter(question__job_info_id=job_id, due__lte=now).count()


async def update_job_field(
    user_id: int, job_id: str | uuid.UUID, field: str, value: str | None
) -> JobInfo | None:
    """Validate and save one field. Returns None when the job isn't the user's."""
    if field not in EDITABLE_FIELDS:
        raise InvalidValue("field")
    job = await get_job(user_id, job_id)
    if job is None:
        return None
    if field == "name":
        job.name = clean_name(value)
    elif field == "title":
        job.title = clean_name(value, "title") if value else None
    elif field == "experience_level":
        job.experience_level = clean_level(value)  # type: ignore[assignment]
    else:
        job.description = clean_description(value)
    await job.save(update_fields=[field, "updated_at"])
    return job


@dataclass(frozen=True, slots=True)
class DeletedJob:
    name: str
    questions: int
    interviews: int


async def delete_job(user_id: int, job_id: str | uuid.UUID | None) -> DeletedJob | None:
    """Delete the user's job (questions and interviews go with it by cascade)."""
    parsed = parse_id(job_id)
    if parsed is None:
        return None
    async with in_transaction():
        job = await JobInfo.get_or_none(id=parsed, user_id=user_id)
        if job is None:
            return None
        questions = await Question.filter(job_info_id=parsed).count()
        interviews = await Interview.filter(job_info_id=parsed).count()
        await job.delete()
    return DeletedJob(job.name, questions, interviews)


def job_context(job: JobInfo, language: str = "en") -> JobContext:
    """What the model is told about the job; `language` is the user's (replies are in it)."""
    return JobContext(
        name=job.name,
        title=job.title,
        experience_level=str(
            job.experience_level.value
            if hasattr(job.experience_level, "value")
            else job.experience_level
        ),  # type: ignore[arg-type]
        description=job.description,
        language=language,
    )
