"""Picking the next bank question for a job: its skills, its level, no repeats."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from functools import lru_cache

from bot.ai.offline.bank import Bank, BankQuestion
from bot.ai.offline.skills import (
    GENERAL_SKILLS,
    TECHNICAL_FALLBACK,
    skill_mentions,
    skill_weights,
)
from bot.ai.schemas import Difficulty, ExperienceLevel, JobContext

# When the requested difficulty has no questions for these skills, try these next.
_NEIGHBOURS: dict[Difficulty, tuple[Difficulty, ...]] = {
    "easy": ("medium", "hard"),
    "medium": ("easy", "hard"),
    "hard": ("medium", "easy"),
}


def practice_weights(
    job: JobContext, bank: Bank, *, technical_only: bool = False
) -> dict[str, float]:
    """Skill weights for a job, adjusted for its level and limited to skills in the bank."""
    weights = {s: w for s, w in skill_weights(job).items() if s in bank.skills}
    if technical_only:
        weights.pop("behavioural", None)
    if not weights:
        fallback = TECHNICAL_FALLBACK if technical_only else GENERAL_SKILLS
        weights = {s: 1.0 for s in fallback if s in bank.skills}
    return _level_adjusted(weights, job.experience_level, bank)


def _level_adjusted(
    weights: dict[str, float], level: ExperienceLevel, bank: Bank
) -> dict[str, float]:
    adjusted = dict(weights)
    top = max(adjusted.values(), default=1.0)
    if level == "senior" and "system_design" in bank.skills:
        # Seniors are expected to design systems even when the ad doesn't say so.
        adjusted["system_design"] = max(adjusted.get("system_design", 0.0), top * 0.5)
    elif level == "junior" and "system_design" in adjusted:
        # Juniors get the fundamentals of their stack first; design only now and then.
        adjusted["system_design"] = min(adjusted["system_design"], top * 0.25)
    return adjusted


def asked_order(bank: Bank, previous_questions: Sequence[str]) -> dict[str, int]:
    """Bank id -> position of its latest asking (previous_questions is oldest first)."""
    order: dict[str, int] = {}
    for position, text in enumerate(previous_questions):
        found = bank.find(text)
        if found is not None:
            order[found.id] = position
    return order


# Languages and frameworks: a question that uses one the job doesn't name is off its stack
# (a `pytest` question for a React job).
STACK_SKILLS = frozenset({"python", "javascript", "react", "java", "go"})


def job_stack(job: JobContext) -> frozenset[str]:
    """The languages and frameworks of the job (named or implied); empty when it names none."""
    return frozenset(skill_weights(job)) & STACK_SKILLS


@lru_cache(maxsize=4096)
def _stack_of(question: BankQuestion) -> frozenset[str]:
    return frozenset(skill_mentions(f"{question.text}\n{question.answer}")) & STACK_SKILLS


def choose_question(
    bank: Bank,
    weights: dict[str, float],
    difficulty: Difficulty,
    asked: dict[str, int],
    rng: random.Random,
    allowed: Callable[[BankQuestion], bool] | None = None,
    *,
    stack: frozenset[str] = frozenset(),
) -> BankQuestion | None:
    """A weighted pick among unasked questions in the job's `stack` (when it has one, and
    while such questions remain); repeats only once the pool is exhausted. `allowed` leaves
    questions out altogether (say, about a stack the job doesn't use)."""
    pool = _pool(bank, weights, difficulty, allowed)
    if not pool:
        return None
    if stack:
        pool = [q for q in pool if _stack_of(q) <= stack] or pool
    fresh = [q for q in pool if q.id not in asked]
    if not fresh:
        # Everything has been asked: the one asked longest ago comes back first.
        return min(pool, key=lambda q: (asked[q.id], q.id))
    return _weighted_pick(fresh, weights, rng)


def _pool(
    bank: Bank,
    weights: dict[str, float],
    difficulty: Difficulty,
    allowed: Callable[[BankQuestion], bool] | None = None,
) -> list[BankQuestion]:
    for level in (difficulty, *_NEIGHBOURS[difficulty]):
        pool = [q for q in bank.pool(weights, level) if allowed is None or allowed(q)]
        if pool:
            return pool
    return []


def _weighted_pick(
    questions: list[BankQuestion], weights: dict[str, float], rng: random.Random
) -> BankQuestion:
    # Pick the skill by weight first, so one skill's many questions don't crowd out another.
    by_skill: dict[str, list[BankQuestion]] = {}
    for q in questions:
        by_skill.setdefault(q.skill, []).append(q)
    skills = sorted(by_skill)
    skill = rng.choices(skills, weights=[weights.get(s, 1.0) for s in skills])[0]
    return rng.choice(sorted(by_skill[skill], key=lambda q: q.id))
