"""What the AI gateway gives features: validated pydantic results and typed inputs.

A value outside its range fails validation, so it is never stored or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

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
# The report's categories as the fixed keys of the model's structured result (so constrained
# decoding can't invent or drop one), and the names shown.
REPORT_KEYS: dict[str, str] = dict(
    zip(
        (
            "communication_clarity",
            "confidence_and_emotional_state",
            "response_quality",
            "pacing_and_timing",
            "engagement_and_interaction",
            "role_fit_and_alignment",
            "overall_strengths_and_areas_for_improvement",
        ),
        REPORT_CATEGORIES,
        strict=True,
    )
)
PACING = "Pacing and Timing"
STRENGTHS = "Overall Strengths & Areas for Improvement"
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
    """One line of a mock interview. `seconds` is how long the candidate took to answer (typing
    included: not their pace); `voice_seconds` the length of a voice answer."""

    role: Role
    text: str
    seconds: float | None = None
    voice_seconds: float | None = None  # a voice answer: how long it was


@dataclass(slots=True)
class InterviewPlan:
    """Limits the interviewer works within; `must_close` asks for the closing line now."""

    candidate_name: str
    max_questions: int = 6
    must_close: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    # the interviewer's lines in the candidate's earlier interviews for this job, oldest first:
    # not to be asked again while other questions remain
    previous_questions: list[str] = field(default_factory=list)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Score = Field(ge=1, le=10)


class GradeResult(_Strict):
    rating: int = Field(ge=1, le=10, description="1-10; 10 perfect, 7-9 mostly correct")
    feedback: str = Field(min_length=1, description="Markdown: what was good, what to improve")
    model_answer: str = Field(min_length=1, description="Markdown: a full correct answer")


class ReportCategory(_Strict):
    name: str
    rating: int | None = Field(ge=1, le=10, description="None: not measured (typed pacing)")
    text: str = Field(min_length=1, description="Markdown, quoting moments of the transcript")


StarPart = Literal["Situation", "Task", "Action", "Result"]


class QuestionFeedback(_Strict):
    """Feedback on one main question of the interview."""

    question: str = Field(min_length=1, description="the question, as asked")
    did_well: str = Field(min_length=1, description="what the answer did well")
    missing: str = Field(min_length=1, description="what the answer was missing")
    model_answer: str = Field(min_length=1, description="a short model answer")
    star_missing: list[StarPart] | None = Field(
        default=None,
        description="behavioural questions only: the STAR parts the answer lacked",
    )


class InterviewReport(_Strict):
    overall_rating: int = Field(ge=1, le=10)
    summary: str = Field(min_length=1)
    categories: list[ReportCategory] = Field(min_length=7, max_length=7)
    questions: list[QuestionFeedback] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_keys(cls, data: Any) -> Any:
        """The model's result names each category by its fixed key (`ReportWire`)."""
        if isinstance(data, dict) and isinstance(data.get("categories"), dict):
            keyed = data["categories"]
            listed = [
                {"name": REPORT_KEYS.get(key, key), **value} if isinstance(value, dict) else value
                for key, value in keyed.items()
            ]
            data = {**data, "categories": listed}
        return data

    def category(self, name: str) -> ReportCategory:
        return next(c for c in self.categories if c.name == name)


class WireScore(_Strict):
    rating: int = Field(ge=1, le=10)
    text: str = Field(min_length=1, description="Markdown, quoting moments of the transcript")


WireCategories = create_model(  # type: ignore[call-overload]
    "WireCategories",
    __base__=_Strict,
    **{key: (WireScore, ...) for key in REPORT_KEYS},
)


class ReportWire(_Strict):
    """The report as the model writes it: the seven categories as fixed keys."""

    overall_rating: int = Field(ge=1, le=10)
    summary: str = Field(min_length=1)
    categories: WireCategories  # type: ignore[valid-type]
    questions: list[QuestionFeedback]


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
