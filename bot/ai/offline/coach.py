"""The built-in coach used when no API key is set: a question bank plus rules, no network."""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.ai.errors import SpeechUnavailableError
from bot.ai.offline.bank import Bank, load_bank
from bot.ai.offline.grading import grade_bank_question, grade_unknown_question
from bot.ai.offline.interviewer import FALLBACK_QUESTIONS, ScriptedInterviewer
from bot.ai.offline.report import interview_report
from bot.ai.offline.resume import analyze_resume
from bot.ai.offline.selection import asked_order, choose_question, practice_weights
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

_NO_SPEECH = "Voice messages need an AI key; the offline coach works with text only."


class OfflineCoach:
    """CoachBackend without a model. Every method is deterministic given the `rng` seed."""

    name = "offline"
    has_speech = False

    def __init__(self, rng: random.Random | None = None, bank: Bank | None = None) -> None:
        self._rng = rng or random.Random()
        self._bank_override = bank

    @property
    def bank(self) -> Bank:
        # Loaded on first use, so importing the coach (or building the gateway) stays cheap.
        return self._bank_override or load_bank()

    def generate_question(
        self, job: JobContext, difficulty: Difficulty, previous_questions: Sequence[str]
    ) -> TextStream:
        return TextStream(stream_of(self.pick_question_text(job, difficulty, previous_questions)))

    def pick_question_text(
        self, job: JobContext, difficulty: Difficulty, previous_questions: Sequence[str]
    ) -> str:
        """The question text `generate_question` streams (previous_questions: oldest first)."""
        bank = self.bank
        weights = practice_weights(job, bank)
        asked = asked_order(bank, previous_questions)
        question = choose_question(bank, weights, difficulty, asked, self._rng)
        if question is not None:
            return question.text
        return self._fallback_question(previous_questions)

    def _fallback_question(self, previous_questions: Sequence[str]) -> str:
        # Only reached with an empty bank; still avoid repeating while possible.
        seen = {normalise(q) for q in previous_questions}
        fresh = [q for q in FALLBACK_QUESTIONS if normalise(q) not in seen]
        return self._rng.choice(fresh or list(FALLBACK_QUESTIONS))

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        found = self.bank.find(question)
        if found is None:
            return grade_unknown_question(question, answer)
        return grade_bank_question(found, answer)

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        line = ScriptedInterviewer(self.bank).next_line(job, transcript, plan)
        return TextStream(stream_of(line), end_marker=END_MARKER)

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        return interview_report(job, transcript, candidate_name, self.bank)

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        return analyze_resume(job, resume_text)

    async def transcribe(self, audio: bytes, mime: str) -> str:
        raise SpeechUnavailableError(_NO_SPEECH)

    async def speak(self, text: str) -> bytes:
        raise SpeechUnavailableError(_NO_SPEECH)

    async def aclose(self) -> None:
        return None
