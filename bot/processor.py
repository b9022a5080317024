"""Updates of one user strictly in order; different users concurrently, with a global bound."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# The base class's semaphore is taken *before* our per-user lock, so a user flooding the bot
# would hold every slot while waiting on their own lock. We give the base a wide bound and
# take our own slot only once the user's turn has come.
_BASE_BOUND = 100_000


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


class PerUserUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(_BASE_BOUND)
        self.limit = max_concurrent_updates
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiters: dict[int, int] = {}
        self.started = 0
        self.finished = 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self.started += 1
        try:
            key = ordering_key(update)
            if key is None:
                async with self._slots:
                    await coroutine
                return
            lock = self._locks.setdefault(key, asyncio.Lock())
            self._waiters[key] = self._waiters.get(key, 0) + 1
            try:
                async with lock, self._slots:
                    await coroutine
            finally:
                self._waiters[key] -= 1
                if not self._waiters[key]:  # forget idle users so the dict stays small
                    del self._waiters[key]
                    del self._locks[key]
        finally:
            self.finished += 1

    @property
    def busy(self) -> bool:
        return self.started != self.finished

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
