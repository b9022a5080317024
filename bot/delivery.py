"""Outgoing Bot API calls: Telegram's limits, fairness between chats, priorities and retries.

`OutgoingScheduler` is python-telegram-bot's `BaseRateLimiter` for this bot (`bot/app.py`):
every call the bot makes passes `process_request` (except getUpdates).

Limits (as PTB's `AIORateLimiter` had them): about 30 calls a second for the whole bot (calls
with a `chat_id`), 20 a minute per group chat. `sendChatAction` and `sendMessageDraft` are
cosmetic and frequent while a model writes, so they stay outside the 30/s count.

Fairness: a 429 with `retry_after` pauses *that chat only*, for exactly `retry_after` seconds,
then the refused call is sent again (at most `max_retries` times). A 429 of a call without a
chat (say, answerCallbackQuery) is taken as a bot-wide limit and pauses every call.

Priorities, among calls waiting for a slot of the 30/s: replies to a user's own action first
(`Priority.REPLY`, the default), then cosmetic calls (`Priority.COSMETIC`: keyboard removal
`editMessageReplyMarkup`, "typing", drafts), then broadcasts (`Priority.BROADCAST`, asked for by
the caller: ``bot.send_message(chat, text, rate_limit_args=BROADCAST)``). A cosmetic call still
waiting when a newer one for the same message (draft, chat) comes is dropped: its caller gets
`True` without anything sent, since the newer call shows the newer state.

Retries besides 429 (issue 21): a call that certainly never reached Telegram — connection
refused, the connection reset while the request was being written, no free connection, an
HTTP 5xx answer — is sent again with backoff (0.5 s, 1 s, 2 s, 4 s). A call whose fate is
unknown (a timeout or a dropped connection after the request was written) is sent again only
when seeing it twice is harmless — see `resend_when_unsure`. A refusal (4xx other than 429)
is never retried.

Why our own queue rather than aiolimiter's `AsyncLimiter` (which PTB's limiter uses): its
waiters are served first come, first served, with no way to let a reply overtake a queued
broadcast, to skip a paused chat without holding up the chats behind it, or to drop a
superseded cosmetic call. The token bucket itself is a few lines (`_Bucket`).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import httpx
from telegram._utils.types import JSONDict
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import BaseRateLimiter

from bot import metrics

log = logging.getLogger(__name__)


class Priority(IntEnum):
    REPLY = 1  # a reply to a user's own action (the default)
    COSMETIC = 2  # keyboard removal, typing, drafts: nice to have, superseded by newer ones
    BROADCAST = 3  # messages nobody is waiting for right now


@dataclass(frozen=True, slots=True)
class SendOptions:
    """What a caller may say about one call, as ``rate_limit_args=SendOptions(...)``.

    `resend_when_unsure`: after a timeout or a dropped connection where the call may or may
    not have reached Telegram, send it again (True) or give up with the error (False); None
    leaves it to `resend_when_unsure` below.
    """

    priority: Priority = Priority.REPLY
    resend_when_unsure: bool | None = None
    max_retries: int | None = None  # of 429s; None = the scheduler's


BROADCAST = SendOptions(priority=Priority.BROADCAST)
COSMETIC = SendOptions(priority=Priority.COSMETIC)

# Cosmetic by nature, whatever the caller says.
COSMETIC_METHODS = frozenset({"editMessageReplyMarkup", "sendChatAction", "sendMessageDraft"})
# Outside the 30/s count (as with PTB's limiter before: they are frequent and cheap).
UNCOUNTED_METHODS = frozenset({"sendChatAction", "sendMessageDraft"})

# Calls that do the same thing when made twice: after an unsure failure, sending them again
# costs nothing worse than "message is not modified" or "query is too old" (which callers
# already tolerate) — while giving up loses the edit, the answer or the typing.
IDEMPOTENT_METHODS = frozenset(
    {
        "sendChatAction",
        "sendMessageDraft",
        "editMessageText",
        "editMessageReplyMarkup",
        "editMessageCaption",
        "deleteMessage",
        "answerCallbackQuery",
        "setMyCommands",
        "deleteMyCommands",
        "setWebhook",
        "deleteWebhook",
    }
)
# A short plain reply without buttons (a notice, an acknowledgement, an error message, /help)
# may be seen twice without harm: preferred to losing it. Longer texts (model output, parts of a
# split reply), messages with buttons (a second keyboard invites a second press), broadcasts
# (a duplicate for every user), documents, voice and invoices are never sent again when unsure.
SHORT_REPLY = 1024

# After a chat's 429 pause, its waiting calls go one per CHAT_SPACING seconds (Telegram asks
# for about one message a second in a chat).
CHAT_SPACING = 1.0


def resend_when_unsure(endpoint: str, data: dict[str, Any], options: SendOptions) -> bool:
    """Whether a call that may have reached Telegram is sent again (see the module doc)."""
    if options.resend_when_unsure is not None:
        return options.resend_when_unsure
    if endpoint.startswith("get") or endpoint in IDEMPOTENT_METHODS:
        return True
    if endpoint != "sendMessage" or options.priority is Priority.BROADCAST:
        return False
    text = data.get("text")
    return isinstance(text, str) and len(text) <= SHORT_REPLY and not data.get("reply_markup")


# Transport errors after which the request certainly was not (fully) written: Telegram never
# saw it. Anything else that fails in transport (a read timeout, a reset or close while waiting
# for the answer) leaves it unknown whether Telegram acted on the call.
_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    ConnectionRefusedError,
)
_SERVER_ERRORS = (
    "Internal Server Error",
    "Bad Gateway",
    "Service Unavailable",
    "Gateway Timeout",
)


class Failure(IntEnum):
    REFUSED = 0  # Telegram answered no (4xx): never retried
    NOT_SENT = 1  # certainly not delivered: retried
    UNSURE = 2  # maybe delivered: retried only when seeing it twice is harmless


def classify(exc: TelegramError) -> Failure:
    """What a failed call means for retrying it (429s are handled before this)."""
    if not isinstance(exc, NetworkError) or isinstance(exc, BadRequest):
        return Failure.REFUSED  # Forbidden, InvalidToken, Conflict, ChatMigrated, BadRequest
    cause = exc.__cause__
    if isinstance(cause, _NOT_SENT):
        return Failure.NOT_SENT
    if isinstance(exc, TimedOut) or isinstance(cause, httpx.HTTPError | OSError):
        return Failure.UNSURE
    # No transport cause: Telegram (or its proxy) answered with a status PTB maps to a plain
    # NetworkError: 5xx, or another code such as 413. PTB keeps the code only in the text
    # ("Bad Gateway (502)", or Telegram's description such as "Internal Server Error").
    text = exc.message
    if any(text.startswith(phrase) for phrase in _SERVER_ERRORS) or " (5" in text[:60]:
        return Failure.NOT_SENT
    return Failure.REFUSED


class _Bucket:
    """A token bucket: `capacity` calls at once, refilled at `rate` a second."""

    __slots__ = ("capacity", "rate", "stamp", "tokens")

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity, self.rate = capacity, rate
        self.tokens, self.stamp = capacity, now

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def take(self, now: float) -> bool:
        self.refill(now)
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def wait(self, now: float) -> float:
        """Seconds until one token is there."""
        self.refill(now)
        return max(0.0, (1 - self.tokens) / self.rate)

    def full(self, now: float) -> bool:
        self.refill(now)
        return self.tokens >= self.capacity


class _First(IntEnum):
    """How a call's first attempt is admitted."""

    CHECK = 0  # may it go now? else wait
    ADMITTED = 1  # its slot is taken already
    WAIT = 2  # found unable to go now: wait for its turn


