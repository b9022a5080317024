"""Flood control: at most N updates a minute per user, counted in a sliding window.

Kept in memory on purpose: it is a transient rate over the last minute, not chat state, so a
restart forgetting it costs at most one extra minute of updates. Memory is bounded: each user
keeps at most `limit` timestamps, users idle for a whole window are forgotten, and past
`max_users` the least recently seen are dropped first (a flooding user is always the most
recent one, so eviction never lets a flood through).
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # the first update over the limit: tell the user once
    DROP = "drop"  # over the limit, already told


@dataclass(slots=True)
class _Window:
    accepted: deque[float] = field(default_factory=deque)
    notified: bool = False


class FloodControl:
    def __init__(
        self,
        limit: int,
        window: float = 60.0,
        *,
        max_users: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0 or max_users < 1:
            raise ValueError("limit, window and max_users must be positive")
        self.limit, self.window, self.max_users, self.clock = limit, window, max_users, clock
        self._users: OrderedDict[int, _Window] = OrderedDict()

    def hit(self, user_id: int) -> Verdict:
        """Count one update of `user_id`. Dropped updates do not count against the window."""
        now = self.clock()
        self._forget_idle(now)
        state = self._users.get(user_id)
        if state is None:
            state = self._users[user_id] = _Window()
            while len(self._users) > self.max_users:
                self._users.popitem(last=False)
        else:
            self._users.move_to_end(user_id)
        while state.accepted and now - state.accepted[0] >= self.window:
            state.accepted.popleft()
        if len(state.accepted) < self.limit:
            state.accepted.append(now)
            state.notified = False
            return Verdict.ALLOW
        if state.notified:
            return Verdict.DROP
        state.notified = True
        return Verdict.NOTIFY

    def retry_after(self, user_id: int) -> float:
        """Seconds until `user_id` may send again (0 when they may now)."""
        state = self._users.get(user_id)
        if state is None or len(state.accepted) < self.limit:
            return 0.0
        return max(0.0, state.accepted[0] + self.window - self.clock())

    def _forget_idle(self, now: float) -> None:
        """Drop users whose newest update left the window (they are at the front)."""
        while self._users:
            user_id, state = next(iter(self._users.items()))
            if state.accepted and now - state.accepted[-1] < self.window:
                break
            del self._users[user_id]

    def __len__(self) -> int:
        return len(self._users)
