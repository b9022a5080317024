"""Rule-based grading: which key points an answer covers, mapped honestly onto 1-10."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ai.honesty import apply_gate, looks_like_code, relevance_gate
from bot.ai.offline.bank import Bank, BankQuestion, KeyPoint
from bot.ai.offline.lexicon import SYNONYM_GROUPS, gives_example
from bot.ai.offline.text import (
    STOPWORDS,
    StemIndex,
    content_stems,
    plural,
    quote,
    sentences,
    stem,
    tokens,
    wordset,
)
from bot.ai.schemas import GradeResult

FULL = 0.9  # credit at or above this counts as covered
PARTIAL = 0.3  # credit at or above this counts as partly covered
ECHO_CREDIT = 0.6  # most a phrase already in the question can earn

_EXAMPLE_RE = re.compile(
    r"\b(?:for example|for instance|e\.g\.|such as|say we|imagine|in my last|at my)\b|`",
    re.IGNORECASE,
)
_REASON_RE = re.compile(
    r"\b(?:because|so that|therefore|which means|this means|since|that is why)\b", re.IGNORECASE
)
_TRADEOFF_RE = re.compile(
    r"\b(?:however|trade-?offs?|downside|drawback|on the other hand|but|whereas|unless|"
    r"cost|risk)\b",
    re.IGNORECASE,
)
# Words that frame a question rather than name its subject.
_QUESTION_FRAMING = frozenset(
    stem(w)
    for w in wordset(
        """what how why when which who explain describe tell give example difference differences
        between compare would could should you your do does did is are a an the work works
        happen happens mean means main key some please walk through time situation"""
    )
)

# The handler already says the offline coach is answering; this only explains the method.
GRADING_NOTE = "_How this was graded: by matching your answer against the question's key points._"


# An answer answers another bank question when it is about that question's topic at least
# `TOPIC_RATIO` times as much as about this one's (`Bank.topics`) and covers that question's
# key points at least as well as this one's, and at least `ELSEWHERE_OTHER`. Key phrases are
# often single words, so key points alone can't tell: an answer about where request values go
# names "content type" and "caching", two of the points of a question on `is` and `==`, and a
# first sentence about data races in Go names half the points of a question on testing.
ELSEWHERE_OTHER = 0.5
TOPIC_RATIO = 2.0
TOPIC_FLOOR = 0.1  # below this similarity an answer is about no bank question in particular
# An answer covering at most this much of the question's key points must share an idea with
# the question itself (`relevance_gate`).
ELSEWHERE_OWN = 0.25

# Each single-word synonym's stem stands for its group's first word's stem.
_CANONICAL: dict[str, str] = {
    stem(word): stem(group[0])
    for group in SYNONYM_GROUPS
    for word in group
    if len(tokens(word)) == 1
}
_CLAUSE_RE = re.compile(r"[,;:]\s+|\s+(?:and|but|whereas|while)\s+")


def canonical(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_CANONICAL.get(s, s) for s in phrase)


class IdeaIndex(StemIndex):
    """An answer's stems with synonyms folded together, so a key phrase matches the idea."""

    __slots__ = ()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        seq = [_CANONICAL.get(s, s) for s in self._joined.split()]
        self._set = frozenset(seq) | self._set
        self._joined = " " + " ".join(seq) + " "

    def has_idea(self, phrase: tuple[str, ...]) -> bool:
        return self.has_phrase(phrase) or self.has_phrase(canonical(phrase))


@dataclass(frozen=True, slots=True)
class PointResult:
    point: str
    credit: float
    evidence: str = ""  # the part of the answer that earned the credit


def point_credit(
    point: KeyPoint, answer: StemIndex, question_words: frozenset[str], novelty: float
) -> float:
    return point_match(point, answer, question_words, novelty)[0]


def point_match(
    point: KeyPoint, answer: StemIndex, question_words: frozenset[str], novelty: float
) -> tuple[float, tuple[str, ...] | None]:
    """1.0 for a named key phrase (or its synonym); less when the phrase only echoes the
    question's words; with the phrase that earned it.

    An echoed phrase ("staging area" for a question about the staging area) earns credit in
    proportion to how much of the answer goes beyond the question, so restating it earns little.
    """
    best, used = 0.0, None
    has = answer.has_idea if isinstance(answer, IdeaIndex) else answer.has_phrase
    for phrase in point.phrases:
        if has(phrase):
            echoes_question = all(s in question_words for s in phrase)
            credit = ECHO_CREDIT * min(1.0, novelty / 0.6) if echoes_question else 1.0
            if credit > best:
                best, used = credit, phrase
    if best >= 1.0:
        return best, used
    # The point's own words are weak evidence, ignoring words the question already supplies.
    informative = point.point_words - question_words
    if len(informative) >= 2:
        share = answer.share_of(informative)
        weak = 0.6 if share >= 0.67 else 0.35 if share >= 0.4 else 0.0
        if weak > best:
            best, used = weak, tuple(sorted(informative))
    return best, used


