"""The buttons that open a feature for one job, shown on the job card and in pickers.

They live here, not in their features, because several features show them; each is handled
by its own feature."""

from __future__ import annotations

import uuid
from typing import Any

from bot.services.jobs import get_job
from handlers.kit.buttons import Button


class _JobButton(Button):
    job_id: uuid.UUID
    missing = "kit-job-not-found"

    async def owned(self, user_id: int) -> Any:
        return await get_job(user_id, self.job_id)


class PracticeJob(_JobButton, prefix="practice.job"):
    """Practise for this job (the practice feature)."""


class PracticeList(_JobButton, prefix="practice.list"):
    """This job's past questions (the practice feature)."""


class InterviewJob(_JobButton, prefix="interview.job"):
    """A mock interview for this job (the interviews feature)."""


class InterviewList(_JobButton, prefix="interview.list"):
    """This job's past interviews (the interviews feature)."""


class ResumeJob(_JobButton, prefix="resume.job"):
    """Check a resume against this job (the resume feature)."""


class ProgressJob(_JobButton, prefix="learn.job"):
    """This job's progress (the learning feature)."""
