from tortoise import fields
from tortoise.models import Model


class TimestampedModel(Model):
    """`created_at` set once; `updated_at` changes on every save."""

    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