@dataclass(eq=False, slots=True)
class _Call:
    priority: int
    seq: int
    chat: int | str | None
    group: int | str | None
    counted: bool
    supersede_key: tuple[Any, ...] | None
    future: asyncio.Future[bool] | None = None

    def __lt__(self, other: _Call) -> bool:
        return (self.priority, self.seq) < (other.priority, other.seq)


class OutgoingScheduler(BaseRateLimiter[SendOptions]):
    """See the module docstring. Counters (for the bench and logs): `sent`, `throttled`
    (429s seen), `superseded`, `retried`."""

    def __init__(
        self,
        *,
        per_second: float = 30,
        group_per_minute: float = 20,
        max_retries: int = 3,
        max_failures: int = 4,
        backoff: float = 0.5,
    ) -> None:
        self.per_second = per_second  # 0 = no overall limit
        self.group_per_minute = group_per_minute  # 0 = no group limit
        self.max_retries = max_retries
        self.max_failures = max_failures
        self.backoff = backoff
        self._seq = itertools.count()
        self._bucket: _Bucket | None = None
        self._groups: dict[int | str, _Bucket] = {}
        self._heap: list[_Call] = []  # calls waiting for a slot of the overall rate
        metrics.OUTGOING_QUEUE.set_function(lambda: len(self._heap))
        self._pump_task: asyncio.Task[None] | None = None
        self._paused: dict[int | str | None, float] = {}  # chat (None: all) -> until
        self._parked: dict[int | str | None, list[_Call]] = {}  # waiting for a pause to end
        self._latest: dict[tuple[Any, ...], _Call] = {}  # waiting cosmetic calls by target
        self._background: set[asyncio.Task[None]] = set()  # cosmetic calls sent aside
        self.sent = self.throttled = self.superseded = self.retried = 0

    def set_limits(self, *, per_second: float, group_per_minute: float) -> None:
        """Change the limits (0 turns one off); the bench compares with and without."""
        self.per_second, self.group_per_minute = per_second, group_per_minute
        self._bucket, self._groups = None, {}

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        for task in list(self._background):
            task.cancel()
        if self._pump_task is not None:
            self._pump_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump_task
            self._pump_task = None

    # ----- one call --------------------------------------------------------------------
    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: SendOptions | Priority | None,
    ) -> bool | JSONDict | list[JSONDict]:
        callback = metrics.observed(callback, endpoint)  # Telegram calls by method, outcome
        options = _options(rate_limit_args)
        call = self._describe(endpoint, data, options)
        first = _First.CHECK
        if call.counted and call.supersede_key is not None:
            if self._may_go_now(call):
                first = _First.ADMITTED
            else:
                # A cosmetic call that must wait for a slot (behind replies): sent in the
                # background, so the handler goes on with the user's reply meanwhile.
                task = asyncio.get_running_loop().create_task(
                    self._in_background(call, callback, args, kwargs, endpoint, data, options)
                )
                self._background.add(task)
                task.add_done_callback(self._background.discard)
                return True
        return await self._send(call, callback, args, kwargs, endpoint, data, options, first)

    async def _in_background(self, call: _Call, *args: Any) -> None:
        try:
            await self._send(call, *args, _First.WAIT)
        except TelegramError as exc:  # nobody waits for it; its callers ignore errors anyway
            log.info("Cosmetic call for chat %s failed: %s", call.chat, exc)

    async def _send(
        self,
        call: _Call,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        options: SendOptions,
        first: _First,
    ) -> bool | JSONDict | list[JSONDict]:
        max_retries = self.max_retries if options.max_retries is None else options.max_retries
        throttled = failures = 0
        while True:
            if first is not _First.ADMITTED and not await self._admit(
                call, checked=first is _First.WAIT
            ):
                self.superseded += 1
                return True  # a newer cosmetic call for the same target took its place
            first = _First.CHECK
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as exc:
                self.throttled += 1
                seconds = exc._retry_after.total_seconds()  # .retry_after warns in PTB 22
                self._pause(call.chat, seconds)
                log.info("429 for chat %s: pausing it %.1f s (%s)", call.chat, seconds, endpoint)
                if throttled >= max_retries:
                    raise
                throttled += 1
            except TelegramError as exc:
                failure = classify(exc)
                if failure is Failure.REFUSED or failures >= self.max_failures:
                    raise
                if failure is Failure.UNSURE and not resend_when_unsure(endpoint, data, options):
                    raise
                delay = self.backoff * 2**failures
                failures += 1
                self.retried += 1
                log.warning(
                    "%s to chat %s failed (%s, %s); retry %d in %.1f s",
                    endpoint,
                    call.chat,
                    exc,
                    failure.name.lower(),
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)
            else:
                self.sent += 1
                return result

    def _describe(self, endpoint: str, data: dict[str, Any], options: SendOptions) -> _Call:
        chat = data.get("chat_id")
        if isinstance(chat, str):
            with contextlib.suppress(ValueError):
                chat = int(chat)
        group = chat if isinstance(chat, str) or (isinstance(chat, int) and chat < 0) else None
        priority = options.priority
        key: tuple[Any, ...] | None = None
        if endpoint in COSMETIC_METHODS or priority is Priority.COSMETIC:
            priority = max(priority, Priority.COSMETIC)
            target = data.get("message_id") or data.get("inline_message_id")
            if endpoint == "sendMessageDraft":
                target = data.get("draft_id")
            key = (endpoint, chat, target)
        counted = chat is not None and endpoint not in UNCOUNTED_METHODS
        return _Call(priority, next(self._seq), chat, group, counted, key)

    # ----- admission -------------------------------------------------------------------
    async def _admit(self, call: _Call, *, checked: bool = False) -> bool:
        """Wait for this call's turn; False when a newer cosmetic call superseded it.
        `checked`: the caller has just found that it may not go at once."""
        if call.supersede_key is not None:
            older = self._latest.pop(call.supersede_key, None)
            if older is not None and older.future is not None and not older.future.done():
                older.future.set_result(False)
        now = time.monotonic()
        if not checked and self._may_go_now(call, now):
            return True
        call.future = asyncio.get_running_loop().create_future()
        if call.supersede_key is not None:
            self._latest[call.supersede_key] = call
        try:
            self._enqueue(call, now)
            return await call.future
        finally:
            if call.supersede_key is not None and self._latest.get(call.supersede_key) is call:
                del self._latest[call.supersede_key]
            call.future = None

    def _may_go_now(self, call: _Call, now: float | None = None) -> bool:
        """Whether `call` may be sent right now; if so, its slot is taken."""
        now = time.monotonic() if now is None else now
        if self._pause_left(call.chat, now) or (
            call.chat is not None and call.chat in self._parked
        ):
            return False
        if not call.counted:
            return True
        if self._heap and self._heap[0].priority <= call.priority:
            return False  # others of the same or higher priority were first
        if call.group is not None and self.group_per_minute:
            group = self._group(call.group, now)
            if group.wait(now) > 0:
                return False
        bucket = self._overall(now)
        if bucket is not None and not bucket.take(now):
            return False
        if call.group is not None and self.group_per_minute:
            self._group(call.group, now).take(now)
        return True

    def _enqueue(self, call: _Call, now: float) -> None:
        if self._pause_left(call.chat, now):
            key = call.chat if self._paused.get(call.chat, 0) > now else None
            self._parked.setdefault(key, []).append(call)
            return
        if call.chat is not None and call.chat in self._parked:
            self._parked[call.chat].append(call)  # behind that chat's earlier calls
            return
        if not call.counted:
            assert call.future is not None
            call.future.set_result(True)
            return
        heapq.heappush(self._heap, call)
        if self._pump_task is None or self._pump_task.done():
            self._pump_task = asyncio.get_running_loop().create_task(
                self._pump(), name="outgoing-scheduler"
            )

    async def _pump(self) -> None:
        """Hand out slots of the overall rate to waiting calls, highest priority first."""
        while self._heap:
            now = time.monotonic()
            everyone = self._paused.get(None, 0) - now
            if everyone > 0:
                await asyncio.sleep(everyone)
                continue
            bucket = self._overall(now)
            if bucket is not None and (wait := bucket.wait(now)) > 0:
                await asyncio.sleep(wait)
                continue
            granted = self._next_call(now)
            if granted is None:
                continue
            if bucket is not None:
                bucket.take(now)
            assert granted.future is not None
            granted.future.set_result(True)
            await asyncio.sleep(0)  # let it start before the next grant

    def _next_call(self, now: float) -> _Call | None:
        """The first waiting call that may go; others met on the way are parked."""
        while self._heap:
            call = heapq.heappop(self._heap)
            if call.future is None or call.future.done():
                continue  # cancelled or superseded
            if self._pause_left(call.chat, now):
                self._enqueue(call, now)  # parks it until the chat's pause ends
                continue
            if call.group is not None and self.group_per_minute:
                group = self._group(call.group, now)
                if not group.take(now):
                    self._park_until(call.group, now + group.wait(now), call)
                    continue
            return call
        return None

    # ----- pauses ----------------------------------------------------------------------
    def _pause_left(self, chat: int | str | None, now: float) -> float:
        until = self._paused.get(None, 0)
        if chat is not None:
            until = max(until, self._paused.get(chat, 0))
        return max(0.0, until - now)

    def _pause(self, chat: int | str | None, seconds: float) -> None:
        now = time.monotonic()
        until = now + seconds
        if self._paused.get(chat, 0) >= until:
            return
        self._paused[chat] = until
        loop = asyncio.get_running_loop()
        loop.call_at(loop.time() + seconds, self._resume, chat, until)

    def _park_until(self, key: int | str, until: float, call: _Call) -> None:
        """A group out of tokens: its call waits aside, so chats behind it are not held up."""
        parked = self._parked.setdefault(key, [])
        parked.append(call)
        if len(parked) == 1:
            loop = asyncio.get_running_loop()
            loop.call_at(loop.time() + max(0.0, until - time.monotonic()), self._release, key)

    def _resume(self, chat: int | str | None, until: float) -> None:
        if self._paused.get(chat) != until:
            return  # paused again for longer since
        del self._paused[chat]
        if chat is None:  # calls parked for their own chat are released by that chat's timer
            self._release(None)
        else:
            self._trickle(chat)

    def _trickle(self, chat: int | str) -> None:
        """After a chat's 429: its waiting calls one at a time, `CHAT_SPACING` apart (all at
        once would earn the chat another 429 at once)."""
        if chat in self._paused:
            return  # paused again: the next resume goes on
        calls = [c for c in self._parked.pop(chat, []) if c.future and not c.future.done()]
        if not calls:
            return
        self._enqueue(calls[0], time.monotonic())
        if len(calls) > 1:
            self._parked.setdefault(chat, []).extend(calls[1:])
            asyncio.get_running_loop().call_later(CHAT_SPACING, self._trickle, chat)

    def _release(self, key: int | str | None) -> None:
        now = time.monotonic()
        calls = self._parked.pop(key, [])
        for call in calls:
            if call.future is not None and not call.future.done():
                self._enqueue(call, now)

    # ----- buckets ---------------------------------------------------------------------
    def _overall(self, now: float) -> _Bucket | None:
        if not self.per_second:
            return None
        if self._bucket is None:
            self._bucket = _Bucket(self.per_second, self.per_second, now)
        return self._bucket

    def _group(self, group: int | str, now: float) -> _Bucket:
        bucket = self._groups.get(group)
        if bucket is None:
            if len(self._groups) > 512:  # forget groups whose bucket is full again
                for key in [k for k, b in self._groups.items() if b.full(now)]:
                    del self._groups[key]
            bucket = self._groups[group] = _Bucket(
                self.group_per_minute, self.group_per_minute / 60, now
            )
        return bucket


def _options(rate_limit_args: SendOptions | Priority | None) -> SendOptions:
    if rate_limit_args is None:
        return SendOptions()
    if isinstance(rate_limit_args, Priority):
        return SendOptions(priority=rate_limit_args)
    if isinstance(rate_limit_args, SendOptions):
        return rate_limit_args
    raise TypeError(f"rate_limit_args must be a SendOptions or a Priority: {rate_limit_args!r}")
