"""The learning feature's buttons (its job-card button, `ProgressJob`, is in the kit)."""

from __future__ import annotations

from typing import Any

from bot.services.learning import valid_zone
from handlers.kit.buttons import Button


class NextForMeButton(Button, prefix="learn.next"):
    """A question on the weakest skill of the practised job, at its suggested difficulty."""


class ReviewButton(Button, prefix="learn.review"):
    """The next question due for review (after a grading, and on reminders)."""


class PracticeNowButton(Button, prefix="learn.practice"):
    """Start practising (on reminders)."""


class ZoneButton(Button, prefix="learn.zone"):
    """A time zone for reminders (an IANA name)."""

    name: str

    async def owned(self, user_id: int) -> Any:
        return valid_zone(self.name)


class TimeButton(Button, prefix="learn.time"):
    """A daily reminder time, local."""

    hour: int
    minute: int

    async def owned(self, user_id: int) -> Any:
        return True if 0 <= self.hour <= 23 and 0 <= self.minute <= 59 else None
