"""Resume analysis: review extracted text against a job, store the review, compare with the last.

Only the structured review is stored. The resume text lives in memory: during the analysis and,
after an AI failure, in `RetryTexts` so the Retry button can re-run on the same text without
asking for the file again. It is never written to the database (user_data is persisted, so it is
not kept there either) and is lost on restart, when the user is then asked to resend the file.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from pydantic import ValidationError

from bot.ai.gateway import AIGateway
from bot.ai.offline.resume_checks import looks_like_resume
from bot.ai.schemas import ResumeAnalysis
from bot.services.documents import ExtractedText
from bot.services.jobs import get_job, job_context
from bot.services.quotas import Quotas
from models.core import JobInfo
from models.resume import ResumeAnalysisRecord


class NotAResume(Exception):
    """The document has no resume sections and no dates (a recipe, a letter): nothing was
    analysed, spent or stored."""


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    job_id: uuid.UUID
    job_name: str
    analysis: ResumeAnalysis
    previous_score: int | None  # of the analysis before this one, for the same job
    truncated: bool
    created_at: dt.datetime


async def analyze_and_save(
    gateway: AIGateway,
    quotas: Quotas,
    user_id: int,
    job_id: str | uuid.UUID,
    extracted: ExtractedText,
    *,
    language: str = "en",
) -> StoredAnalysis | None:
    """Review `extracted` against the user's job and store the review (one quota unit).

    None when the job isn't the user's (or is gone). `NotAResume` when the text isn't one
    (checked before any backend, so both say it alike). AIUnavailableError and QuotaExceeded
    propagate with nothing saved and nothing spent.
    """
    job = await get_job(user_id, job_id)
    if job is None:
        return None
    if not looks_like_resume(extracted.text):
        raise NotAResume()
    async with quotas.spend(user_id, "resume"):
        analysis = await gateway.analyze_resume(job_context(job, language), extracted.text)
        previous = await _latest_row(job.id)
        row = await ResumeAnalysisRecord.create(
            job_info=job,
            overall_score=analysis.overall_score,
            result=analysis.model_dump(mode="json"),
            file_kind=extracted.kind.value,
            truncated=extracted.truncated,
        )
    return StoredAnalysis(
        job_id=job.id,
        job_name=job.name,
        analysis=analysis,
        previous_score=previous.overall_score if previous else None,
        truncated=extracted.truncated,
        created_at=row.created_at,
    )


async def latest_analysis(user_id: int, job_id: str | uuid.UUID | None) -> StoredAnalysis | None:
    """The newest stored review of the user's job (None if none, or not theirs)."""
    job = await get_job(user_id, job_id)
    if job is None:
        return None
    rows = await ResumeAnalysisRecord.filter(job_info_id=job.id).order_by("-created_at").limit(2)
    if not rows:
        return None
    try:
        analysis = ResumeAnalysis.model_validate(rows[0].result)
    except ValidationError:  # written by an older schema: nothing we can show faithfully
        return None
    return StoredAnalysis(
        job_id=job.id,
        job_name=job.name,
        analysis=analysis,
        previous_score=rows[1].overall_score if len(rows) > 1 else None,
        truncated=rows[0].truncated,
        created_at=rows[0].created_at,
    )


@dataclass(frozen=True, slots=True)
class LastScore:
    score: int
    created_at: dt.datetime


async def last_score(job: JobInfo) -> LastScore | None:
    """The score of the job's newest review (the caller already checked ownership)."""
    row = await _latest_row(job.id)
    return LastScore(row.overall_score, row.created_at) if row else None


async def _latest_row(job_id: uuid.UUID) -> ResumeAnalysisRecord | None:
    return await ResumeAnalysisRecord.filter(job_info_id=job_id).order_by("-created_at").first()


@dataclass(frozen=True, slots=True)
class PendingRetry:
    user_id: int
    job_id: str
    extracted: ExtractedText
    expires_at: float


class RetryTexts:
    """Extracted resume texts waiting for a Retry after an AI failure, in memory only.

    One per user (a new failure replaces the old), at most `max_items`, each for `ttl` seconds.
    A token in the button ties it to exactly this text.
    """

    def __init__(self, *, ttl: float = 30 * 60, max_items: int = 200) -> None:
        self.ttl, self.max_items = ttl, max_items
        self._items: OrderedDict[str, PendingRetry] = OrderedDict()

    def put(self, user_id: int, job_id: str | uuid.UUID, extracted: ExtractedText) -> str:
        self.drop_user(user_id)
        self._expire()
        while len(self._items) >= self.max_items:
            self._items.popitem(last=False)
        token = secrets.token_urlsafe(9)
        self._items[token] = PendingRetry(
            user_id, str(job_id), extracted, time.monotonic() + self.ttl
        )
        return token

    def take(self, user_id: int, token: str | None) -> PendingRetry | None:
        """The pending text for this token if it is this user's and still fresh (removed)."""
        self._expire()
        item = self._items.get(token or "")
        if item is None or item.user_id != user_id:
            return None
        del self._items[token or ""]
        return item

    def drop_user(self, user_id: int) -> None:
        for token in [t for t, item in self._items.items() if item.user_id == user_id]:
            del self._items[token]

    def __len__(self) -> int:
        return len(self._items)

    def _expire(self) -> None:
        now = time.monotonic()
        for token in [t for t, item in self._items.items() if item.expires_at <= now]:
            del self._items[token]
