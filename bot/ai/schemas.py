"""What the AI gateway gives features: validated pydantic results and typed inputs.

A value outside its range fails validation, so it is never stored or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.vocabulary import Difficulty as Difficulty  # re-exported: the AI layer's inputs
from models.vocabulary import ExperienceLevel

Role = Literal["interviewer", "candidate"]
FeedbackType = Literal["strength", "minor-improvement", "major-improvement"]

REPORT_CATEGORIES: tuple[str, ...] = (
    "Communication Clarity",
    "Confidence and Emotional State",
    "Response Quality",
    "Pacing and Timing",
    "Engagement and Interaction",
    "Role Fit & Alignment",
    "Overall Strengths & Areas for Improvement",
)
RESUME_CATEGORIES: tuple[str, ...] = (
    "ats",
    "job_match",
    "writing_and_formatting",
    "keyword_coverage",
    "other",
)


@dataclass(frozen=True, slots=True)
class JobContext:
    """The job a question, interview or resume check is about (user text: fence it)."""

    name: str
    title: str | None
    experience_level: ExperienceLevel
    description: str
    language: str = "en"  # the catalogue language the user reads; replies are written in it


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One line of a mock interview. `seconds` is how long the candidate took to answer."""

    role: Role
    text: str
    seconds: float | None = None


@dataclass(slots=True)
class InterviewPlan:
    """Limits the interviewer works within; `must_close` asks for the closing line now."""

    candidate_name: str
    max_questions: int = 6
    must_close: bool = False
    extra: dict[str, str] = field(default_factory=dict)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Score = Field(ge=1, le=10)


class GradeResult(_Strict):
    rating: int = Field(ge=1, le=10, description="1-10; 10 perfect, 7-9 mostly correct")
    feedback: str = Field(min_length=1, description="Markdown: what was good, what to improve")
    model_answer: str = Field(min_length=1, description="Markdown: a full correct answer")


class ReportCategory(_Strict):
    name: str
    rating: int = Field(ge=1, le=10)
    text: str = Field(min_length=1, description="Markdown, quoting moments of the transcript")


class InterviewReport(_Strict):
    overall_rating: int = Field(ge=1, le=10)
    summary: str = Field(min_length=1)
    categories: list[ReportCategory] = Field(min_length=7, max_length=7)

    def category(self, name: str) -> ReportCategory:
        return next(c for c in self.categories if c.name == name)


class ResumeFeedbackItem(_Strict):
    type: FeedbackType
    name: str = Field(min_length=1)
    message: str = Field(min_length=1)


class ResumeCategory(_Strict):
    score: int = Field(ge=1, le=10)
    summary: str = Field(min_length=1)
    feedback: list[ResumeFeedbackItem]


class ResumeAnalysis(_Strict):
    overall_score: int = Field(ge=1, le=10)
    ats: ResumeCategory
    job_match: ResumeCategory
    writing_and_formatting: ResumeCategory
    keyword_coverage: ResumeCategory
    other: ResumeCategory

    def categories(self) -> list[tuple[str, ResumeCategory]]:
        return [(name, getattr(self, name)) for name in RESUME_CATEGORIES]
