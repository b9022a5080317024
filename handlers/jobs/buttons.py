"""The buttons of job profiles: the list and the card, and the prompts of /newjob and editing.
Import-light (no handlers), so other features can point to a job's card."""

from __future__ import annotations

import uuid
from typing import ClassVar

from bot.services.jobs import JobCard, job_card
from handlers.kit.buttons import Button
from models import ExperienceLevel

PAGE_MAX = 999_999  # more pages than anyone has: a bigger number is forged


class _CardButton(Button):
    """A button about one of the presser's jobs: `owned` gives its card (with its counts)."""

    missing: ClassVar[str] = "jobs-not-found"
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobCard | None:
        return await job_card(user_id, self.job_id)


class JobOpen(_CardButton, prefix="job.open"):
    """Show the job's card."""


class JobDelete(_CardButton, prefix="job.del"):
    """Ask before deleting the job."""


class JobDeleteConfirm(_CardButton, prefix="job.delok"):
    """Delete it (the handler deletes through the service, which checks again)."""

    async def owned(self, user_id: int) -> bool:
        return True  # deleting checks ownership in one transaction; "not found" comes from it


class JobEdit(_CardButton, prefix="job.edit"):
    """Start editing the job."""


class JobPage(Button, prefix="job.page"):
    """A page of /jobs (0 is the first)."""

    missing: ClassVar[str] = "jobs-page-not-found"
    page: int

    async def owned(self, user_id: int) -> bool | None:
        return True if 0 <= self.page <= PAGE_MAX else None


class NewJobSkip(Button, prefix="jobs.new.skip"):
    """/newjob: no job title."""


class NewJobLevel(Button, prefix="jobs.new.level"):
    """/newjob: the experience level."""

    level: ExperienceLevel


class EditField(Button, prefix="jobs.edit.field"):
    """Editing: which field to change."""

    field: str


class EditClearTitle(Button, prefix="jobs.edit.clear"):
    """Editing: remove the job title."""


class EditLevel(Button, prefix="jobs.edit.level"):
    """Editing: the new experience level."""

    level: ExperienceLevel
