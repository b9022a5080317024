"""Ids from callback data and user_data, and rows that belong to a user through their job.

An id that isn't one, or names a row of another user's job, is simply "not found": the same
None either way, so a forged id learns nothing.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from tortoise.models import Model

RowT = TypeVar("RowT", bound=Model)


def parse_id(raw: str | uuid.UUID | None) -> uuid.UUID | None:
    """A UUID from callback data or user_data; None for anything else (garbage = not found)."""
    if isinstance(raw, uuid.UUID):
        return raw
    try:
        return uuid.UUID(raw or "")
    except ValueError:
        return None


async def owned_through_job(
    model: type[RowT], user_id: int, row_id: str | uuid.UUID | None
) -> RowT | None:
    """The `model` row (with its `job_info`) if its job belongs to the user; otherwise None."""
    parsed = parse_id(row_id)
    if parsed is None:
        return None
    return (
        await model.filter(id=parsed, job_info__user_id=user_id).select_related("job_info").first()
    )
