"""Daily practice reminders: a local time in the user's time zone, kept as a row.

`next_at` is the next send in UTC, so "which reminders are due" is one indexed read. The
scheduler claims a due reminder by moving its `next_at` to the following day in the same
update that reads it (`claim_due`), so a reminder is sent at most once per day even with two
schedulers. A user who practised that local day is skipped; one who blocked the bot has the
reminder switched off (`stop`). The Telegram side lives in `handlers/learning/scheduler.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from tortoise.transactions import in_transaction

from bot.services.learning import due_count, zone
from models import User
from models.answers import Answer
from models.learning import Reminder

_TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$")
BATCH = 100


class BadTime(ValueError):
    """Not a time of day as HH:MM."""


def parse_time(text: str) -> tuple[int, int]:
    match = _TIME.match(text)
    if match is None:
        raise BadTime(text)
    return int(match.group(1)), int(match.group(2))


def next_send(hour: int, minute: int, zone_name: str, now: datetime) -> datetime:
    """The first moment after `now` when it is hour:minute in the zone (a time skipped by a
    DST change is taken as the same wall time shifted forward, as zoneinfo does)."""
    tz = zone(zone_name)
    local = now.astimezone(tz)
    for days in range(3):
        day = local.date() + timedelta(days=days)
        at = datetime.combine(day, time(hour, minute), tzinfo=tz)
        if at > now:
            return at.astimezone(now.tzinfo)
    raise AssertionError("unreachable: a day always has the time")


async def get(user_id: int) -> Reminder | None:
    return await Reminder.get_or_none(user_id=user_id)


async def set_daily(
    user_id: int, hour: int, minute: int, zone_name: str, now: datetime
) -> Reminder:
    """Remind every day at hour:minute in `zone_name` (an IANA name, already checked)."""
    values = {
        "hour": hour,
        "minute": minute,
        "time_zone": zone_name,
        "enabled": True,
        "next_at": next_send(hour, minute, zone_name, now),
    }
    reminder, created = await Reminder.get_or_create(defaults=values, user_id=user_id)
    if not created:
        await Reminder.filter(user_id=user_id).update(**values)
        reminder = await Reminder.get(user_id=user_id)
    return reminder


async def turn_off(user_id: int) -> bool:
    """False when there was no reminder on."""
    return bool(
        await Reminder.filter(user_id=user_id, enabled=True).update(enabled=False, next_at=None)
    )


@dataclass(frozen=True, slots=True)
class Due:
    """A claimed reminder to send now."""

    user_id: int
    language: str
    reviews: int


async def practised_today(user_id: int, zone_name: str, now: datetime) -> bool:
    tz = zone(zone_name)
    local = now.astimezone(tz)
    start = datetime.combine(local.date(), time(0), tzinfo=tz)
    return await Answer.filter(
        question__job_info__user_id=user_id, created_at__gte=start, created_at__lte=now
    ).exists()


async def claim_due(now: datetime) -> tuple[list[Due], int]:
    """The reminders due at `now`, each moved to its next day first (so none is sent twice),
    and how many were skipped because the user already practised that day."""
    rows = await Reminder.filter(enabled=True, next_at__lte=now).order_by("next_at").limit(BATCH)
    due: list[Due] = []
    skipped = 0
    for row in rows:
        following = next_send(row.hour, row.minute, row.time_zone, now)
        claimed = await Reminder.filter(
            user_id=row.user_id, enabled=True, next_at=row.next_at
        ).update(next_at=following)
        if not claimed:
            continue  # another scheduler took it
        user = await User.get_or_none(id=row.user_id)
        if user is None or user.is_banned or not user.is_active:
            continue
        if await practised_today(row.user_id, row.time_zone, now):
            skipped += 1
            continue
        due.append(Due(row.user_id, user.language, await due_count(row.user_id, now)))
    return due, skipped


async def sent(user_id: int, now: datetime) -> None:
    await Reminder.filter(user_id=user_id).update(last_sent_at=now)


async def stop(user_id: int) -> None:
    """The user blocked the bot: no more reminders, and the user is marked unreachable (both
    in one transaction)."""
    async with in_transaction():
        await Reminder.filter(user_id=user_id).update(enabled=False, next_at=None)
        await User.filter(id=user_id).update(is_active=False)


async def opt_ins() -> int:
    return await Reminder.filter(enabled=True).count()
