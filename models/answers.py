"""Answers to practice questions: what the user said, the 1-10 rating and the feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model
from tortoise.validators import MaxValueValidator, MinValueValidator

if TYPE_CHECKING:
    from models.core import Question

RATING_MIN, RATING_MAX = 1, 10


class Answer(Model):
    id = fields.UUIDField(primary_key=True)
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="answers", on_delete=fields.CASCADE, db_index=True
    )
    text = fields.TextField(description="the answer as typed or transcribed")
    rating = fields.SmallIntField(
        validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)],
        description="1-10 (CHECKed in SQL)",
    )
    feedback = fields.TextField(description="Markdown from the coach")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "answers"
