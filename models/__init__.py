"""Tortoise ORM models: data and constraints only.

Every module in this package is loaded as part of the `models` app (see `bot.db`),
so a feature adds its tables by adding a module here plus an aerich migration.
"""

from models.base import TimestampedModel
from models.core import Difficulty, ExperienceLevel, Interview, JobInfo, Question, User

__all__ = [
    "Difficulty",
    "ExperienceLevel",
    "Interview",
    "JobInfo",
    "Question",
    "TimestampedModel",
    "User",
]