def novelty(answer: str, question_words: frozenset[str]) -> float:
    """Share of the answer's content words that the question did not already contain."""
    own = set(content_stems(answer))
    return len(own - question_words) / len(own) if own else 0.0


def score_points(question: BankQuestion, answer: str) -> list[PointResult]:
    index = IdeaIndex(answer)
    fresh = novelty(answer, question.question_words)
    results = []
    for kp in question.key_points:
        credit, phrase = point_match(kp, index, question.question_words, fresh)
        evidence = _evidence(answer, phrase) if credit >= PARTIAL and phrase else ""
        results.append(PointResult(kp.point, credit, evidence))
    return results


def _evidence(answer: str, phrase: tuple[str, ...]) -> str:
    """The shortest clause of the answer that holds `phrase` (a key phrase, or for weak
    evidence a set of stems), quoted."""
    clauses = [c for s in sentences(answer) for c in _CLAUSE_RE.split(s) if c.strip()]
    for clause in sorted(clauses, key=len):
        index = IdeaIndex(clause)
        if index.has_idea(phrase) or (len(phrase) > 1 and index.share_of(frozenset(phrase)) > 0.5):
            return quote(clause)
    return ""


def elsewhere(bank: Bank, question: BankQuestion, answer: str, own: float) -> BankQuestion | None:
    """Another bank question the answer is an answer to, rather than to `question`."""
    position = next((i for i, q in enumerate(bank.questions) if q.id == question.id), None)
    if position is None:
        return None
    similarity = bank.topics.similarities(answer)
    bar = max(TOPIC_RATIO * similarity[position], TOPIC_FLOOR)
    best, best_cover = None, max(ELSEWHERE_OTHER, own)
    index = IdeaIndex(answer)  # built once: the answer may be long
    own_stems = set(content_stems(answer))
    for other, about in zip(bank.questions, similarity, strict=True):
        if about < bar:
            continue
        fresh = len(own_stems - other.question_words) / len(own_stems) if own_stems else 0.0
        credits = [
            point_match(kp, index, other.question_words, fresh)[0] for kp in other.key_points
        ]
        cover = sum(credits) / len(credits) if credits else 0.0
        if cover >= best_cover:
            best, best_cover = other, cover
    return best


def coverage(results: list[PointResult]) -> float:
    return sum(r.credit for r in results) / len(results) if results else 0.0


def length_cap(word_count: int) -> int:
    """The best rating an answer of this length can earn: a fragment can't be excellent."""
    for limit, cap in ((10, 3), (20, 5), (35, 7), (50, 9)):
        if word_count < limit:
            return cap
    return 10


def rating_for(cover: float, word_count: int) -> int:
    if cover <= 0.0:
        return 2 if word_count >= 20 else 1  # effort, but none of the substance
    rating = round(1 + 9 * cover)
    return max(1, min(rating, length_cap(word_count)))


def grade_bank_question(
    question: BankQuestion, answer: str, bank: Bank | None = None
) -> GradeResult:
    """Key-point grading behind the relevance gate: keyword salad and an answer to another
    question (another bank question it fits far better, or no shared idea) score at most 2."""
    results = score_points(question, answer)
    word_count = len(tokens(answer))
    cover = coverage(results)
    rating = rating_for(cover, word_count)
    story = question.skill == "behavioural"
    feedback = _feedback(rating, results, answer, word_count, story)
    result = GradeResult(rating=rating, feedback=feedback, model_answer=question.answer)
    other = elsewhere(bank, question, answer, cover) if bank is not None else None
    # An answer that earns (almost) nothing must share an idea with the question itself; one
    # that earns points may share it with the key points or the reference answer instead.
    weak = cover <= ELSEWHERE_OWN
    gate = relevance_gate(
        question.text,
        answer,
        () if weak else [kp.point for kp in question.key_points],
        reference="" if weak else question.answer,
        elsewhere=other.text if other is not None else None,
    )
    if gate is not None:
        # Keyword hits in salad or in an answer to another question earned nothing: the
        # feedback credits none of them.
        nothing = [PointResult(r.point, 0.0) for r in results]
        feedback = _feedback(rating, nothing, answer, word_count, story)
        result = result.model_copy(update={"feedback": feedback})
    return apply_gate(result, gate)


def _feedback(
    rating: int, results: list[PointResult], answer: str, word_count: int, story: bool
) -> str:
    covered = [r for r in results if r.credit >= FULL]
    partly = [r for r in results if PARTIAL <= r.credit < FULL]
    missed = [r for r in results if r.credit < PARTIAL]
    total = plural(len(results), "key point")
    head = f"You covered {len(covered)} of {total}"
    head += f" ({len(partly)} partly)." if partly else "."
    lines = [head, "", "**Covered**"]
    lines += [f"- ✅ {r.point}{_earned(r)}" for r in covered]
    lines += [f"- ◐ {r.point} _(partly — name it explicitly)_{_earned(r)}" for r in partly]
    if not covered and not partly:
        lines.append("- None of the key points yet.")
    lines += ["", "**Missed**"]
    lines += [f"- ❌ {r.point}" for r in missed] or ["- Nothing important — well done."]
    lines += ["", "**Advice**"]
    lines += [f"- {tip}" for tip in _advice(results, missed, answer, word_count, story)]
    lines += ["", GRADING_NOTE]
    return "\n".join(lines)


