"""The resume feature's buttons (the job card's entry button is `ResumeJob` in
handlers/kit/entry_buttons.py)."""

from __future__ import annotations

import uuid
from typing import ClassVar

from bot.services import resume as service
from handlers.kit.buttons import Button
from handlers.kit.entry_buttons import ResumeJob

__all__ = ["ResumeJob", "ResumeLast", "ResumeRetry"]


class ResumeLast(Button, prefix="resume.last"):
    """Shows the newest stored review of the user's job."""

    missing: ClassVar[str] = "resume-no-review"
    job_id: uuid.UUID

    async def owned(self, user_id: int) -> service.StoredAnalysis | None:
        return await service.latest_analysis(user_id, self.job_id)


class ResumeRetry(Button, prefix="resume.retry"):
    """Re-runs a failed analysis on the text kept in memory (`token` names it; the text is
    the presser's only, checked when it is taken); once that text is gone, asks for the file
    again for the job (looked up for the presser then)."""

    token: str
    job_id: uuid.UUID
