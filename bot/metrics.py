"""Prometheus metrics (prometheus-client) and what /healthz reports, fed by small hooks:

- the update processor (`observe_update`): updates by type, handling latency, payments;
- the AI backend's observer (`observe_model_call`): model calls by kind and outcome, latency,
  tokens, and the last call's outcome for /healthz;
- the rate limiter (`observed`): Telegram calls by method and outcome, 429s apart;
- `OUTGOING_QUEUE.set_function(...)`: whoever owns the outgoing scheduler sets how deep it is;
- `QUOTA_REFUSALS`: counted where a refusal is explained to the user (handlers/kit/limits.py).

One registry for the process (the metrics are process-wide, like the bot).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from telegram import Update
from telegram.error import RetryAfter, TelegramError

REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES = Counter("coach_updates", "Updates handled, by type", ["type"], registry=REGISTRY)
UPDATE_SECONDS = Histogram(
    "coach_update_seconds",
    "Time from an update's arrival until it is handled, by type",
    ["type"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180),
    registry=REGISTRY,
)
MODEL_CALLS = Counter(
    "coach_model_calls", "Model calls by kind and outcome", ["kind", "outcome"], registry=REGISTRY
)
MODEL_SECONDS = Histogram(
    "coach_model_call_seconds",
    "Model call latency by kind",
    ["kind"],
    buckets=(0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 60, 120),
    registry=REGISTRY,
)
MODEL_TOKENS = Counter(
    "coach_model_tokens",
    "Tokens used by model calls, by kind and direction (prompt/completion)",
    ["kind", "direction"],
    registry=REGISTRY,
)
TELEGRAM_CALLS = Counter(
    "coach_telegram_calls",
    "Bot API calls by method and outcome (ok, 429, error)",
    ["method", "outcome"],
    registry=REGISTRY,
)
OUTGOING_QUEUE = Gauge(
    "coach_outgoing_queue_depth",
    "Messages waiting in the outgoing scheduler (set with OUTGOING_QUEUE.set_function)",
    registry=REGISTRY,
)
ACTIVE_INTERVIEWS = Gauge(
    "coach_active_interviews", "Mock interviews in progress (read at scrape)", registry=REGISTRY
)
QUOTA_REFUSALS = Counter(
    "coach_quota_refusals",
    "Actions refused by a plan limit, by resource",
    ["resource"],
    registry=REGISTRY,
)
PAYMENTS = Counter(
    "coach_payments", "Stars payments received (paid) and refunded", ["event"], registry=REGISTRY
)
PAYMENT_STARS = Counter("coach_payment_stars", "Stars received in payments", registry=REGISTRY)
DATABASE_UP = Gauge("coach_database_up", "1 when the database answers", registry=REGISTRY)
DEFERRED = Gauge(
    "coach_deferred_updates", "Updates kept while the database is down", registry=REGISTRY
)


def update_type(update: object) -> str:
    if not isinstance(update, Update):
        return type(update).__name__
    message = update.message
    if message is not None:
        if message.successful_payment:
            return "successful_payment"
        if message.refunded_payment:
            return "refunded_payment"
        if message.voice or message.audio:
            return "voice"
        if message.document:
            return "document"
        return "command" if (message.text or "").startswith("/") else "message"
    for name in ("edited_message", "callback_query", "pre_checkout_query", "my_chat_member"):
        if getattr(update, name) is not None:
            return name
    return "other"


@dataclass(slots=True)
class Pulse:
    """Last seen moments for /healthz (wall-clock seconds)."""

    last_update_at: float | None = None
    last_poll_at: float | None = None  # a getUpdates answered
    last_model: tuple[str, str, float] | None = None  # kind, outcome, when

    def reset(self) -> None:
        """Forget the moments seen (a new application starts)."""
        self.last_update_at = self.last_poll_at = self.last_model = None


PULSE = Pulse()


def observe_update(update: object, seconds: float) -> None:
    kind = update_type(update)
    UPDATES.labels(kind).inc()
    UPDATE_SECONDS.labels(kind).observe(seconds)
    PULSE.last_update_at = time.time()
    if kind == "successful_payment" and isinstance(update, Update) and update.message:
        payment = update.message.successful_payment
        PAYMENTS.labels("paid").inc()
        if payment is not None and payment.currency == "XTR":
            PAYMENT_STARS.inc(payment.total_amount)
    elif kind == "refunded_payment":
        PAYMENTS.labels("refunded").inc()


def observe_model_call(
    kind: str,
    outcome: str,
    seconds: float | None,
    prompt_tokens: int | None = None,
    completion_tokens: int | None = None,
) -> None:
    """The AI backend's observer: one call of `kind` ended with `outcome` ("ok", "error")."""
    MODEL_CALLS.labels(kind, outcome).inc()
    if seconds is not None:
        MODEL_SECONDS.labels(kind).observe(seconds)
    if prompt_tokens:
        MODEL_TOKENS.labels(kind, "prompt").inc(prompt_tokens)
    if completion_tokens:
        MODEL_TOKENS.labels(kind, "completion").inc(completion_tokens)
    PULSE.last_model = (kind, outcome, time.time())


T = TypeVar("T")


def observed(callback: Callable[..., Awaitable[T]], method: str) -> Callable[..., Awaitable[T]]:
    """`callback` (one Bot API request) counted by method and outcome; each retry counts."""

    async def call(*args: Any, **kwargs: Any) -> T:
        try:
            result = await callback(*args, **kwargs)
        except RetryAfter:
            TELEGRAM_CALLS.labels(method, "429").inc()
            raise
        except TelegramError:
            TELEGRAM_CALLS.labels(method, "error").inc()
            raise
        TELEGRAM_CALLS.labels(method, "ok").inc()
        return result

    return call
