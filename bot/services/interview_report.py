"""Mock interview reports: written by the model once an interview has ended, stored as JSON
(`report_json`: the PDF, and the Markdown shown and downloaded is rendered from it), and their
title lines. Reports from before migration 9 that were kept only as Markdown are stored as
`{"markdown": "..."}`: shown and downloaded as they are, with no PDF.

Every function that takes a `user_id` returns None for an interview that isn't that user's.
"""

from __future__ import annotations

import uuid

from bot.ai.gateway import AIGateway
from bot.ai.schemas import InterviewReport
from bot.i18n import Texts
from bot.services.interviews import duration_of, get_interview, messages, transcript_of
from bot.services.jobs import job_context
from models import Interview, JobInfo
from models.core import InterviewStatus


async def write_report(
    gateway: AIGateway,
    user_id: int,
    interview_id: str | uuid.UUID | None,
    candidate_name: str,
    *,
    language: str = "en",
) -> Interview | None:
    """Generate and store the report of the user's ended interview; a completed one is
    returned as is. Raises AIUnavailableError (nothing stored; the interview is kept)."""
    interview = await get_interview(user_id, interview_id)
    if interview is None or interview.status == InterviewStatus.ACTIVE:
        return None
    if interview.status == InterviewStatus.COMPLETED and has_report(interview):
        return interview
    lines = await messages(interview)
    job = interview.job_info
    report = await gateway.interview_report(
        job_context(job, language), transcript_of(lines), candidate_name
    )
    interview.report_json = report.model_dump(mode="json")
    interview.overall_rating = report.overall_rating
    interview.status = InterviewStatus.COMPLETED
    await interview.save(update_fields=["report_json", "overall_rating", "status", "updated_at"])
    return interview


# The report's headings are worded from the catalogue (`t`, the reader's language; plain text).
def report_title(t: Texts, job: JobInfo) -> str:
    return t.plain("interviews-report-title", job=job.title or job.name)


def report_meta(t: Texts, interview: Interview, job: JobInfo) -> str:
    date = (interview.started_at or interview.created_at).strftime("%d %b %Y")
    return t.plain(
        "interviews-report-meta", job=job.name, date=date, duration=duration_of(interview)
    )


def report_markdown(t: Texts, interview: Interview, job: JobInfo, report: InterviewReport) -> str:
    """The report as Markdown, shown and downloaded."""
    parts = [
        f"# {report_title(t, job)}",
        f"_{report_meta(t, interview, job)}_",
        f"**{t.plain('interviews-report-overall', rating=report.overall_rating)}**",
        report.summary.strip(),
    ]
    for category in report.categories:
        parts.append(f"## {category.name} — {rating_text(category.rating)}")
        parts.append(category.text.strip())
    if report.questions:
        parts.append("## Question by question")
    for number, item in enumerate(report.questions, 1):
        parts.append(
            f"**{number}. {item.question.strip()}**\n\n"
            f"- Did well: {item.did_well.strip()}\n"
            f"- Missing: {item.missing.strip()}\n"
            f"- Model answer: {item.model_answer.strip()}"
        )
    return "\n\n".join(parts) + "\n"


def rating_text(rating: int | None) -> str:
    return "not measured" if rating is None else f"{rating}/10"


def has_report(interview: Interview) -> bool:
    return bool(interview.report_json)


def _markdown_only(interview: Interview) -> str | None:
    """The Markdown of a report kept only as Markdown (before migration 9), else None."""
    stored = interview.report_json
    if isinstance(stored, dict) and isinstance(stored.get("markdown"), str):
        return stored["markdown"]
    return None


def stored_report(interview: Interview) -> InterviewReport | None:
    """The structured report (None when there is none, or only its Markdown)."""
    if not interview.report_json or _markdown_only(interview) is not None:
        return None
    return InterviewReport.model_validate(interview.report_json)


def report_text(t: Texts, interview: Interview) -> str | None:
    """The report as Markdown (the interview's job must be loaded), or None without one."""
    markdown = _markdown_only(interview)
    if markdown is not None:
        return markdown
    report = stored_report(interview)
    return None if report is None else report_markdown(t, interview, interview.job_info, report)
