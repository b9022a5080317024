"""Salient keywords of a job description, and finding them in a resume or an answer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.ai.offline.skills import alias_matches
from bot.ai.offline.text import STOPWORDS, StemIndex, phrase_stems, tokens, wordset
from bot.ai.schemas import JobContext

MAX_KEYWORDS = 20

# Words every job ad uses; they say nothing about the role.
GENERIC_JOB_WORDS = wordset(
    """experience experienced years year team teams work working strong ability able knowledge
    skills skill role company join looking candidate candidates responsibilities requirements
    required requirement plus nice have good great excellent understanding familiarity
    familiar solid proven track record including include includes environment opportunity
    opportunities position job developer developers engineer engineers engineering senior junior
    mid level middle lead new help helps build building develop developing development product
    products business customers customer users user world best high quality part across within
    who our us will must should preferred bonus benefits salary remote office hybrid fast paced
    passionate love want need degree related field equivalent etc based day days week using
    ensure make makes write writing various every other others well hands software system
    systems service services platform platforms solution solutions english applications
    application tools tool technologies technology stack modern"""
)

# Spellings that mean the same thing, so "Postgres" in a resume satisfies "PostgreSQL".
_EQUIVALENTS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split("|"))
    for group in (
        "postgresql|postgres|psql",
        "javascript|js|ecmascript",
        "typescript|ts",
        "kubernetes|k8s",
        "golang|go",
        "node|nodejs|node js",
        "react|reactjs|react js",
        "aws|amazon web services",
        "ci cd|cicd|continuous integration",
        "rest|restful",
        "machine learning|ml",
    )
)

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9+#.]*[A-Za-z0-9+#]\b")


@dataclass(frozen=True, slots=True)
class Keyword:
    label: str
    variants: tuple[tuple[str, ...], ...]  # stemmed token sequences, any of which counts

    def found_in(self, index: StemIndex) -> bool:
        return any(index.has_phrase(v) for v in self.variants)


def make_keyword(label: str) -> Keyword:
    key = " ".join(tokens(label))
    spellings = {key}
    for group in _EQUIVALENTS:
        if key in group:
            spellings |= group
    variants = tuple(p for p in (phrase_stems(s) for s in sorted(spellings)) if p)
    return Keyword(label=label, variants=variants)


def job_keywords(job: JobContext, limit: int = MAX_KEYWORDS) -> list[Keyword]:
    """Known skill names first, then capitalised tech names, then frequent content words."""
    text = f"{job.title or ''}\n{job.name}\n{job.description}"
    labels: dict[str, str] = {}
    for label in alias_matches(text):
        labels.setdefault(label.lower(), label)
    for label in _capitalised_terms(job.description):
        labels.setdefault(label.lower(), label)
    for label in _frequent_terms(text):
        labels.setdefault(label.lower(), label)
    return [make_keyword(label) for label in list(labels.values())[:limit]]


def _capitalised_terms(text: str) -> list[str]:
    """Mid-sentence capitalised words are usually product or technology names."""
    found: list[str] = []
    for line in text.splitlines():
        for match in _CAPITALISED.finditer(line.strip(" -*•\t")):
            word = match.group(0).rstrip(".")
            if word.lower() not in STOPWORDS and word.lower() not in GENERIC_JOB_WORDS:
                found.append(word)
    return found


def _frequent_terms(text: str, minimum: int = 2) -> list[str]:
    counts = Counter(
        t
        for t in tokens(text)
        if len(t) > 2 and not t.isdigit() and t not in STOPWORDS and t not in GENERIC_JOB_WORDS
    )
    return [t for t, n in counts.most_common() if n >= minimum]


def split_found(keywords: list[Keyword], text: str) -> tuple[list[Keyword], list[Keyword]]:
    """Keywords present in `text` and those missing, each in job order."""
    index = StemIndex(text)
    found = [k for k in keywords if k.found_in(index)]
    missing = [k for k in keywords if not k.found_in(index)]
    return found, missing


def labels(keywords: list[Keyword], limit: int = 8) -> str:
    names = [k.label for k in keywords[:limit]]
    more = len(keywords) - len(names)
    text = ", ".join(names)
    return f"{text} and {more} more" if more > 0 else text
