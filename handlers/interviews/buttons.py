"""The buttons of mock interviews. Each one naming an interview is checked against the user who
pressed it (`bot.services.interviews.get_interview`); the job card's buttons that start an
interview or list a job's interviews are shared, in `handlers.kit.entry_buttons`."""

from __future__ import annotations

import uuid
from typing import ClassVar

from bot.services import interviews as service
from bot.services.jobs import get_job
from handlers.kit.buttons import Button
from models import Interview, JobInfo


class _OfInterview(Button):
    """A button naming one of the user's interviews."""

    missing: ClassVar[str] = "interviews-not-found"
    interview_id: uuid.UUID

    async def owned(self, user_id: int) -> Interview | None:
        return await service.get_interview(user_id, self.interview_id)


class ContinueInterview(_OfInterview, prefix="interview.continue"):
    """Go on with the interview in progress (instead of starting another)."""


class EndInterview(_OfInterview, prefix="interview.end"):
    pass


class DiscardInterview(_OfInterview, prefix="interview.discard"):
    """/cancel, confirmed: delete the interview in progress; it doesn't count."""


class KeepGoing(_OfInterview, prefix="interview.keep"):
    """/cancel, declined: the interview goes on."""


class RetryTurn(_OfInterview, prefix="interview.retry"):
    """Ask the interviewer again after its line failed."""


class VoiceReplies(_OfInterview, prefix="interview.voice"):
    """Turn the interviewer's voice notes on or off."""

    on: bool


class RetryReport(_OfInterview, prefix="interview.report"):
    pass


class OpenInterview(_OfInterview, prefix="interview.open"):
    """One interview of /interviews: its report, or what is left to do."""


class Transcript(_OfInterview, prefix="interview.tx"):
    pass


class DownloadMarkdown(_OfInterview, prefix="interview.md"):
    pass


class DownloadPdf(_OfInterview, prefix="interview.pdf"):
    pass


class ReplaceInterview(Button, prefix="interview.replace"):
    """End the interview in progress and start one for this job."""

    missing: ClassVar[str] = "interviews-job-not-found"
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)


class InterviewsForJob(Button, prefix="interviews.job"):
    """The job picker of /interviews: that job's interviews."""

    missing: ClassVar[str] = "interviews-job-not-found"
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> JobInfo | None:
        return await get_job(user_id, self.job_id)
