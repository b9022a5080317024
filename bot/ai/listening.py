"""What the candidate's last message in a mock interview is, read before the interviewer's next
line is written, on both backends: the offline interviewer acts on it, and the model's prompt
says it (`bot.ai.prompts`). Deterministic and conservative: anything that could be an answer
is one.

- `clarification`: a question about the question ("do you mean inside my team?", "hmm what?")
- `repeat`: "could you repeat that?", "say again?"
- `skip`: "skip", "next question", "can we move on?"
- `dont_know`: "idk", "I don't know Python well, sorry" (`bot.ai.honesty`'s check)
- `nonsense`: gibberish, keyboard mashing, or a few words with nothing to do with the question
- `answer`: everything else

`detail` picks something concrete the candidate said (a tool, a number, a claim) for a
follow-up to name and probe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.ai.honesty import is_dont_know, is_no_content, relevance
from bot.ai.offline.lexicon import METRIC_RE
from bot.ai.offline.skills import alias_matches
from bot.ai.offline.text import STOPWORDS, sentences, tokens

Kind = Literal["answer", "clarification", "repeat", "skip", "dont_know", "nonsense"]

SHORT_REQUEST_WORDS = 10  # "skip" and "repeat" requests are short; longer text is an answer
CLARIFYING_MAX_WORDS = 40
NONSENSE_MAX_WORDS = 5

_SKIP_RE = re.compile(
    r"^\W*(?:ok(?:ay)?\W+|sorry\W+)?(?:(?:can|could|may) (?:we|i)\s+)?(?:please\s+)?"
    r"(?:skip|pass|next|move on|let'?s move on|(?:ask )?(?:another|a different) question)"
    r"(?:\s+(?:this|that|it|one|question|please|for now|to the next|the|next))*\W*$"
    r"|\b(?:skip (?:this|that|it)\b|next question|move on to the next|"
    r"(?:like|want|prefer) to (?:skip|pass)\b)",
    re.IGNORECASE,
)
_REPEAT_RE = re.compile(
    r"\b(?:repeat|say (?:that|it) again|say again|come again|once more|"
    r"(?:didn'?t|did not|couldn'?t) (?:catch|get|hear|understand) (?:that|it|the question)|"
    r"what was the question|pardon)\b",
    re.IGNORECASE,
)
_CLARIFYING_RE = re.compile(
    r"\b(?:do|did|would|should) you (?:mean|want)|you mean|(?:what|which) do you mean|"
    r"clarify|clarification|what exactly|what kind of|which (?:one|kind|part|team|project|"
    r"version|language|framework|situation|example)|are you asking|is it about|"
    r"does it (?:have|need) to|should i|can i (?:use|pick|talk|choose)|"
    r"does (?:that|this) include|(?:inside|within) (?:my|the) team|"
    r"what do you want|what does .{1,30} mean|meaning of|explain the question|"
    r"^\W*(?:hmm+|um+|uh+|sorry|huh)?\W*(?:what|huh|sorry)\W*$",
    re.IGNORECASE,
)


_JOINERS = frozenset(["and", "but", "so", "then", "which", "that", "or", "also", "while"])


@dataclass(frozen=True, slots=True)
class Reading:
    kind: Kind
    detail: str | None = None  # for an answer: something concrete it said


def read_message(question: str, message: str, key_points: tuple[str, ...] = ()) -> Reading:
    """What the candidate's `message` (to the interviewer's `question`) is."""
    text = " ".join(message.split())
    words = tokens(text)
    if not words:
        return Reading("nonsense")
    short = len(words) <= SHORT_REQUEST_WORDS
    if short and _REPEAT_RE.search(text):
        return Reading("repeat")
    if short and _SKIP_RE.search(text):
        return Reading("skip")
    if _is_clarifying(text, len(words)):
        return Reading("clarification")
    if is_dont_know(text):
        return Reading("dont_know")
    if is_no_content(question, text) or _off_topic(question, text, words, key_points):
        return Reading("nonsense")
    return Reading("answer", detail_of(text))


def _is_clarifying(text: str, words: int) -> bool:
    if "?" not in text or words > CLARIFYING_MAX_WORDS:
        return False
    return bool(_CLARIFYING_RE.search(text))


def _off_topic(question: str, text: str, words: list[str], key_points: tuple[str, ...]) -> bool:
    """A few bare words, no sentence (not one function word), that share nothing with the
    question (or its key points), and no tool or number: "purple monkey dishwasher"."""
    if len(words) > NONSENSE_MAX_WORDS or not question:
        return False
    if any(word.lower() in STOPWORDS for word in words):
        return False  # "we fixed it together" is a (thin) answer, not nonsense
    if alias_matches(text) or METRIC_RE.search(text) or any(c.isdigit() for c in text):
        return False
    return relevance(question, text, key_points) == 0


def detail_of(answer: str) -> str | None:
    """Something concrete in the answer for a follow-up to name: a measured result, else a tool
    or technology, else a short claim of the candidate's (its first sentence, clipped)."""
    metric = METRIC_RE.search(answer)
    if metric is not None:
        return _clause_around(answer, metric.start(), metric.end())
    tools = alias_matches(answer)
    if tools:
        return tools[0]
    first = re.split(r"[;,:]", next(iter(sentences(answer)), ""))[0]
    words = first.split()
    if len(words) < 4:
        return None
    return " ".join(words[:10]).rstrip(",;:.")


def _clause_around(text: str, start: int, end: int) -> str:
    """A few words around a match (up to four before, two after), within its clause."""
    before = re.split(r"[,.;:!?]", text[:start])[-1].split()[-4:]
    while before and before[0].lower() in _JOINERS:
        before = before[1:]
    after = re.split(r"[,.;:!?]", text[end:])[0].split()[:2]
    return " ".join([*before, text[start:end].strip(), *after]).strip()
