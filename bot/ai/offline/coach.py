"""The built-in coach used when no API key is set: a question bank plus rules, no network."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable, Sequence

from bot.ai.errors import AIFailure, SpeechUnavailableError
from bot.ai.offline.bank import Bank, load_bank
from bot.ai.offline.grading import grade_bank_question, grade_unknown_question
from bot.ai.offline.interviewer import FALLBACK_QUESTIONS, ScriptedInterviewer
from bot.ai.offline.report import interview_report
from bot.ai.offline.resume import analyze_resume
from bot.ai.offline.selection import asked_order, choose_question, job_stack, practice_weights
from bot.ai.offline.text import normalise
from bot.ai.schemas import (
    Difficulty,
    GradeResult,
    InterviewPlan,
    InterviewReport,
    JobContext,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.ai.streams import END_MARKER, TextStream, stream_of

# Answers (with their question) up to this long are graded in the event loop: about 1 ms.
# Longer ones, up to a 90,000-character paste, go to a worker thread.
INLINE_GRADING_CHARS = 4_000


class OfflineCoach:
    """CoachBackend without a model. Every method is deterministic given the `rng` seed.

    Nothing here may stall the event loop, which serves every user: the bank is built in a
    worker thread on first use, and work that grows with the user's text (resumes of up to
    90,000 characters, interview reports, long answers, job descriptions) runs in one too.
    """

    name = "offline"
    has_speech = False

    def __init__(self, rng: random.Random | None = None, bank: Bank | None = None) -> None:
        self._rng = rng or random.Random()
        self._bank = bank

    @property
    def bank(self) -> Bank:
        """The bank, built on first use (about 0.2 s): in the event loop, `await loaded_bank()`.
        Loading lazily keeps importing the coach (or building the gateway) cheap."""
        if self._bank is None:
            self._bank = load_bank()
        return self._bank

    async def loaded_bank(self) -> Bank:
        """The bank; the first call builds it in a worker thread, not in the event loop."""
        if self._bank is None:
            self._bank = await asyncio.to_thread(load_bank)
        return self._bank

    def generate_question(
        self,
        job: JobContext,
        difficulty: Difficulty,
        previous_questions: Sequence[str],
        *,
        focus: str | None = None,
        skill: str | None = None,
    ) -> TextStream:
        return TextStream(
            self._stream_off_loop(
                self.pick_question_text, job, difficulty, list(previous_questions), focus or skill
            )
        )

    def pick_question_text(
        self,
        job: JobContext,
        difficulty: Difficulty,
        previous_questions: Sequence[str],
        focus: str | None = None,
    ) -> str:
        """The question text `generate_question` streams (previous_questions: oldest first);
        about the skill `focus` when the bank has it."""
        bank = self.bank
        weights = {focus: 1.0} if focus in bank.skills else practice_weights(job, bank)
        asked = asked_order(bank, previous_questions)
        question = choose_question(
            bank, weights, difficulty, asked, self._rng, stack=job_stack(job)
        )
        if question is not None:
            return question.text
        return self._fallback_question(previous_questions)

    def _fallback_question(self, previous_questions: Sequence[str]) -> str:
        # Only reached with an empty bank; still avoid repeating while possible.
        seen = {normalise(q) for q in previous_questions}
        fresh = [q for q in FALLBACK_QUESTIONS if normalise(q) not in seen]
        return self._rng.choice(fresh or list(FALLBACK_QUESTIONS))

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        await self.loaded_bank()
        if len(question) + len(answer) <= INLINE_GRADING_CHARS:
            return self._grade(question, answer)
        return await asyncio.to_thread(self._grade, question, answer)

    async def reference_answer(self, job: JobContext, question: str) -> str:
        """The bank's answer, or an outline of a strong one for a question outside it."""
        found = (await self.loaded_bank()).find(question)
        if found is not None:
            return found.answer
        return grade_unknown_question(question, "").model_answer

    def _grade(self, question: str, answer: str) -> GradeResult:
        found = self.bank.find(question)
        if found is None:
            return grade_unknown_question(question, answer)
        return grade_bank_question(found, answer, self.bank)

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        return TextStream(
            self._stream_off_loop(self._interviewer_line, job, list(transcript), plan),
            end_marker=END_MARKER,
        )

    def _interviewer_line(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> str:
        return ScriptedInterviewer(self.bank).next_line(job, transcript, plan)

    async def _stream_off_loop(
        self, compose: Callable[..., str], *args: object
    ) -> AsyncIterator[str]:
        """Stream the text `compose(*args)` returns, composed in a worker thread once the
        stream is read (a question or line reads the job description and the transcript)."""
        await self.loaded_bank()
        text = await asyncio.to_thread(compose, *args)
        async for delta in stream_of(text):
            yield delta

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        bank = await self.loaded_bank()
        return await asyncio.to_thread(
            interview_report, job, list(transcript), candidate_name, bank
        )

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        return await asyncio.to_thread(analyze_resume, job, resume_text)

    async def transcribe(self, audio: bytes, mime: str) -> str:
        raise SpeechUnavailableError(AIFailure.NO_SPEECH_OFFLINE)

    async def speak(self, text: str) -> bytes:
        raise SpeechUnavailableError(AIFailure.NO_SPEECH_OFFLINE)

    async def aclose(self) -> None:
        return None
