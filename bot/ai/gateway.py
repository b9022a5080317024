"""The one door to language models. Features call this; it picks the backend from settings.

Before any model sees an answer, a deterministic check rates answers that carry no content,
so neither backend can flatter gibberish or "I don't know"; after a model has graded, its
rating is capped by the answer's relevance to the question (`bot.ai.honesty`).

For handlers:
- `has_speech` is false when speech models are not set, when the server turned out not to
  have them (`discover()`, started by `build_gateway` when an event loop runs), or after an
  audio endpoint answered 404. Voice features are offered only while it is true.
- `bot.ai.streams.on_slow_reply(notice)` around a wait makes a slow model call (no words or
  no result after `AI_STILL_WRITING_SECONDS`) call `notice()` once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from bot.ai.backend import CoachBackend
from bot.ai.honesty import (
    apply_gate,
    cap_by_relevance,
    precheck_answer,
    salad_gate,
    without_score_line,
)
from bot.ai.report_checks import honest_report
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

log = logging.getLogger(__name__)

# Told of every model call: kind, outcome ("ok"/"error"), seconds, prompt and completion tokens.
CallObserver = Callable[[str, str, float | None, int | None, int | None], None]


class AIGateway:
    def __init__(self, backend: CoachBackend, observer: CallObserver | None = None) -> None:
        self.backend = backend
        if observer is not None and hasattr(backend, "observer"):
            backend.observer = observer  # the backends that call a model report each call
        self._discovery: asyncio.Task[None] | None = None

    async def discover(self) -> None:
        """Learn what the server can do (speech models) once; safe to await many times."""
        if self._discovery is None:
            self._discovery = asyncio.ensure_future(self._discover())
        await asyncio.shield(self._discovery)

    async def _discover(self) -> None:
        discover = getattr(self.backend, "discover", None)
        if discover is not None:
            await discover()

    def start_discovery(self) -> None:
        """Start `discover()` in the background (in a running event loop only)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._discovery is None:
            self._discovery = asyncio.ensure_future(self._discover())

    @property
    def offline(self) -> bool:
        return self.backend.name == "offline"

    @property
    def has_speech(self) -> bool:
        return self.backend.has_speech

    def generate_question(
        self,
        job: JobContext,
        difficulty: Difficulty,
        previous_questions: Sequence[str],
        *,
        focus: str | None = None,
        skill: str | None = None,
    ) -> TextStream:
        return self.backend.generate_question(
            job, difficulty, previous_questions, focus=focus, skill=skill
        )

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        verdict = precheck_answer(question, answer)
        if verdict is not None:
            return verdict
        salad = salad_gate(answer)  # decided before the model sees the answer
        result = await self.backend.grade_answer(job, question, answer)
        if self.offline:
            return result  # the offline coach gates and grades by key points itself
        result = result.model_copy(update={"feedback": without_score_line(result.feedback)})
        if salad is not None:
            return apply_gate(result, salad)
        # An answer about something else: capped by its relevance to the question and the
        # model's reference answer.
        return cap_by_relevance(result, question, answer)

    async def reference_answer(self, job: JobContext, question: str) -> str:
        """A full correct answer, for a user who said they don't know."""
        return await self.backend.reference_answer(job, question)

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        return self.backend.interviewer_turn(job, transcript, plan)

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        report = await self.backend.interview_report(job, transcript, candidate_name)
        return honest_report(report, transcript)

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        return await self.backend.analyze_resume(job, resume_text)

    async def transcribe(self, audio: bytes, mime: str) -> str:
        return await self.backend.transcribe(audio, mime)

    async def speak(self, text: str) -> bytes:
        return await self.backend.speak(text)

    async def aclose(self) -> None:
        if self._discovery is not None and not self._discovery.done():
            self._discovery.cancel()
        await self.backend.aclose()


def build_gateway(settings: Settings, observer: CallObserver | None = None) -> AIGateway:
    """The OpenAI-compatible backend when a key is set, else the offline coach."""
    if settings.offline:
        from bot.ai.offline.coach import OfflineCoach

        return AIGateway(OfflineCoach())
    from bot.ai.openai_backend import OpenAIBackend

    gateway = AIGateway(OpenAIBackend(settings), observer)
    gateway.start_discovery()  # the speech probe, when built in the running bot
    return gateway
