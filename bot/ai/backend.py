"""The interface every AI backend implements (OpenAI-compatible, offline coach)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.ai.schemas import (
    Difficulty,
    GradeResult,
    InterviewPlan,
    InterviewReport,
    JobContext,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.ai.streams import TextStream


class CoachBackend(Protocol):
    name: str  # "openai" or "offline"
    has_speech: bool

    def generate_question(
        self,
        job: JobContext,
        difficulty: Difficulty,
        previous_questions: Sequence[str],
        *,
        focus: str | None = None,
        skill: str | None = None,
    ) -> TextStream:
        """Stream one new question (Markdown, no answer), unlike every previous one; about
        `focus` (the user's weakest skill) or `skill` (the job's next skill), when given."""
        ...

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult: ...

    async def reference_answer(self, job: JobContext, question: str) -> str:
        """A full correct answer to `question` (Markdown), for a user who had none."""
        ...

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        """Stream the interviewer's next line; `ends_interview` is set on the closing line.

        An empty transcript asks for the greeting and first question.
        """
        ...

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport: ...

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis: ...

    async def transcribe(self, audio: bytes, mime: str) -> str: ...

    async def speak(self, text: str) -> bytes: ...

    async def aclose(self) -> None: ...
