"""A streamed model reply: iterate for text deltas, then read `text` and `ends_interview`.

Also the "still writing" hook: code that shows a user a wait (a handler's `typing()`) wraps it in
`on_slow_reply(notice)`; any model call inside that takes longer than
`AI_STILL_WRITING_SECONDS` before its first words (or its result) calls `notice()` once. The AI
layer never talks to Telegram itself: the notice is whatever the caller passes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextvars import ContextVar

END_MARKER = "[END]"

log = logging.getLogger(__name__)

SlowNotice = Callable[[], Awaitable[object]]
_slow_notice: ContextVar[SlowNotice | None] = ContextVar("slow_notice", default=None)


@contextlib.contextmanager
def on_slow_reply(notice: SlowNotice) -> Iterator[None]:
    """Within this block, a model call slower than the threshold calls `notice()` once.

    `notice` should be cheap and must not raise for long (its errors are logged and ignored),
    e.g. `lambda: bot.send_message(chat_id, texts("ai-still-writing"))`.
    """
    token = _slow_notice.set(notice)
    try:
        yield
    finally:
        _slow_notice.reset(token)


@contextlib.asynccontextmanager
async def notify_when_slow(after: float) -> AsyncIterator[None]:
    """Call the current `on_slow_reply` notice if this block is still running after `after` s.

    Safe around a `yield` of an async generator: the timer is its own task and cancels
    nothing but itself.
    """
    notice = _slow_notice.get()
    if notice is None:
        yield
        return

    async def remind() -> None:
        await asyncio.sleep(after)
        try:
            await notice()
        except Exception as exc:  # a notice is best effort
            log.info("Still-writing notice failed: %s", exc)

    timer = asyncio.create_task(remind())
    try:
        yield
    finally:
        timer.cancel()  # not awaited: that could swallow a cancellation of this task


class TextStream:
    """Wraps an async iterator of text deltas.

    When `end_marker` is given, the marker is held back and removed from the text (even when it
    arrives split across deltas) and `ends_interview` tells whether it was present.
    """

    def __init__(self, deltas: AsyncIterator[str], *, end_marker: str | None = None) -> None:
        self._deltas = deltas
        self._marker = end_marker
        self.text = ""
        self.ends_interview = False
        self.finished = False

    def __aiter__(self) -> AsyncIterator[str]:
        return self._iterate()

    async def aclose(self) -> None:
        """Stop reading: closes the model's stream now (its HTTP response), not at GC time."""
        close = getattr(self._deltas, "aclose", None)
        if close is not None:
            await close()

    async def _iterate(self) -> AsyncIterator[str]:
        held = ""
        async for delta in self._deltas:
            if not delta:
                continue
            if self._marker is None:
                self.text += delta
                yield delta
                continue
            held += delta
            if self._marker in held:
                self.ends_interview = True
                held = held.replace(self._marker, "")
            # Keep back a tail that could be the start of a split marker.
            keep = _partial_marker_tail(held, self._marker)
            out, held = held[: len(held) - keep], held[len(held) - keep :]
            if out:
                self.text += out
                yield out
        if held:
            self.text += held
            yield held
        self.text = self.text.strip()
        self.finished = True

    async def collect(self) -> str:
        """Consume the whole stream and return the text."""
        async for _ in self:
            pass
        return self.text


def _partial_marker_tail(text: str, marker: str) -> int:
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


async def stream_of(text: str, *, chunk: int = 40) -> AsyncIterator[str]:
    """Turn ready text into deltas (the offline coach 'streams' this way)."""
    for start in range(0, len(text), chunk):
        yield text[start : start + chunk]
