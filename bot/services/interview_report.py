"""Mock interview reports: written by the model once an interview has ended, stored as JSON
(for the PDF) and as Markdown (`feedback`: shown and downloaded), and their title lines.

Every function that takes a `user_id` returns None for an interview that isn't that user's.
"""

from __future__ import annotations

import uuid

from bot.ai.gateway import AIGateway
from bot.ai.schemas import InterviewReport
from bot.services.interviews import get_interview, messages, transcript_of
from bot.services.jobs import job_context
from models import Interview, JobInfo
from models.core import InterviewStatus


async def write_report(
    gateway: AIGateway, user_id: int, interview_id: str | uuid.UUID | None, candidate_name: str
) -> Interview | None:
    """Generate and store the report of the user's ended interview; a completed one is
    returned as is. Raises AIUnavailableError (nothing stored; the interview is kept)."""
    interview = await get_interview(user_id, interview_id)
    if interview is None or interview.status == InterviewStatus.ACTIVE:
        return None
    if interview.status == InterviewStatus.COMPLETED and interview.feedback:
        return interview
    lines = await messages(interview)
    job = interview.job_info
    report = await gateway.interview_report(job_context(job), transcript_of(lines), candidate_name)
    interview.report_json = report.model_dump(mode="json")
    interview.overall_rating = report.overall_rating
    interview.feedback = report_markdown(interview, job, report)
    interview.status = InterviewStatus.COMPLETED
    await interview.save(
        update_fields=["report_json", "overall_rating", "feedback", "status", "updated_at"]
    )
    return interview


def report_title(job: JobInfo) -> str:
    return f"Mock interview report — {job.title or job.name}"


def report_meta(interview: Interview, job: JobInfo) -> str:
    date = (interview.started_at or interview.created_at).strftime("%d %b %Y")
    return f"{job.name} · {date} · duration {interview.duration}"


def report_markdown(interview: Interview, job: JobInfo, report: InterviewReport) -> str:
    """The report as Markdown: what is stored in `feedback`, shown and downloaded."""
    parts = [
        f"# {report_title(job)}",
        f"_{report_meta(interview, job)}_",
        f"**Overall rating: {report.overall_rating}/10**",
        report.summary.strip(),
    ]
    for category in report.categories:
        parts.append(f"## {category.name} — {category.rating}/10")
        parts.append(category.text.strip())
    return "\n\n".join(parts) + "\n"


def stored_report(interview: Interview) -> InterviewReport | None:
    if not interview.report_json:
        return None
    return InterviewReport.model_validate(interview.report_json)
