"""What a text is about, among the bank's questions: TF-IDF cosine over content stems.

Key phrases are single words as often as not ("queue", "retry", "order"), so an answer to one
question can name several of another's by chance. Which question's material an answer is
closest to as a whole tells an answer to another question from an answer that happens to
share a few words with this one.

Written here rather than taken from scikit-learn's `TfidfVectorizer`: that would bring SciPy
and scikit-learn for thirty lines, and the vectors must use the coach's own stems anyway.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from bot.ai.offline.text import content_stems

Vector = dict[str, float]


class TopicIndex:
    """One weighted, normalised stem vector per document (a question with its key points and
    reference answer); `similarities` scores a text against each, in order."""

    __slots__ = ("_idf", "_unseen", "_vectors")

    def __init__(self, documents: Sequence[str]) -> None:
        stemmed = [content_stems(d) for d in documents]
        count = max(len(stemmed), 1)
        frequency = Counter(s for stems in stemmed for s in set(stems))
        self._idf = {s: math.log(count / n) for s, n in frequency.items()}
        self._unseen = math.log(count)  # a stem no document has: as rare as can be
        self._vectors = [self._vector(stems) for stems in stemmed]

    def _vector(self, stems: Sequence[str]) -> Vector:
        weights = {
            s: (1 + math.log(n)) * self._idf.get(s, self._unseen) for s, n in Counter(stems).items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {s: w / norm for s, w in weights.items()} if norm else {}

    def similarities(self, text: str) -> list[float]:
        """Cosine similarity of `text` to each document, 0.0 (nothing shared) to 1.0."""
        probe = self._vector(content_stems(text))
        return [_dot(probe, vector) for vector in self._vectors]


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a  # walk the shorter: a long answer against a question's hundred stems
    return sum(w * b.get(s, 0.0) for s, w in a.items())
