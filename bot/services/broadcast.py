"""Broadcasts: one message to every reachable user, paced, resumable, never sent twice.

Pressing Send records a delivery row for every active, non-banned user (one transaction).
The sender then works through them: each row is claimed (`pending` → `sending`) before the
send call and settled (`sent`, `blocked`, `failed`) after it. A sender that is asked to stop
does so between two sends, so a clean restart leaves nothing half-done; after a crash, rows
still `sending` become `unknown` and are not retried (at most once beats twice).

The Telegram side is passed in (`send`, `report`), so this module never imports `telegram`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.functions import Count
from tortoise.transactions import in_transaction

from models import User
from models.admin import Broadcast, BroadcastDelivery, BroadcastStatus, DeliveryStatus

log = logging.getLogger(__name__)

BATCH = 200  # deliveries read per query
POLL = 0.05  # how often a waiting sender checks whether it should stop


class RetryLater(Exception):
    """Raised by `send` when Telegram asks to wait (429); the same user is tried again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class Outcome:
    status: DeliveryStatus  # SENT, BLOCKED, FAILED or UNKNOWN
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    total: int
    sent: int
    blocked: int
    failed: int  # failed or unknown
    pending: int

    @property
    def done(self) -> int:
        return self.total - self.pending


Send = Callable[[int, str], Awaitable[Outcome]]  # (user id, HTML) → outcome
Report = Callable[[Broadcast, Progress, bool], Awaitable[None]]  # (broadcast, progress, final)


async def recipients_count() -> int:
    return await User.filter(is_active=True, is_banned=False).count()


async def create_draft(admin_id: int, html: str) -> Broadcast:
    return await Broadcast.create(admin_id=admin_id, text=html, status=BroadcastStatus.DRAFT)


async def get(broadcast_id: int) -> Broadcast | None:
    return await Broadcast.get_or_none(id=broadcast_id)


async def cancel(broadcast_id: int) -> bool:
    """Cancel a draft; False if it was sent or cancelled already."""
    return bool(
        await Broadcast.filter(id=broadcast_id, status=BroadcastStatus.DRAFT).update(
            status=BroadcastStatus.CANCELLED, finished_at=datetime.now(UTC)
        )
    )


async def start(broadcast_id: int) -> int | None:
    """Draft → sending, with a delivery row per recipient. Returns the number of recipients,
    or None if the broadcast is no longer a draft (a second press of Send sends nothing).

    The rows are made by one INSERT … SELECT in the database: no user ids travel to Python and
    back, and the transaction (on SQLite, a lock on the whole database) lasts one statement."""
    async with in_transaction() as conn:
        claimed = await Broadcast.filter(id=broadcast_id, status=BroadcastStatus.DRAFT).update(
            status=BroadcastStatus.SENDING, started_at=datetime.now(UTC)
        )
        if not claimed:
            return None
        now = "$1::timestamptz" if conn.capabilities.dialect == "postgres" else "?"
        await conn.execute_query(
            'INSERT INTO "broadcast_deliveries" ("broadcast_id", "user_id", "status", "updated_at")'
            f" SELECT {int(broadcast_id)}, \"id\", '{DeliveryStatus.PENDING.value}', {now}"
            ' FROM "users" WHERE "is_active" AND NOT "is_banned" ORDER BY "id"',
            [datetime.now(UTC)],
        )
        # Tortoise's asyncpg client reads "INSERT 0 <n>" as 0 rows: count them instead.
        return await BroadcastDelivery.filter(broadcast_id=broadcast_id).using_db(conn).count()


async def set_progress_message(broadcast_id: int, chat_id: int, message_id: int) -> None:
    await Broadcast.filter(id=broadcast_id).update(
        progress_chat_id=chat_id, progress_message_id=message_id
    )


async def unfinished() -> list[int]:
    """Broadcasts to resume after a restart. Deliveries caught mid-send by a crash are settled
    as `unknown`: they may have arrived, so they are not sent again."""
    ids: list[int] = await Broadcast.filter(status=BroadcastStatus.SENDING).values_list(
        "id", flat=True
    )
    if ids:
        interrupted = await BroadcastDelivery.filter(
            broadcast_id__in=ids, status=DeliveryStatus.SENDING
        ).update(status=DeliveryStatus.UNKNOWN, error="interrupted mid-send")
        if interrupted:
            log.warning("%d broadcast deliveries were interrupted mid-send", interrupted)
    return sorted(ids)


