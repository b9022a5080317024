"""Text helpers shared by the offline coach: tokens, normalised keys and Snowball stems."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from bot.wording import plural as plural  # re-exported for the offline coach's modules

# Keep "c++", "c#" and "k8s" whole; everything else splits on non-alphanumerics.
_TOKEN_RE = re.compile(r"[^\W_]+(?:\+\+|#)?", re.UNICODE)
_APOSTROPHES = str.maketrans("", "", "'’`")
# Expand negations so "can't" matches a key phrase written as "cannot" or "not".
_CONTRACTIONS = (
    (re.compile(r"\bcan['’]t\b"), "cannot"),
    (re.compile(r"\bwon['’]t\b"), "will not"),
    (re.compile(r"n['’]t\b"), " not"),
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")

# A Snowball stemmer keeps the word it is working on in itself, so each thread has its own:
# the coach runs long analyses in worker threads.
_THREAD = threading.local()
# Longer tokens are stemmed but not cached: user text can hold 90,000-character "words", and
# a cache keyed by them would keep every one alive. Real words are far shorter.
CACHED_TOKEN_CHARS = 40


def wordset(text: str) -> frozenset[str]:
    """A frozen set from whitespace-separated words (keeps long word lists readable)."""
    return frozenset(text.split())


STOPWORDS = wordset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    also etc e g ie eg via using use used get got make made one two may might must shall
    let lets yes ok okay well really quite much many like"""
)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; negations expanded ("don't" is "do not"), other apostrophes
    dropped ("it's" is "its")."""
    folded = unicodedata.normalize("NFKC", text).lower()
    for pattern, replacement in _CONTRACTIONS:
        folded = pattern.sub(replacement, folded)
    return _TOKEN_RE.findall(folded.translate(_APOSTROPHES))


def normalise(text: str) -> str:
    """A comparison key: lowercase tokens joined by single spaces (Markdown and case ignored)."""
    return " ".join(tokens(text))


def stem(token: str) -> str:
    if len(token) > CACHED_TOKEN_CHARS:
        return _stem(token)
    return _cached_stem(token)


@lru_cache(maxsize=65536)
def _cached_stem(token: str) -> str:
    return _stem(token)


def _stem(token: str) -> str:
    stemmer = getattr(_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _THREAD.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(token)


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword tokens, in order."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS]


def phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stems(phrase))


class StemIndex:
    """An answer's stems, ready for fast single-word and phrase lookups."""

    __slots__ = ("_joined", "_set")

    def __init__(self, text: str) -> None:
        seq = stems(text)
        self._set = frozenset(seq)
        # Spaces at both ends make " a b " a whole-token sequence match.
        self._joined = " " + " ".join(seq) + " "

    def has_phrase(self, phrase: tuple[str, ...]) -> bool:
        if not phrase:
            return False
        if len(phrase) == 1:
            return phrase[0] in self._set
        # "hash map" also matches "hashmap" written as one word.
        return f" {' '.join(phrase)} " in self._joined or "".join(phrase) in self._set

    def share_of(self, words: frozenset[str]) -> float:
        if not words:
            return 0.0
        return len(words & self._set) / len(words)

    @property
    def words(self) -> frozenset[str]:
        return self._set


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]


def quote(text: str, max_words: int = 14) -> str:
    """A short quotation of the candidate's own words, trimmed at a word boundary."""
    words = " ".join(text.split()).split(" ")
    clipped = " ".join(words[:max_words])
    if len(words) > max_words:
        clipped = clipped.rstrip(",;:.") + "…"
    return f"“{clipped}”"


def agree(count: int, singular: str, plural_form: str) -> str:
    """The word (usually a verb) that agrees with `count`: agree(1, "runs", "run") is "runs"."""
    return singular if count == 1 else plural_form


def times(count: int) -> str:
    """How often something happened: “once”, “twice”, “3 times”."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def period(text: str) -> str:
    """`text` closing a sentence: a full stop is added unless one already ends it, also inside
    a closing quotation mark, so a quoted sentence isn't followed by a second full stop."""
    return text if text.rstrip("”’\"')").endswith((".", "!", "?", "…")) else text + "."
