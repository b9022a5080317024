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
STRUCTURE_RE = re.compile(
    r"\b(?:first(?:ly)?|second(?:ly)?|then|finally|because|as a result|the result|so that|"
    r"in summary|overall)\b",
    re.IGNORECASE,
)
FIRST_PERSON_RE = re.compile(r"\b(?:i|me|my|mine|myself)\b", re.IGNORECASE)
NUMBER_RE = re.compile(r"\d|%|\$|€|£|\b(?:twice|double|half|thousands?|millions?)\b", re.I)
