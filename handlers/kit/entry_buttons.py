"""The buttons of the job card that start another feature for that job (practice, mock
interviews, resume): shared, so the job card and the features agree on them without importing
each other's handlers."""

from __future__ import annotations

import uuid

from bot.services.jobs import get_job
from handlers.kit.buttons import Button
from models import JobInfo


class PracticeJob(Button, prefix="practice.job"):
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)


class PracticeList(Button, prefix="practice.list"):
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)


class InterviewJob(Button, prefix="interview.job"):
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)


class InterviewList(Button, prefix="interview.list"):
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)


class ResumeJob(Button, prefix="resume.job"):
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)
