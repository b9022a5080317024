"""The learning loop: a spaced-repetition card per graded question, and daily reminders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model
from tortoise.validators import MaxValueValidator, MinValueValidator

if TYPE_CHECKING:
    from models.core import Question, User


class ReviewCard(Model):
    """When a graded question comes back for review (FSRS state; one card per question)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="review_cards", on_delete=fields.CASCADE, db_index=True
    )
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="review_card", on_delete=fields.CASCADE, unique=True
    )
    due = fields.DatetimeField(description="when it is due for review (UTC)")
    state = fields.SmallIntField(description="FSRS state: 1 learning, 2 review, 3 relearning")
    step = fields.SmallIntField(null=True, description="FSRS (re)learning step")
    stability = fields.FloatField(null=True)
    difficulty = fields.FloatField(null=True, description="FSRS difficulty 1-10")
    last_rating = fields.SmallIntField(
        validators=[MinValueValidator(1), MaxValueValidator(10)], description="1-10 (CHECKed)"
    )
    last_review = fields.DatetimeField()
    reviews = fields.IntField(default=1, validators=[MinValueValidator(1)])

    class Meta:
        table = "review_cards"


class Reminder(Model):
    """A user's daily practice reminder at a local time; `next_at` is the next send (UTC)."""

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="reminder", on_delete=fields.CASCADE, primary_key=True
    )
    hour = fields.SmallIntField(validators=[MinValueValidator(0), MaxValueValidator(23)])
    minute = fields.SmallIntField(validators=[MinValueValidator(0), MaxValueValidator(59)])
    time_zone = fields.CharField(max_length=64, description="IANA name, e.g. Europe/Berlin")
    enabled = fields.BooleanField(default=True)
    next_at = fields.DatetimeField(null=True, description="the next send; NULL when off")
    last_sent_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "reminders"
