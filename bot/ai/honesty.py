"""Deterministic checks around grading: answers with no content are rated before any model
sees them (`precheck_answer`), and a model's rating is capped by the answer's relevance to the
question (`cap_by_relevance`).

Both backends would otherwise be tempted to find something kind to say about "asdf" or
"I don't know". The rules are deliberately conservative: anything that could be a real
attempt (a short technical phrase, a code snippet, an answer in another script) passes.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.ai.errors import MESSAGES
from bot.ai.offline.text import content_stems
from bot.ai.schemas import GradeResult

log = logging.getLogger(__name__)

# Fewer meaningful (non-stopword) words than this is too short to judge. Three lets
# "Use a hash map" through while stopping "a hash".
MIN_MEANINGFUL_WORDS = 3

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_LATIN_RE = re.compile(r"^[a-z]+$")
_TRIPLE_RE = re.compile(r"(.)\1\1")
_VOWELS = frozenset("aeiouy")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = _wordset(
    """a an the and or but if then so of to in on at by for with from as is are was were be
    been being it its this that these those there here i me my we our you your he she they them
    do does did done not no yes just very really quite also too about into over than can could
    would should will shall may might must what which who whom how why when where please ok okay
    well um uh hmm er ah oh like sorry"""
)

# Phrases that mean "no answer"; matched on apostrophe-free lowercase text.
_DONT_KNOW = (
    "i dont know",
    "i do not know",
    "dont know",
    "do not know",
    "dunno",
    "idk",
    "no idea",
    "no clue",
    "not a clue",
    "not sure",
    "forgot",
    "cant remember",
    "can not remember",
    "cannot remember",
    "dont remember",
    "give up",
    "no answer",
    "no comment",
    "beats me",
    "havent heard",
    "never heard",
)
# Single words that only mean "no answer" when they are the whole reply ("pass by reference"
# is an answer, "pass" is not).
_BARE_REFUSALS = _wordset("pass skip next nothing none na whatever dunno idk nope no")
# Words that often pad a "don't know" without adding content.
_PADDING = _wordset(
    """answer question one honestly unfortunately sure afraid sadly right now exactly im am
    have has had know think guess heard sorry of it this that about topic thing what how"""
)
_DONT_KNOW_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(_DONT_KNOW, key=len, reverse=True)) + r")\b"
)

# A name: a whole word with a Latin letter or "_" in it. Tried once per word, not again from
# each of its letters (that made a long word cost quadratic time), and it accepts the same
# words as `[A-Za-z_]\w*` did when followed by "(" or "=".
_NAME = r"(?<!\w)(?=\w*?[A-Za-z_])\w+"
# Signals that an answer is code: a fence, inline code, or programming syntax. Blank space at a
# line's end or start stays on that line (`[^\S\n]`), so a run of blank lines is not rescanned
# from each of them; it finds the same lines as `\s` did.
_CODE_SIGNALS = (
    re.compile(r"```|`[^`]+`"),
    re.compile(
        r"\b(?:def|return|class|function|const|let|var|import|lambda|func|public|static|"
        r"async|await|SELECT|FROM|WHERE|INSERT|UPDATE|JOIN|print|console\.log)\b"
    ),
    re.compile(_NAME + r"\s*\([^()]*\)"),  # a call: name(...)
    re.compile(r"(?:==|!=|<=|>=|=>|->|:=|\+=|&&|\|\|)"),
    re.compile(_NAME + r"\s*=\s*\S"),  # an assignment
    re.compile(r"[{};][^\S\n]*$|^[^\S\n]*[{}]", re.MULTILINE),
)

# Keyboard rows, for spotting mashes such as "asdfgh" or "qwerty": either way along a row,
# and every run of five neighbouring keys as one pattern (one scan of a token, however long).
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_LINES = tuple(line for row in _KEYBOARD_ROWS for line in (row, row[::-1]))
_FIVE_KEY_RUN_RE = re.compile(
    "|".join(line[i : i + 5] for line in _KEY_LINES for i in range(len(line) - 4))
)

_NO_REFERENCE = (
    "A full answer couldn't be judged from this reply, so the reference answer is held back "
    "for now. It is available as soon as you give a real attempt — even a partial one. "
    "Ask for the correct answer by trying again."
)


@dataclass(frozen=True, slots=True)
class _Verdict:
    rating: int
    reason: str
    advice: str


def precheck_answer(question: str, answer: str) -> GradeResult | None:
    """Rate an answer that carries no content (1 or 2); None means it is a real attempt."""
    verdict = _judge(question, answer)
    if verdict is None:
        return None
    feedback = f"**{verdict.reason}**\n\n{verdict.advice}"
    return GradeResult(rating=verdict.rating, feedback=feedback, model_answer=_NO_REFERENCE)


def no_attempt(answer: str) -> bool:
    """An empty reply, or one that only says "I don't know": nothing to rate."""
    words = _words(answer.strip())
    return not words or _is_dont_know(words)


def is_dont_know(answer: str) -> bool:
    """The answer only says "I don't know" (or a bare refusal), with padding."""
    return _is_dont_know(_words(answer))


def is_no_content(question: str, answer: str) -> bool:
    """Nothing to build on (rated 1): empty, "I don't know", the question copied, gibberish, or
    the same few words over and over. A merely short answer is not this."""
    verdict = _judge(question, answer)
    return verdict is not None and verdict.rating == 1


def _judge(question: str, answer: str) -> _Verdict | None:
    text = answer.strip()
    words = _words(text)
    if not words:
        return _Verdict(1, "No answer was given.", _advice_try())
    if _is_dont_know(words):
        return _Verdict(
            1,
            "This says you don't know the answer, so there is nothing to grade.",
            "That's fine in practice — but in an interview, reason out loud: say what you do "
            "know, make an assumption, and walk through how you'd find out.",
        )
    if _is_question_copy(question, words):
        return _Verdict(
            1,
            "This repeats the question without answering it.",
            "Restating the question can buy a moment to think, but then answer it: define the "
            "key idea, explain how it works and give an example.",
        )
    if _looks_like_code(text):
        return None  # code answers are attempts, even terse ones
    if _is_gibberish(words):
        return _Verdict(
            1,
            "This looks like gibberish — random letters or keyboard mashing, not an answer.",
            _advice_try(),
        )
    if len(_meaningful(words)) < MIN_MEANINGFUL_WORDS and len(words) > 4 * MIN_MEANINGFUL_WORDS:
        return _Verdict(
            1,
            "This repeats the same few words over and over — it isn't an answer.",
            _advice_try(),
        )
    if len(_meaningful(words)) < MIN_MEANINGFUL_WORDS:
        return _Verdict(
            2,
            "This is too short to judge — a few words can't show understanding.",
            "Expand it into a couple of sentences: what it is, why it matters, and a concrete "
            "example or trade-off.",
        )
    return None


def _advice_try() -> str:
    return (
        "Give it a real try: even a partial answer in your own words gets useful feedback "
        "and the model answer."
    )


def _words(text: str) -> list[str]:
    cleaned = text.lower().replace("’", "'")
    return [w.replace("'", "").replace("’", "") for w in _WORD_RE.findall(cleaned)]


def _meaningful(words: list[str]) -> set[str]:
    # A set: "test test test test" is one word, not four.
    return {w for w in words if w not in _STOPWORDS}


def _is_dont_know(words: list[str]) -> bool:
    """True when the answer is only a "don't know" phrase or a bare refusal, plus padding."""
    content = [w for w in words if w not in _STOPWORDS and w not in _PADDING]
    if content and set(content) <= _BARE_REFUSALS and len(words) <= 4:
        return True
    joined = " ".join(words)
    if not _DONT_KNOW_RE.search(joined):
        return False
    rest = [w for w in _DONT_KNOW_RE.sub(" ", joined).split() if w not in _PADDING]
    # "I don't know, but I'd guess it hashes the key" still carries an attempt.
    return len(_meaningful(rest)) < 2


def looks_like_code(text: str) -> bool:
    """Whether an answer is (or holds) code: a fence, or two signs of programming syntax."""
    return _looks_like_code(text)


def _looks_like_code(text: str) -> bool:
    hits = sum(1 for pattern in _CODE_SIGNALS if pattern.search(text))
    if "```" in text:
        return True
    return hits >= 2


def _is_gibberish(words: list[str]) -> bool:
    """Most longer Latin tokens fail simple shape tests for being words."""
    if len(words) <= 2 and any(_is_mash(w) for w in words):
        return True
    # Each distinct word is judged once, however often it occurs.
    judged = Counter(w for w in words if _LATIN_RE.match(w) and len(w) >= 4)
    if not judged:
        # Only short tokens: gibberish if they are all mashes or repeated characters.
        return all(_is_mash(w) or _has_repeats(w) for w in set(words))
    wordlike = sum(n for w, n in judged.items() if _looks_like_word(w))
    return wordlike / judged.total() < 0.5


def _looks_like_word(token: str) -> bool:
    if _is_mash(token) or _has_repeats(token):
        return False
    vowels = sum(1 for ch in token if ch in _VOWELS)
    if vowels == 0 or vowels / len(token) < 0.2:
        return False
    return _longest_consonant_run(token) < 5


def _longest_consonant_run(token: str) -> int:
    longest = current = 0
    for ch in token:
        current = 0 if ch in _VOWELS else current + 1
        longest = max(longest, current)
    return longest


def _has_repeats(token: str) -> bool:
    # "aaaa" or "lolololol": one or two characters repeated.
    return bool(_TRIPLE_RE.search(token)) or (len(token) >= 6 and len(set(token)) <= 2)


def _is_mash(token: str) -> bool:
    """A run of five keys along a keyboard row, or a token that is exactly a four-key run."""
    if len(token) >= 4 and any(token in line for line in _KEY_LINES):
        return True
    return bool(_FIVE_KEY_RUN_RE.search(token))


def _is_question_copy(question: str, words: list[str]) -> bool:
    """The answer mostly reproduces the question and adds (almost) nothing of its own."""
    asked = {_crude_stem(w) for w in _meaningful(_words(question))}
    given = {_crude_stem(w) for w in _meaningful(words)}
    if not asked or not given:
        return False
    novel = given - asked
    reproduced = len(given & asked) / len(asked)
    return reproduced >= 0.5 and len(novel) / len(given) <= 0.1


def _crude_stem(word: str) -> str:
    # Enough to equate "lists"/"list" without pulling in a stemmer for this check.
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


# ----- relevance: a cross-check of a model's rating ----------------------------------------
#
# A weak model may rate "purple monkey dishwasher" 10/10. After the model has graded a real
# attempt, its rating is checked against how much the answer has to do with the question:
#
#   shared = the distinct content stems (Snowball stems of non-stopwords) the answer has in
#            common with the question, the key points if any, and the model's own reference
#            answer — unless that reference only parrots the answer (at least 80% of its stems
#            are the answer's and none is the question's): a parrot can't vouch for it.
#   ceiling = 2 with nothing shared, 6 with one stem shared, 10 from two on.
#
# A rating above the ceiling is lowered to it, logged, and explained in the feedback. The
# ceiling is deliberately loose (one shared word already allows 6): it only catches answers
# that are about something else entirely, never judges quality.

RELEVANCE_CEILINGS = (2, 6)  # ceiling for 0 and 1 shared stems; 10 from two on
PARROT_SHARE = 0.8


def relevance(
    question: str, answer: str, key_points: Sequence[str] = (), reference: str = ""
) -> int:
    """How many distinct content stems the answer shares with what was asked (see above)."""
    given = _content(answer)
    return len(given & _asked(_content(question), key_points, reference, given))


def _asked(asked: set[str], key_points: Sequence[str], reference: str, given: set[str]) -> set[str]:
    """What was asked, as content stems: the question's (`asked`), the key points', and the
    reference answer's — unless the reference only parrots the answer back."""
    asked = set(asked)
    for point in key_points:
        asked |= _content(point)
    if reference:
        expected = _content(reference)
        parrot = bool(expected) and len(expected & given) >= PARROT_SHARE * len(expected)
        if expected & asked or not parrot:
            asked |= expected
    return asked


