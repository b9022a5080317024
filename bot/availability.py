"""Riding out a database outage without losing updates, and resuming without a restart.

When an update can't reach the database (its user row can't be read, or a handler fails on a
database error and a probe confirms the database is down):

- the user gets one "temporarily unavailable" reply per outage, however many updates they send;
- the update is kept (in order) and handled again once the database answers;
- polling pauses: the next getUpdates, which is what confirms the updates fetched before it to
  Telegram, is not sent while the database is down, and not before every update of the last
  batch has read its user row (or been kept). So an update is confirmed only once the database
  has answered for it: if the process dies during the outage, Telegram delivers it again.
  (A webhook's updates are acknowledged by python-telegram-bot on arrival, so in webhook mode
  the kept updates live in memory only.)
- a probe (SELECT 1, every second) notices the database is back, the kept updates are queued
  again, then polling resumes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData
from tortoise import connections

from bot import metrics
from bot.inbound import clean_update_data

log = logging.getLogger(__name__)

PROBE_EVERY = 1.0  # seconds between probes while the database is down
SETTLE_WAIT = 1.0  # at most this long before fetching again for updates not yet settled


async def database_answers(timeout: float = 3.0) -> bool:
    try:
        async with asyncio.timeout(timeout):
            await connections.get("default").execute_query("SELECT 1")
    except Exception:  # any failure means: not usable now
        return False
    return True


class DatabaseGate:
    def __init__(self) -> None:
        self.up = asyncio.Event()
        self.up.set()
        self.stopping = False
        self.kept: dict[int, Update] = {}
        self.told: set[int] = set()
        self.unsettled: set[int] = set()
        self._settled = asyncio.Event()
        self._settled.set()
        self._probe: asyncio.Task[None] | None = None
        self.requeue: Callable[[Update], Awaitable[None]] | None = None  # set by the app

    @property
    def is_up(self) -> bool:
        return self.up.is_set()

    # ----- an update's way through ---------------------------------------------------------
    def fetched(self, update_ids: list[int]) -> None:
        self.unsettled.update(update_ids)
        if self.unsettled:
            self._settled.clear()

    def settle(self, update: object) -> None:
        if isinstance(update, Update):
            self.unsettled.discard(update.update_id)
        if not self.unsettled:
            self._settled.set()

    def keep(self, update: Update, user_id: int | None) -> bool:
        """Keep `update` for when the database is back; True when the user should be told
        (their first update of this outage)."""
        self.kept[update.update_id] = update
        metrics.DEFERRED.set(len(self.kept))
        self.down()
        self.settle(update)
        if user_id is None or user_id in self.told:
            return False
        self.told.add(user_id)
        return True

    def down(self) -> None:
        if self.is_up:
            log.error("Database unavailable: keeping updates and pausing polling until it answers")
        self.up.clear()
        metrics.DATABASE_UP.set(0)
        if self._probe is None or self._probe.done():
            self._probe = asyncio.create_task(self._wait_for_database(), name="database-probe")

    async def _wait_for_database(self) -> None:
        while not self.stopping:
            await asyncio.sleep(PROBE_EVERY)
            if await database_answers():
                await self._resume()
                return

    async def _resume(self) -> None:
        kept = [self.kept.pop(key) for key in sorted(self.kept)]
        metrics.DEFERRED.set(0)
        self.told.clear()
        log.warning("Database answers again: handling %d kept updates", len(kept))
        self.fetched([u.update_id for u in kept])
        self.up.set()
        metrics.DATABASE_UP.set(1)
        for update in kept:
            if self.requeue is not None:
                await self.requeue(update)

    # ----- polling -------------------------------------------------------------------------
    async def before_fetch(self) -> None:
        """Wait until fetching (and so confirming) is safe: see the module's docstring."""
        while True:
            if self.stopping and not self.is_up:
                raise NetworkError("database unavailable: fetched updates stay unconfirmed")
            if not self.is_up:
                await _wait(self.up, PROBE_EVERY)
                continue
            if not await _wait(self._settled, SETTLE_WAIT):
                log.debug("Fetching with %d updates still unsettled", len(self.unsettled))
            if self.is_up:
                return

    async def close(self) -> None:
        self.stopping = True
        if self._probe is not None:
            self._probe.cancel()


async def _wait(event: asyncio.Event, timeout: float) -> bool:
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
    except TimeoutError:
        return False
    return True


class GatedRequest(BaseRequest):
    """The getUpdates request, sent only when `gate.before_fetch` allows (and counted)."""

    def __init__(self, inner: BaseRequest, gate: DatabaseGate) -> None:
        self.inner, self.gate = inner, gate

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        polling = url.endswith("/getUpdates")
        if polling:
            await self.gate.before_fetch()
        code, payload = await self.inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if polling:
            metrics.TELEGRAM_CALLS.labels("getUpdates", "ok" if code == 200 else str(code)).inc()
            if code == 200:
                metrics.PULSE.last_poll_at = time.time()
        return code, payload

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:
        """The fetched updates, told to the gate and cleaned as JSON (`bot.inbound`)."""
        data = super().parse_json_payload(payload)
        result = data.get("result")
        if isinstance(result, list):
            updates = [item for item in result if isinstance(item, dict)]
            self.gate.fetched([u["update_id"] for u in updates if "update_id" in u])
            data["result"] = [clean_update_data(u) for u in updates]
        return data
