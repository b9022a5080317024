"""Plan limits. Every feature checks and spends quota through these two functions only.

`check` refuses early (before any work); `spend` reserves one unit atomically around the work
and gives it back if the work fails, so a failed generation spends nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Literal

Resource = Literal["question", "interview", "resume"]


class QuotaExceeded(Exception):
    """The user's plan does not allow one more `resource`. The message is for the user."""

    def __init__(self, resource: Resource, plan: str, limit: int | None) -> None:
        self.resource, self.plan, self.limit = resource, plan, limit
        super().__init__(f"{resource} limit of the {plan} plan reached")


class RateLimited(QuotaExceeded):
    """Too many interview starts lately (token bucket); `retry_in_hours` says when one frees."""

    def __init__(self, retry_in_hours: float) -> None:
        super().__init__("interview", "any", None)
        self.retry_in_hours = retry_in_hours


async def begin_interview(user_id: int) -> None:
    """Called when an interview starts: checks the plan and takes one start token from the
    user's bucket (raises QuotaExceeded or RateLimited). The interview counts against the plan
    only once the candidate answers, via `spend(user_id, "interview")`. (Plans issue.)"""
    await check(user_id, "interview")


async def check(user_id: int, resource: Resource) -> None:
    """Raise QuotaExceeded when the user has none of `resource` left. (Plans issue: limits.)"""
    return None


@asynccontextmanager
async def spend(user_id: int, resource: Resource) -> AsyncIterator[None]:
    """Reserve one unit of `resource` for the block; released again if the block raises."""
    await check(user_id, resource)
    yield