def relevance_ceiling(shared: int) -> int:
    return RELEVANCE_CEILINGS[shared] if shared < len(RELEVANCE_CEILINGS) else 10


def cap_by_relevance(
    result: GradeResult, question: str, answer: str, key_points: Sequence[str] = ()
) -> GradeResult:
    """The model's grade, its rating capped at what the answer's relevance allows."""
    shared = relevance(question, answer, key_points, result.model_answer)
    ceiling = relevance_ceiling(shared)
    if result.rating <= ceiling:
        return result
    log.warning(
        "Model rating %d capped to %d: the answer shares %d content word(s) with the question",
        result.rating,
        ceiling,
        shared,
    )
    note = MESSAGES["rating_capped"].format(rating=ceiling)
    return result.model_copy(update={"rating": ceiling, "feedback": f"{note}\n\n{result.feedback}"})


def _content(text: str) -> set[str]:
    return {s for s in content_stems(text) if len(s) > 1 and not s.isdigit()}


# ----- the relevance gate: keyword salad and answers to another question --------------------
#
# Before any grading (both backends), an answer that is a real attempt is checked for being
# *about* the question:
#
#   salad     at least `SALAD_MIN_WORDS` words with almost no function words ("banana potato
#             fiber transition deferred value lanes"): keywords listed without saying anything
#             about them. Code is exempt.
#   elsewhere the answer shares no topic stem with the question, its key points or (with a
#             model) the reference answer, or it matches another question's key points far
#             better than this one's (the offline bank tells).
#
# Either caps the rating at `GATE_CEILING` and the feedback says why.