async def progress(broadcast_id: int) -> Progress:
    rows = (
        await BroadcastDelivery.filter(broadcast_id=broadcast_id)
        .annotate(n=Count("id"))
        .group_by("status")
        .values("status", "n")
    )
    counts = {str(getattr(r["status"], "value", r["status"])): int(r["n"]) for r in rows}
    return Progress(
        total=sum(counts.values()),
        sent=counts.get(DeliveryStatus.SENT, 0),
        blocked=counts.get(DeliveryStatus.BLOCKED, 0),
        failed=counts.get(DeliveryStatus.FAILED, 0) + counts.get(DeliveryStatus.UNKNOWN, 0),
        pending=counts.get(DeliveryStatus.PENDING, 0) + counts.get(DeliveryStatus.SENDING, 0),
    )


async def _claim(delivery_id: int) -> bool:
    return bool(
        await BroadcastDelivery.filter(id=delivery_id, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, updated_at=datetime.now(UTC)
        )
    )


async def _settle(delivery_id: int, user_id: int, outcome: Outcome) -> None:
    async with in_transaction():
        await BroadcastDelivery.filter(id=delivery_id).update(
            status=outcome.status,
            error=(outcome.error or None) and outcome.error[:255],
            updated_at=datetime.now(UTC),
        )
        if outcome.status is DeliveryStatus.BLOCKED:
            await User.filter(id=user_id).update(is_active=False)


async def _release(delivery_id: int) -> None:
    """Give a claimed delivery back (it was never sent)."""
    await BroadcastDelivery.filter(id=delivery_id, status=DeliveryStatus.SENDING).update(
        status=DeliveryStatus.PENDING
    )


async def _finish(broadcast_id: int) -> None:
    await Broadcast.filter(id=broadcast_id, status=BroadcastStatus.SENDING).update(
        status=BroadcastStatus.DONE, finished_at=datetime.now(UTC)
    )


async def _pause(seconds: float, should_stop: Callable[[], bool]) -> bool:
    """Sleep up to `seconds`, waking early to stop. True if the sender should stop."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if should_stop():
            return True
        await asyncio.sleep(min(left, POLL))
    return should_stop()


async def run(
    broadcast_id: int,
    send: Send,
    report: Report,
    *,
    per_second: float,
    should_stop: Callable[[], bool],
    report_every: float = 2.0,
) -> Progress | None:
    """Send the broadcast's pending deliveries at most `per_second` a second overall.

    Returns the final progress, or None if stopped before the end (resumable later)."""
    broadcast = await get(broadcast_id)
    if broadcast is None or broadcast.status != BroadcastStatus.SENDING:
        return None
    interval = 1.0 / per_second
    next_send = time.monotonic()
    last_report = time.monotonic()
    while True:
        batch = (
            await BroadcastDelivery.filter(broadcast_id=broadcast_id, status=DeliveryStatus.PENDING)
            .order_by("id")
            .limit(BATCH)
            .values_list("id", "user_id")
        )
        if not batch:
            break
        for delivery_id, user_id in batch:
            if await _pause(next_send - time.monotonic(), should_stop):
                return None
            if not await _claim(delivery_id):
                continue  # another sender took it
            while True:
                next_send = time.monotonic() + interval
                try:
                    outcome = await send(user_id, broadcast.text)
                except RetryLater as exc:
                    if await _pause(exc.seconds, should_stop):
                        await _release(delivery_id)
                        return None
                    continue
                except Exception as exc:  # the send may or may not have happened
                    log.exception("Broadcast %s to user %s failed", broadcast_id, user_id)
                    outcome = Outcome(DeliveryStatus.UNKNOWN, f"{type(exc).__name__}: {exc}")
                break
            await _settle(delivery_id, user_id, outcome)
            if time.monotonic() - last_report >= report_every:
                last_report = time.monotonic()
                await _report(report, broadcast, final=False)
    await _finish(broadcast_id)
    return await _report(report, broadcast, final=True)


async def _report(report: Report, broadcast: Broadcast, *, final: bool) -> Progress:
    current = await progress(broadcast.id)
    try:
        await report(broadcast, current, final)
    except Exception:  # a lost progress message must not stop the broadcast
        log.exception("Could not report progress of broadcast %s", broadcast.id)
    return current
