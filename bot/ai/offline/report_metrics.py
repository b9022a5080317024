"""Measurements of a mock interview transcript that the rule-based report is built on."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.ai.offline.bank import Bank, BankQuestion
from bot.ai.offline.grading import coverage, score_points
from bot.ai.offline.interviewer import is_follow_up
from bot.ai.offline.keywords import Keyword, job_keywords, split_found
from bot.ai.offline.lexicon import (
    APOLOGY_RE,
    CONFIDENT_RE,
    FILLER_RE,
    HEDGE_RE,
    STRUCTURE_RE,
    gives_example,
)
from bot.ai.offline.text import sentences, tokens
from bot.ai.schemas import JobContext, TranscriptLine


@dataclass(slots=True)
class Exchange:
    """One main question and everything the candidate said about it (follow-ups included)."""

    question: str
    bank_question: BankQuestion | None
    answers: list[str] = field(default_factory=list)
    timed: list[tuple[str, float]] = field(default_factory=list)  # (a voice answer, its length)
    follow_ups: int = 0

    @property
    def answer(self) -> str:
        return " ".join(self.answers).strip()

    @property
    def words(self) -> int:
        return len(tokens(self.answer))


@dataclass(slots=True)
class Metrics:
    exchanges: list[Exchange]
    answers: list[str]  # every candidate message, in order
    total_words: int
    fillers: list[tuple[str, str]]  # (filler, the answer it is in)
    hedges: list[tuple[str, str]]
    confident: list[tuple[str, str]]
    apologies: int
    questions_back: list[str]
    examples: int
    structured: int
    coverages: list[tuple[Exchange, float]]
    timed: list[tuple[str, float]]  # every voice answer: (its text, its length in seconds)
    found_keywords: list[Keyword]
    missing_keywords: list[Keyword]

    @property
    def answered(self) -> list[Exchange]:
        return [e for e in self.exchanges if e.answer]

    @property
    def mean_words(self) -> float:
        answered = self.answered
        return statistics.fmean(e.words for e in answered) if answered else 0.0

    @property
    def seconds(self) -> list[float]:
        """Lengths of the voice answers (a follow-up answer counts on its own)."""
        return [s for _, s in self.timed]

    @property
    def follow_ups(self) -> int:
        return sum(e.follow_ups for e in self.exchanges)


def exchanges_of(transcript: Sequence[TranscriptLine], bank: Bank) -> list[Exchange]:
    out: list[Exchange] = []
    for line in transcript:
        if line.role == "interviewer":
            if is_follow_up(line.text) and out:
                out[-1].follow_ups += 1
            elif line.text.strip():
                out.append(Exchange(line.text, bank.find(line.text)))
            continue
        if not out:  # the candidate spoke first: keep it under a placeholder question
            out.append(Exchange("", None))
        out[-1].answers.append(line.text)
        if line.voice_seconds:  # only a voice answer shows pace (typed: typing speed)
            out[-1].timed.append((line.text, line.voice_seconds))
    return out


_ASKING_RE = re.compile(
    r"^(?:what|how|why|when|where|which|who|do|does|did|is|are|can|could|would|will|should|"
    r"may|might|have|has)\b",
    re.IGNORECASE,
)


def _is_question_back(sentence: str) -> bool:
    """A real question to the interviewer, not a rhetorical "…, you know?" or an unsure guess."""
    return (
        sentence.endswith("?") and len(sentence.split()) >= 4 and bool(_ASKING_RE.match(sentence))
    )


def sentence_with(text: str, phrase: str) -> str:
    """The sentence of `text` that contains `phrase`, for quoting it in context."""
    needle = phrase.lower()
    return next((s for s in sentences(text) if needle in s.lower()), text)


def measure(job: JobContext, transcript: Sequence[TranscriptLine], bank: Bank) -> Metrics:
    exchanges = exchanges_of(transcript, bank)
    answers = [line.text for line in transcript if line.role == "candidate" and line.text.strip()]
    candidate_text = "\n".join(answers)
    found, missing = split_found(job_keywords(job), candidate_text)
    return Metrics(
        exchanges=exchanges,
        answers=answers,
        total_words=len(tokens(candidate_text)),
        fillers=[(m.group(0).strip(" ,"), a) for a in answers for m in FILLER_RE.finditer(a)],
        hedges=[(m.group(0), a) for a in answers for m in HEDGE_RE.finditer(a)],
        confident=[(m.group(0), a) for a in answers for m in CONFIDENT_RE.finditer(a)],
        apologies=sum(len(APOLOGY_RE.findall(a)) for a in answers),
        questions_back=[s for a in answers for s in sentences(a) if _is_question_back(s)],
        examples=sum(1 for e in exchanges if gives_example(e.answer)),
        structured=sum(1 for e in exchanges if STRUCTURE_RE.search(e.answer)),
        coverages=[
            (e, coverage(score_points(e.bank_question, e.answer)))
            for e in exchanges
            if e.bank_question is not None and e.answer
        ],
        timed=[t for e in exchanges for t in e.timed if t[0].strip()],
        found_keywords=found,
        missing_keywords=missing,
    )