GATE_CEILING = 2
SALAD_MIN_WORDS = 5
SALAD_FUNCTION_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class Gate:
    """Why an answer can score at most `ceiling`: `kind` is "salad" or "elsewhere"."""

    kind: str
    ceiling: int
    reason: str


def is_salad(answer: str) -> bool:
    """Keywords without meaning: many words, almost none of the small words sentences need."""
    if any(pattern.search(answer) for pattern in _CODE_SIGNALS):
        return False  # any sign of code: code needs few small words
    words = _words(answer)
    if len(words) < SALAD_MIN_WORDS:
        return False
    function = sum(1 for w in words if w in _STOPWORDS)
    return function / len(words) < SALAD_FUNCTION_SHARE


def salad_gate(answer: str) -> Gate | None:
    """The gate for keyword salad alone: decidable before any model sees the answer."""
    if not is_salad(answer):
        return None
    return Gate(
        "salad",
        GATE_CEILING,
        f"**Rated at most {GATE_CEILING}/10: this lists keywords without explaining "
        "anything.** Naming terms isn't an answer — say what they mean, how they work and "
        "why they matter here, in full sentences.",
    )


def relevance_gate(
    question: str,
    answer: str,
    key_points: Sequence[str] = (),
    *,
    reference: str = "",
    elsewhere: str | None = None,
) -> Gate | None:
    """A `Gate` when the answer is salad or about something else; None when it is on topic.
    `elsewhere` is the text of another question the answer fits far better (the caller knows
    its bank); without one, an answer sharing no topic stem with the question, its key points
    and the reference answer (unless that only parrots the answer) is elsewhere."""
    salad = salad_gate(answer)
    if salad is not None:
        return salad
    if elsewhere:
        return Gate(
            "elsewhere",
            GATE_CEILING,
            f"**Rated at most {GATE_CEILING}/10: this answers a different question** — it "
            f"fits “{_clip(elsewhere)}” rather than the one asked. Re-read the question and "
            "answer that one.",
        )
    given = _content(answer)
    asked = _asked(_topic(question), key_points, reference, given)
    if asked and not (given & asked) and not _looks_like_code(answer):
        return Gate(
            "elsewhere",
            GATE_CEILING,
            f"**Rated at most {GATE_CEILING}/10: this answer is about something else** — it "
            "shares no idea with the question. Re-read the question and answer that one.",
        )
    return None


def apply_gate(result: GradeResult, gate: Gate | None) -> GradeResult:
    """The grade with its rating capped by the gate and the reason leading the feedback."""
    if gate is None:
        return result
    rating = min(result.rating, gate.ceiling)
    body = without_score_line(result.feedback)
    return result.model_copy(update={"rating": rating, "feedback": f"{gate.reason}\n\n{body}"})


_SCORE_LINE_RE = re.compile(r"^\s*\**\s*(?:score|rating)\s*:?\s*\d+\s*/\s*10\b.*$", re.I | re.M)


def without_score_line(feedback: str) -> str:
    """Feedback without a leading line restating a score: the reply shows the rating once."""
    return _SCORE_LINE_RE.sub("", feedback, count=1).strip() or feedback


def _topic(question: str) -> set[str]:
    return _content(question) - _FRAMING


_FRAMING = {
    s
    for s in content_stems(
        """what how why when which explain describe tell give example difference differences
        compare would could should work works happen happens mean means main key some walk
        through time situation use used each between"""
    )
}


def _clip(text: str, size: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"
