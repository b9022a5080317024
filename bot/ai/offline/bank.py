"""The offline question bank: JSON files under `bank/`, loaded and indexed once, lazily."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.ai.offline.text import STOPWORDS, normalise, phrase_stems, stem, tokens
from bot.ai.offline.topics import TopicIndex
from bot.ai.schemas import Difficulty

log = logging.getLogger(__name__)

BANK_DIR = Path(__file__).with_name("bank")
DIFFICULTIES: tuple[Difficulty, ...] = tuple(Difficulty)


class RawKeyPoint(BaseModel):
    model_config = ConfigDict(extra="forbid")
    point: str = Field(min_length=3)
    any: list[str] = Field(min_length=1)


class RawQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    difficulty: Literal["easy", "medium", "hard"]
    text: str = Field(min_length=10)
    key_points: list[RawKeyPoint] = Field(min_length=1)
    answer: str = Field(min_length=20)


class RawBankFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    skill: str = Field(min_length=1)
    questions: list[RawQuestion]


@dataclass(frozen=True, slots=True)
class KeyPoint:
    point: str
    phrases: tuple[tuple[str, ...], ...]  # stemmed token sequences from `any`
    point_words: frozenset[str]  # stemmed content words of `point`: weak evidence


@dataclass(frozen=True, slots=True, repr=False)
class BankQuestion:
    id: str
    skill: str
    difficulty: Difficulty
    text: str
    key_points: tuple[KeyPoint, ...]
    answer: str
    key: str  # normalised text, for lookups
    question_words: frozenset[str]  # stemmed tokens of the question itself

    def __repr__(self) -> str:
        return f"BankQuestion({self.id!r}, {self.difficulty})"


@dataclass(slots=True, repr=False)
class Bank:
    questions: list[BankQuestion] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _by_key: dict[str, BankQuestion] = field(default_factory=dict)
    _by_id: dict[str, BankQuestion] = field(default_factory=dict)
    _pools: dict[tuple[str, str], list[BankQuestion]] = field(default_factory=dict)
    _topics: TopicIndex | None = None

    def __repr__(self) -> str:
        return f"Bank({len(self.questions)} questions, skills={self.skills})"

    def add(self, question: BankQuestion) -> None:
        if question.id in self._by_id or question.key in self._by_key:
            self.errors.append(f"duplicate question {question.id}")
            return
        self.questions.append(question)
        self._by_key[question.key] = question
        self._by_id[question.id] = question
        self._pools.setdefault((question.skill, question.difficulty), []).append(question)
        self._topics = None

    @property
    def topics(self) -> TopicIndex:
        """What each question is about (its text, key points and answer), in `questions`
        order; built with the packaged bank, or on first use for one built by hand."""
        if self._topics is None:
            self._topics = TopicIndex(
                [
                    " ".join([q.text, *(kp.point for kp in q.key_points), q.answer])
                    for q in self.questions
                ]
            )
        return self._topics

    @property
    def skills(self) -> list[str]:
        return sorted({q.skill for q in self.questions})

    def by_id(self, question_id: str) -> BankQuestion | None:
        return self._by_id.get(question_id)

    def pool(self, skills: Iterable[str], difficulty: Difficulty) -> list[BankQuestion]:
        return [q for s in skills for q in self._pools.get((s, difficulty), [])]

    def find(self, text: str) -> BankQuestion | None:
        """The bank question `text` is, or contains (handlers may wrap it in a heading)."""
        key = normalise(text)
        if not key:
            return None
        exact = self._by_key.get(key)
        if exact is not None:
            return exact
        return self._find_inside(key)

    def _find_inside(self, key: str) -> BankQuestion | None:
        padded = f" {key} "
        inside = [q for q in self.questions if f" {q.key} " in padded]
        # The longest contained question is the most specific match.
        return max(inside, key=lambda q: len(q.key), default=None)


def _compile_question(skill: str, raw: RawQuestion) -> BankQuestion:
    points = tuple(
        KeyPoint(
            point=kp.point,
            phrases=tuple(p for p in (phrase_stems(a) for a in kp.any) if p),
            point_words=frozenset(stem(t) for t in tokens(kp.point) if t not in STOPWORDS),
        )
        for kp in raw.key_points
    )
    return BankQuestion(
        id=raw.id,
        skill=skill,
        difficulty=raw.difficulty,
        text=raw.text.strip(),
        key_points=points,
        answer=raw.answer.strip(),
        key=normalise(raw.text),
        question_words=frozenset(stem(t) for t in tokens(raw.text)),
    )


def _load_file(path: Path, bank: Bank) -> None:
    try:
        data = RawBankFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        # One broken file must not take the whole offline coach down.
        bank.errors.append(f"{path.name}: {exc}")
        log.warning("Skipping question bank file %s: %s", path.name, exc)
        return
    if data.skill != path.stem:
        bank.errors.append(f"{path.name}: skill {data.skill!r} does not match the file name")
    for raw in data.questions:
        bank.add(_compile_question(data.skill, raw))


def load_bank_from(directory: Path) -> Bank:
    bank = Bank()
    for path in sorted(directory.glob("*.json")):
        _load_file(path, bank)
    bank.topics  # noqa: B018 - built here, off the event loop, rather than on first grading
    return bank


_LOAD_LOCK = threading.Lock()


def load_bank() -> Bank:
    """The packaged bank, built on first use and shared afterwards. Building it takes about
    0.2 s, so the event loop calls this through `asyncio.to_thread` (the offline coach does);
    the lock makes concurrent first calls build it once."""
    with _LOAD_LOCK:
        return _packaged_bank()


async def shared_bank() -> Bank:
    """`load_bank` for the event loop: built in a thread the first time, then at hand (no
    thread hop on every practice step)."""
    if _packaged_bank.cache_info().currsize:
        return _packaged_bank()
    return await asyncio.to_thread(load_bank)


@lru_cache(maxsize=1)
def _packaged_bank() -> Bank:
    return load_bank_from(BANK_DIR)