def _earned(result: PointResult) -> str:
    return f" — you said {result.evidence}" if result.evidence else ""


def _advice(
    results: list[PointResult],
    missed: list[PointResult],
    answer: str,
    word_count: int,
    story: bool,
) -> list[str]:
    """Tips for the answer; `story` marks a behavioural question, whose key points describe
    a good story ("Describes the situation…") rather than state facts."""
    tips: list[str] = []
    if missed and coverage(results) < 0.5:
        first = missed[0].point
        tips.append(
            f"Start with the first thing your story is missing: “{first}”."
            if story
            else f"Start from the core idea: {_sentence_case(first)}."
        )
    if word_count < 35:
        shape = (
            "the situation, what you did, and the result"
            if story
            else "what it is, how it works, and when you'd use it"
        )
        tips.append(
            f"Your answer is brief ({plural(word_count, 'word')}). Aim for 3-5 sentences: {shape}."
        )
    if not _has_example(answer):
        tips.append(
            "Tell one specific situation from your own work: where it was, what you did, "
            "and what came of it."
            if story
            else "Add a concrete example or a short code snippet to show you have used it."
        )
    if not _TRADEOFF_RE.search(answer) and not missed:
        tips.append(
            "To stand out, say what you learned or would do differently next time."
            if story
            else "To stand out, mention a trade-off or a pitfall you have met in practice."
        )
    if missed:
        tips.append(
            "Name concepts explicitly: the offline coach looks for key terms, so a right idea "
            "in unusual words may be missed."
        )
    return tips or ["Strong answer — keep this structure in the real interview."]


def grade_unknown_question(question: str, answer: str) -> GradeResult:
    """Approximate grading for a question outside the bank: topic terms plus explanation cues."""
    terms = _question_terms(question)
    index = StemIndex(answer)
    found = [t for t in terms if stem(t) in index.words]
    missing = [t for t in terms if stem(t) not in index.words]
    cues = _explanation_cues(answer)
    word_count = len(tokens(answer))
    term_share = len(found) / len(terms) if terms else 0.5
    raw = 1 + 3 * term_share + sum(cues.values()) + (word_count >= 40) + (word_count >= 80)
    # Without a reference answer, a high score would be a guess: stay at 7 or below.
    rating = max(1, min(round(raw), 7, length_cap(word_count)))
    feedback = _approximate_feedback(rating, found, missing, cues)
    result = GradeResult(rating=rating, feedback=feedback, model_answer=_outline(terms))
    return apply_gate(result, relevance_gate(question, answer))


def _question_terms(question: str) -> list[str]:
    seen: dict[str, str] = {}
    for token in tokens(question):
        key = stem(token)
        if token in STOPWORDS or key in _QUESTION_FRAMING or len(token) < 3:
            continue
        seen.setdefault(key, token)
    return list(seen.values())[:8]


def _explanation_cues(answer: str) -> dict[str, bool]:
    return {
        "a reason (because / so that)": bool(_REASON_RE.search(answer)),
        "an example": _has_example(answer),
        "a trade-off or caveat": bool(_TRADEOFF_RE.search(answer)),
    }


def _approximate_feedback(
    rating: int, found: list[str], missing: list[str], cues: dict[str, bool]
) -> str:
    lines = [
        "**Approximate grade**",
        "",
        "_This question isn't in the offline question bank, so the grading is approximate: it "
        "checks that you addressed the question's key terms and explained with reasons, "
        "examples and trade-offs._",
        "",
        "**Covered**",
    ]
    lines += [f"- ✅ {t}" for t in found] + [f"- ✅ {c}" for c, ok in cues.items() if ok]
    if not found and not any(cues.values()):
        lines.append("- None of the question's key terms yet.")
    lines += ["", "**Missed**"]
    lines += [f"- ❌ {t}" for t in missing] + [f"- ❌ {c}" for c, ok in cues.items() if not ok]
    if not missing and all(cues.values()):
        lines.append("- Nothing obvious.")
    return "\n".join(lines)


def _outline(terms: list[str]) -> str:
    topic = ", ".join(f"**{t}**" for t in terms[:5]) or "the topic"
    return (
        "No reference answer is stored offline for this question. A strong answer would:\n"
        f"- define {topic} in one or two sentences;\n"
        "- explain how it works and why it matters;\n"
        "- give a concrete example from your experience or a short code snippet;\n"
        "- name a trade-off, pitfall or alternative."
    )


def _has_example(answer: str) -> bool:
    """A hypothetical or code example, or one from the candidate's own work ("At Foo I…")."""
    return bool(_EXAMPLE_RE.search(answer)) or gives_example(answer) or looks_like_code(answer)


def _sentence_case(point: str) -> str:
    """Lower the first letter to continue a sentence, unless it starts an acronym ("GET")."""
    if len(point) > 1 and point[1].isupper():
        return point
    return point[:1].lower() + point[1:]
