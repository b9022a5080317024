"""The product's vocabulary, defined once: everything else (model fields and their CHECKs,
prompt wording, AI schemas, button data, catalogue keys) is derived from these."""

from __future__ import annotations

from enum import StrEnum


class ExperienceLevel(StrEnum):
    JUNIOR = "junior"
    MID_LEVEL = "mid-level"
    SENIOR = "senior"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Plan(StrEnum):
    FREE = "free"
    PRO = "pro"
    MAX = "max"


class Resource(StrEnum):
    """What plans limit."""

    QUESTION = "question"
    INTERVIEW = "interview"
    RESUME = "resume"


LANGUAGES = ("en", "es", "ru", "pt")  # interface languages (users.language, CHECKed in SQL)
