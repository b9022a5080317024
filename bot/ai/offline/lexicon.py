"""Word lists for the rule-based report and resume checks."""

from __future__ import annotations

import re

from bot.ai.offline.text import wordset

ACTION_VERBS = wordset(
    """achieved accelerated architected automated built championed collaborated configured
    consolidated created cut debugged decreased delivered deployed designed developed drove
    eliminated enabled engineered established expanded facilitated founded grew guided halved
    identified implemented improved increased initiated integrated introduced launched led
    maintained managed mentored migrated modernised modernized monitored negotiated optimised
    optimized orchestrated organised organized owned pioneered planned presented prototyped
    rebuilt redesigned reduced refactored resolved restructured revamped saved scaled secured
    shipped simplified spearheaded standardised standardized streamlined supported taught tested
    trained transformed tripled doubled troubleshot unified upgraded wrote"""
)

# Fillers that add no content. "like" only counts when set off by commas (", like,").
FILLER_RE = re.compile(
    r"\b(?:u+m+|u+h+|e+r+m+|hmm+|you know|basically|actually|literally|i mean|so yeah)\b"
    r"|,\s*like\s*,|\blike,\s",
    re.IGNORECASE,
)
HEDGE_RE = re.compile(
    r"\b(?:maybe|perhaps|probably|i think|i guess|i believe|i suppose|not sure|i'm not sure|"
    r"kind of|sort of|hopefully|i don'?t know|i'm not certain|might be|could be)\b",
    re.IGNORECASE,
)
# Owning the work ("I led", "I built") and clear commitment read as confidence.
CONFIDENT_RE = re.compile(
    r"\b(?:i|we)\s+(?:" + "|".join(sorted(ACTION_VERBS)) + r")\b"
    r"|\b(?:definitely|certainly|i'm confident|i am confident|i made sure|i decided|"
    r"i took ownership|i'd recommend|i would recommend)\b",
    re.IGNORECASE,
)
APOLOGY_RE = re.compile(r"\b(?:sorry|apologi[sz]e)\b", re.IGNORECASE)
EXAMPLE_RE = re.compile(
    r"\b(?:for example|for instance|e\.g\.|such as|in my (?:last|previous|current)|at my "
    r"(?:last|previous|current)|when i was|one time|once,? (?:i|we))\b",
    re.IGNORECASE,
)
# A story from the candidate's own work is an example too: "At Foo Corp I led…", "When I was
# at…", "In my last role…", "I migrated…", or a result with a number ("cut errors by 30%").
_PAST_VERBS = ACTION_VERBS | wordset(
    """worked fixed found noticed ran chose handled joined took spent realised realized
    discovered learned learnt added moved replaced removed split switched investigated traced
    profiled measured tracked convinced proposed suggested inherited rolled rewrote"""
)
_PAST = "|".join(sorted(_PAST_VERBS))
NARRATIVE_RE = re.compile(
    # "At Foo Corp I led…", "at Google, we moved…": a named place, then I/we did something
    # ("look at Redis, I think" is no story).
    r"\b[Aa]t\s+(?:[A-Z][\w&.'-]*\s+){0,3}?[A-Z][\w&.'-]*,?\s+(?:I|[Ww]e)\s+"
    r"(?:[a-z]+ed|was|were|had|did|" + _PAST + r")\b"
    r"|(?i:\b(?:when|while)\s+(?:i|we)\s+(?:was|were|worked|joined|started)\b"
    r"|\b(?:in|on|at)\s+(?:my|our)\s+(?:last|previous|current|first|old|former)\s+"
    r"(?:role|job|team|company|project|position|internship|employer|startup)\b"
    r"|\b(?:i|we)(?:\s+(?:have|had)|['’]ve)?\s+(?:" + _PAST + r")\b)"
)
# A measured result: a percentage, money, or a number with a unit of scale or time. The number
# is tried once per run of digits, commas and dots, from its first digit after a word boundary
# (the atomic group), not again from every digit of "1.1.1.1…", which was quadratic.
METRIC_RE = re.compile(
    r"[$€£]\s?\d|(?<![\d,.])(?>[\d,.]*?\b\d)[\d,.]*+\s?(?:%|percent\b|x\b|k\b|ms\b|"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|users?|customers?|clients?|"
    r"requests?|people|engineers?|developers?|services?|servers?|teams?|times|million|"
    r"thousand)\b)",
    re.IGNORECASE,
)


def gives_example(text: str) -> bool:
    """Whether an answer gives a concrete example: a cue ("for example"), a first-person story
    from a real setting, or a measured result."""
    return any(p.search(text) for p in (EXAMPLE_RE, NARRATIVE_RE, METRIC_RE))


STRUCTURE_RE = re.compile(
    r"\b(?:first(?:ly)?|second(?:ly)?|then|finally|because|as a result|the result|so that|"
    r"in summary|overall)\b",
    re.IGNORECASE,
)
FIRST_PERSON_RE = re.compile(r"\b(?:i|me|my|mine|myself)\b", re.IGNORECASE)
NUMBER_RE = re.compile(r"\d|%|\$|€|£|\b(?:twice|double|half|thousands?|millions?)\b", re.I)

# Words that say the same idea, so a key phrase matches an answer in other words: each group
# is stemmed and every member stands for the first. Kept to true synonyms in interview
# answers; a looser group would let unrelated answers earn points.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("same", "similar", "interchangeable", "equivalent", "alike", "identical"),
    ("immutable", "unchangeable", "read-only", "readonly", "frozen"),
    ("mutable", "changeable", "modifiable"),
    ("fast", "quick", "speedy"),
    ("slow", "sluggish", "laggy"),
    ("error", "exception", "failure"),
    ("function", "func", "method"),
    ("object", "objects", "shape", "shapes"),
    ("rerender", "re-render", "render again"),
    ("cache", "memoize", "memoise"),
    ("concurrent", "parallel", "simultaneous"),
    ("extend", "inherit"),
    ("merge", "combine"),
    ("delete", "remove"),
    ("start", "begin"),
)
