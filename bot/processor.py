"""Updates of one user strictly in order; different users concurrently, with a global bound.

Flood control happens here, when an update arrives and before it waits for its user's turn:
an update over the user's per-minute limit, or beyond `max_waiting` updates already queued
behind the user's current one (say, during a minutes-long model call), is dropped at once —
no handler, no database, no memory held — and the user gets one "slow down" notice.
Payments are never dropped: Telegram waits for their answer.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.pastes import Paste, PasteJoiner
from bot.services.flood import FloodControl, Verdict

log = logging.getLogger(__name__)

# The base class's semaphore is taken *before* our per-user lock, so a user flooding the bot
# would hold every slot while waiting on their own lock. We give the base a wide bound and
# take our own slot only once the user's turn has come.
_BASE_BOUND = 100_000

# Updates of one user that may wait behind the one being handled; later ones are dropped.
MAX_WAITING_PER_USER = 20

# Sends the one notice of a drop: (update, seconds until the per-minute window lets updates
# in again, or None when the drop was for too many waiting updates).
Notify = Callable[[Update, float | None], Awaitable[None]]


def ordering_key(update: object) -> int | None:
    """The user (or, failing that, chat) whose updates must not overtake each other.

    A pre-checkout query is exempt: Telegram cancels the payment unless it is answered within
    10 seconds, so it must not wait behind the same user's slow model call.
    """
    if isinstance(update, Update) and update.pre_checkout_query is not None:
        return None
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None


def never_dropped(update: object) -> bool:
    """Payment messages: the plan they buy (or take back) must always be applied."""
    message = update.message if isinstance(update, Update) else None
    return message is not None and bool(message.successful_payment or message.refunded_payment)


class PerUserUpdateProcessor(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int,
        *,
        flood: FloodControl | None = None,
        max_waiting: int = MAX_WAITING_PER_USER,
    ) -> None:
        super().__init__(_BASE_BOUND)
        if max_waiting < 0:
            raise ValueError("max_waiting must not be negative")
        self.limit = max_concurrent_updates
        self.flood = flood
        self.max_waiting = max_waiting
        self.notify: Notify | None = None  # set by build_application once the bot exists
        # Wraps the handling of each update (the user session is stored after it).
        self.around: Callable[[Awaitable[Any]], Awaitable[None]] | None = None
        # Told of every update once it is over, handled or dropped (seconds since arrival).
        self.observe: Callable[[object, float], None] | None = None
        # Told of an update that waits behind one of the same user's (it is safely queued).
        self.queued: Callable[[object], None] | None = None
        # Joins the parts of a paste the client split (bot/pastes.py); with it, `handle`
        # handles the joined update in place of the first part's coroutine.
        self.pastes: PasteJoiner | None = None
        self.handle: Callable[[Update], Awaitable[Any]] | None = None
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiters: dict[int, int] = {}  # admitted and not finished, per key
        self._told: set[int] = set()  # keys told about their backlog since it last emptied
        self.started = 0
        self.finished = 0
        self.dropped = 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self.started += 1
        arrived = time.perf_counter()
        try:
            key = ordering_key(update)
            if key is None:
                async with self._slots:
                    await self._run(coroutine)
                return
            if not never_dropped(update):
                verdict, retry_after = self._admit(key)
                if verdict is not Verdict.ALLOW:
                    await self._drop(update, coroutine, verdict, retry_after)
                    return
            paste = self._paste(key, update, coroutine)
            if paste is True:  # appended to the paste it continues: handled with it
                return
            lock = self._locks.setdefault(key, asyncio.Lock())
            if (lock.locked() or paste) and self.queued is not None:
                self.queued(update)  # waits its turn (or its paste's next part), kept safely
            self._waiters[key] = self._waiters.get(key, 0) + 1
            try:
                async with lock:
                    if isinstance(paste, Paste):
                        coroutine = await self._joined(key, paste, coroutine)
                    async with self._slots:
                        await self._run(coroutine)
            finally:
                self._waiters[key] -= 1
                if not self._waiters[key]:  # forget idle users so the dicts stay small
                    del self._waiters[key]
                    del self._locks[key]
                    self._told.discard(key)
        finally:
            self.finished += 1
            if self.observe is not None:
                self.observe(update, time.perf_counter() - arrived)

    def _paste(self, key: int, update: object, coroutine: Awaitable[Any]) -> Paste | bool:
        if self.pastes is None or self.handle is None:
            return False
        paste = self.pastes.arrive(key, update)
        if paste is True and inspect.iscoroutine(coroutine):
            coroutine.close()
        return paste

    async def _joined(self, key: int, paste: Paste, coroutine: Awaitable[Any]) -> Awaitable[Any]:
        """The coroutine to run for the first part of `paste`: its own when no other part
        came, else one that handles the joined update."""
        assert self.pastes is not None and self.handle is not None
        joined = await self.pastes.joined(key, paste)
        if joined is paste.parts[0]:
            return coroutine
        if inspect.iscoroutine(coroutine):
            coroutine.close()
        return self.handle(joined)

    async def _run(self, coroutine: Awaitable[Any]) -> None:
        await (self.around(coroutine) if self.around is not None else coroutine)

    def _admit(self, key: int) -> tuple[Verdict, float | None]:
        """Whether an arriving update may queue; checked before it waits for its turn."""
        lock = self._locks.get(key)
        waiting = self._waiters.get(key, 0) - (1 if lock is not None and lock.locked() else 0)
        if waiting >= self.max_waiting:  # not counted against the per-minute window
            if key in self._told:
                return Verdict.DROP, None
            self._told.add(key)
            return Verdict.NOTIFY, None
        if self.flood is None:
            return Verdict.ALLOW, None
        verdict = self.flood.hit(key)
        return verdict, self.flood.retry_after(key)

    async def _drop(
        self,
        update: object,
        coroutine: Awaitable[Any],
        verdict: Verdict,
        retry_after: float | None,
    ) -> None:
        self.dropped += 1
        if inspect.iscoroutine(coroutine):
            coroutine.close()  # never run: no "was never awaited" warning
        if verdict is not Verdict.NOTIFY or self.notify is None:
            return
        assert isinstance(update, Update)
        log.info(
            "Flood control: dropping updates of %s (%s)",
            update.effective_user.id if update.effective_user else None,
            "too many waiting" if retry_after is None else "over the per-minute limit",
        )
        try:
            await self.notify(update, retry_after)
        except Exception:  # a notice must never break the processor
            log.exception("Could not send the flood notice")

    @property
    def busy(self) -> bool:
        return self.started != self.finished

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
