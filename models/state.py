"""Conversation states and per-user scratch data of python-telegram-bot, kept in the database."""

from tortoise import fields
from tortoise.models import Model


class BotState(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharField(max_length=32, description="conversation:<name> or user_data")
    key = fields.CharField(max_length=128)
    value = fields.JSONField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "bot_state"
        unique_together = (("kind", "key"),)
