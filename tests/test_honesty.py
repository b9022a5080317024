"""The deterministic no-content check: rejects empty replies, keeps real attempts."""

from __future__ import annotations

import time

import pytest

from bot.ai.honesty import precheck_answer
from bot.ai.schemas import GradeResult

QUESTION = "What is the difference between a list and a tuple in Python?"

NO_CONTENT: list[tuple[str, str]] = [
    ("", "no answer"),
    ("   \n\t ", "no answer"),
    ("...", "no answer"),
    ("?!", "no answer"),
    ("I don't know", "don't know"),
    ("i dont know sorry", "don't know"),
    ("No idea.", "don't know"),
    ("idk", "don't know"),
    ("IDK honestly", "don't know"),
    ("pass", "don't know"),
    ("Skip", "don't know"),
    ("next question please", "don't know"),
    ("I'm not sure, sorry", "don't know"),
    ("I honestly don't know the answer to this one", "don't know"),
    ("dunno", "don't know"),
    ("asdf", "gibberish"),
    ("asdfghjkl", "gibberish"),
    ("qwerty qwerty", "gibberish"),
    ("sdfkjh qwpoeiru zxmnvb lkjhgf", "gibberish"),
    ("aaaaaaaaaaaa", "gibberish"),
    ("hhhhhh jjjjjj kkkkk", "gibberish"),
    ("xkcdq vbnmtr plkjhg fdsazx", "gibberish"),
    ("yes", "too short"),
    ("A tuple.", "too short"),
    ("list tuple", "too short"),
    ("Pass by reference", "too short"),  # not a refusal, just short
    ("test test test test test", "too short"),
    ("What is the difference between a list and a tuple in Python?", "repeats the question"),
    ("the difference between a list and a tuple in python", "repeats the question"),
]

REAL_ATTEMPTS: list[str] = [
    "Use a hash map for O(1) lookups by key",
    "Lists are mutable, tuples are immutable",
    "A list is mutable and a tuple is immutable, so tuples can be dict keys.",
    "The difference between a list and a tuple is mutability",
    "I'd pass the value by reference to avoid a copy",
    "I don't know for sure, but I think tuples are immutable and hashable",
    "Binary search over the sorted array",
    "`tuple(x)` makes an immutable copy",
    "x = (1, 2); x[0] = 3  # TypeError",
    "SELECT name FROM users WHERE id = 1",
    "```python\nd = {}\n```",
    "def f(): return 1",
    "Strengths: rhythms of CQRS and HTTP caching with ETag headers",
    "Список изменяемый, а кортеж неизменяемый",
    "Use git rebase -i to squash commits",
    "Kubernetes restarts the pod via the ReplicaSet controller",
]


@pytest.mark.parametrize(("answer", "reason"), NO_CONTENT)
def test_no_content_answers_are_rated_low(answer: str, reason: str) -> None:
    result = precheck_answer(QUESTION, answer)
    assert isinstance(result, GradeResult), answer
    assert result.rating in (1, 2)
    assert reason in result.feedback.lower()
    assert "trying again" in result.model_answer
    GradeResult.model_validate(result.model_dump())


@pytest.mark.parametrize("answer", REAL_ATTEMPTS)
def test_real_attempts_pass_through(answer: str) -> None:
    assert precheck_answer(QUESTION, answer) is None


def test_too_short_rates_two_and_refusals_one() -> None:
    short = precheck_answer(QUESTION, "A tuple.")
    refusal = precheck_answer(QUESTION, "I don't know")
    assert short is not None and short.rating == 2
    assert refusal is not None and refusal.rating == 1


def test_copy_needs_overlap_with_this_question() -> None:
    # The same words are a copy for one question and a (weak) attempt for another.
    other = "Explain how HTTP caching works with ETag and Cache-Control headers."
    answer = "the difference between a list and a tuple in python"
    assert precheck_answer(other, answer) is None


def test_copy_with_code_is_still_a_copy() -> None:
    question = 'What does `if __name__ == "__main__":` do in a Python script?'
    result = precheck_answer(question, question)
    assert result is not None and "repeats the question" in result.feedback


def test_long_answer_is_fast() -> None:
    answer = "Lists are mutable while tuples are immutable and hashable. " * 200
    start = time.perf_counter()
    assert precheck_answer(QUESTION, answer) is None
    assert time.perf_counter() - start < 0.5


# Answers built to make a backtracking pattern retry a long run from each of its characters
# (quadratic: seconds for one answer, in the event loop, on every backend), and a long answer
# of many words (each word's shape checked: once per distinct word).
HOSTILE = {
    "one 20,000-letter word": "a" * 20_000,
    "one word of letters and underscores": "a_" * 10_000,
    "one word of letters and digits": "a1" * 10_000,
    "20,000 blank lines inside": "x" + "\n" * 20_000 + "x",
    "8,000 four-letter words": "tree " * 8_000,
}


@pytest.mark.parametrize("answer", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_answers_are_checked_fast(answer: str) -> None:
    start = time.perf_counter()
    result = precheck_answer(QUESTION, answer)
    elapsed = time.perf_counter() - start
    assert result is not None and result.rating in (1, 2)
    assert elapsed < 0.5  # quadratic patterns took seconds here


@pytest.mark.parametrize(
    "answer",
    [
        "x2 = f2(y)",  # names with digits
        "café = calcule(x)",  # a name that isn't all Latin letters
        "__init__(self) and self.items = []",
        "total += x\n    }",  # a brace on its own line
    ],
)
def test_code_with_names_and_braces_is_an_attempt(answer: str) -> None:
    assert precheck_answer(QUESTION, answer) is None


def test_keyword_salad_is_gated_and_sentences_are_not() -> None:
    from bot.ai.honesty import GATE_CEILING, relevance_gate

    gate = relevance_gate(QUESTION, "list tuple mutable immutable hashable keys python")
    assert gate is not None and gate.kind == "salad" and gate.ceiling == GATE_CEILING
    for attempt in [*REAL_ATTEMPTS[1:4], "x = (1, 2); x[0] = 3  # TypeError tuple list"]:
        assert relevance_gate(QUESTION, attempt) is None, attempt
    other = relevance_gate(QUESTION, "Git rebase replays commits on top of main.")
    assert other is not None and other.kind == "elsewhere"
