"""The one door to language models. Features call this; it picks the backend from settings.

Before any model sees an answer, a deterministic check rates answers that carry no content,
so neither backend can flatter gibberish or "I don't know".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.ai.backend import CoachBackend
from bot.ai.honesty import precheck_answer
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
from bot.settings import Settings

# Told of every model call: kind, outcome ("ok"/"error"), seconds, prompt and completion tokens.
CallObserver = Callable[[str, str, float | None, int | None, int | None], None]


class AIGateway:
    def __init__(self, backend: CoachBackend, observer: CallObserver | None = None) -> None:
        self.backend = backend
        if observer is not None and hasattr(backend, "observer"):
            backend.observer = observer  # the backends that call a model report each call

    @property
    def offline(self) -> bool:
        return self.backend.name == "offline"

    @property
    def has_speech(self) -> bool:
        return self.backend.has_speech

    def generate_question(
        self, job: JobContext, difficulty: Difficulty, previous_questions: Sequence[str]
    ) -> TextStream:
        return self.backend.generate_question(job, difficulty, previous_questions)

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        verdict = precheck_answer(question, answer)
        if verdict is not None:
            return verdict
        return await self.backend.grade_answer(job, question, answer)

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        return self.backend.interviewer_turn(job, transcript, plan)

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        return await self.backend.interview_report(job, transcript, candidate_name)

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        return await self.backend.analyze_resume(job, resume_text)

    async def transcribe(self, audio: bytes, mime: str) -> str:
        return await self.backend.transcribe(audio, mime)

    async def speak(self, text: str) -> bytes:
        return await self.backend.speak(text)

    async def aclose(self) -> None:
        await self.backend.aclose()


def build_gateway(settings: Settings, observer: CallObserver | None = None) -> AIGateway:
    """The OpenAI-compatible backend when a key is set, else the offline coach."""
    if settings.offline:
        from bot.ai.offline.coach import OfflineCoach

        return AIGateway(OfflineCoach())
    from bot.ai.openai_backend import OpenAIBackend

    return AIGateway(OpenAIBackend(settings), observer)
