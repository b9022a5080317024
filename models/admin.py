"""Administration: the audit trail of admin commands, and broadcasts with their deliveries."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.core import User


class AdminAction(Model):
    """One admin command, as given and as it ended (kept when users are deleted)."""

    id = fields.IntField(primary_key=True)
    admin_id = fields.BigIntField(db_index=True, description="Telegram id of the admin")
    command = fields.CharField(max_length=32)
    arguments = fields.TextField()
    result = fields.TextField()
    ok = fields.BooleanField(default=True, description="False when refused or failed")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "admin_actions"


class BroadcastStatus(StrEnum):
    DRAFT = "draft"  # previewed, waiting for Send or Cancel
    SENDING = "sending"  # deliveries recorded; a sender works through them
    DONE = "done"
    CANCELLED = "cancelled"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed just before the send call
    SENT = "sent"
    BLOCKED = "blocked"  # 403: the user blocked the bot
    FAILED = "failed"
    UNKNOWN = "unknown"  # interrupted mid-send by a crash: never retried, never sent twice


class Broadcast(Model):
    id = fields.IntField(primary_key=True)
    admin_id = fields.BigIntField(description="Telegram id of the admin who wrote it")
    text = fields.TextField(description="Telegram HTML")
    status = fields.CharEnumField(
        BroadcastStatus, max_length=16, default=BroadcastStatus.DRAFT, db_index=True
    )
    progress_chat_id = fields.BigIntField(null=True)
    progress_message_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    deliveries: fields.ReverseRelation[BroadcastDelivery]

    class Meta:
        table = "broadcasts"


class BroadcastDelivery(Model):
    """One recipient of one broadcast; recorded before the send and updated after it."""

    id = fields.IntField(primary_key=True)
    broadcast: fields.ForeignKeyRelation[Broadcast] = fields.ForeignKeyField(
        "models.Broadcast", related_name="deliveries", on_delete=fields.CASCADE, db_index=True
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="broadcast_deliveries", on_delete=fields.CASCADE, db_index=True
    )
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    error = fields.CharField(max_length=255, null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "broadcast_deliveries"
        unique_together = (("broadcast", "user"),)
