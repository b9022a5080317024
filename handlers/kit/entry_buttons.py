"""The buttons on a job's card that lead into other features (practice, interviews, resume).

They live here, in one import-light module, while those features still have flat modules
(`handlers/practice.py` …) that a `handlers/practice/` package would shadow; each feature
registers the handlers for its own buttons. A press is checked against the presser's jobs."""

from __future__ import annotations

import uuid
from typing import ClassVar

from bot.services.jobs import get_job
from handlers.kit.buttons import Button
from models import JobInfo


class _JobButton(Button):
    missing: ClassVar[str] = "kit-not-found"
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)


class PracticeJob(_JobButton, prefix="practice.job"):
    """Practise questions for this job."""


class PracticeList(_JobButton, prefix="practice.list"):
    """The questions already practised for this job."""


class InterviewJob(_JobButton, prefix="interview.job"):
    """A mock interview for this job."""


class InterviewList(_JobButton, prefix="interview.list"):
    """The past interviews for this job."""


class ResumeJob(_JobButton, prefix="resume.job"):
    """A resume check against this job."""
