"""Telegram Stars payments. A charge id is applied once, however often Telegram repeats it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.vocabulary import Plan

if TYPE_CHECKING:
    from models.core import User


class Payment(Model):
    id = fields.IntField(primary_key=True)
    # NULL once the user deleted their data (/deleteme): the row stays for the law and refunds
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="payments", on_delete=fields.SET_NULL, null=True, db_index=True
    )
    plan = fields.CharEnumField(Plan, max_length=8)
    amount = fields.IntField(description="in the smallest units of currency (Stars: whole)")
    currency = fields.CharField(max_length=8, default="XTR")
    telegram_payment_charge_id = fields.CharField(max_length=255, unique=True)
    provider_payment_charge_id = fields.CharField(max_length=255, null=True)
    invoice_payload = fields.CharField(max_length=128, default="")
    is_recurring = fields.BooleanField(default=False, description="a Stars subscription charge")
    days = fields.IntField(default=30)
    refunded = fields.BooleanField(default=False)
    refunded_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payments"
