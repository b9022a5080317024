"""The lines of a mock interview, both sides, in the order they were said."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model
from tortoise.validators import MinValueValidator

if TYPE_CHECKING:
    from models.core import Interview


class MessageRole(StrEnum):
    INTERVIEWER = "interviewer"
    CANDIDATE = "candidate"


class InterviewMessage(Model):
    id = fields.IntField(primary_key=True)
    interview: fields.ForeignKeyRelation[Interview] = fields.ForeignKeyField(
        "models.Interview", related_name="messages", on_delete=fields.CASCADE, db_index=True
    )
    role = fields.CharEnumField(MessageRole, max_length=16, description="CHECKed in SQL")
    text = fields.TextField(description="as typed, transcribed, or streamed by the interviewer")
    voice_seconds = fields.IntField(
        null=True, validators=[MinValueValidator(0)], description="length of the voice note"
    )
    response_seconds = fields.FloatField(
        null=True,
        validators=[MinValueValidator(0)],
        description="candidate lines: seconds since the line before",
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "interview_messages"
