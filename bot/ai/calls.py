"""How one model call is made: our own retries, a deadline, and usage estimated when missing.

The SDK's own retries are off (`max_retries=0` on the client) because they retry what must not
be retried against a small local server:
- a refusal of `response_format` answered with HTTP 500 (llama-cpp-python does that): it is a
  capability answer, found once, not an outage;
- a timeout: the server is still busy with the abandoned generation (one slot on a small
  server), so a retry queues behind it and the user waits twice as long for nothing.
What is retried, with backoff (honouring `retry-after`): 408, 409, 429, 5xx other than a format
refusal, and connection errors that are not timeouts. Every call of the gateway also has a
deadline of `AI_TIMEOUT_SECONDS` in all, retries included, so a failure is told within it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import openai

log = logging.getLogger(__name__)

T = TypeVar("T")

_RETRY_STATUSES = {408, 409, 429}
# Words a refusal of the structured-output parameter names in its body.
_FORMAT_WORDS = ("response_format", "json_schema", "json_object")
# Statuses servers answer a `response_format` they don't support with: OpenAI and vLLM 400,
# FastAPI-style validation 422, llama-cpp-python 500.
FORMAT_REFUSAL_STATUSES = {400, 422, 500}


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_retries: int
    initial_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, exc: openai.OpenAIError) -> float:
        hinted = _retry_after(exc)
        if hinted is not None and 0 <= hinted <= 60:
            return hinted
        return min(self.initial_delay * 2**attempt, self.max_delay) * (1 - 0.25 * random.random())


def error_text(exc: openai.APIStatusError) -> str:
    """The error's message and body, lowercased, for spotting which parameter was refused."""
    body = json.dumps(exc.body) if isinstance(exc.body, dict | list) else str(exc.body or "")
    return f"{exc.message} {body}".lower()


def is_format_refusal(exc: openai.OpenAIError) -> bool:
    """A 400, 422 or 500 whose message or body names the structured-output parameter."""
    if not isinstance(exc, openai.APIStatusError):
        return False
    if exc.status_code not in FORMAT_REFUSAL_STATUSES:
        return False
    text = error_text(exc)
    return any(word in text for word in _FORMAT_WORDS)


_CONTEXT_WORDS = ("context length", "context_length", "context window", "too many tokens")


def is_context_overflow(exc: openai.OpenAIError) -> bool:
    """A 400 saying prompt and reply don't fit the model's context (llama.cpp: "This model's
    maximum context length is 4096 tokens"; OpenAI: code context_length_exceeded)."""
    if not isinstance(exc, openai.APIStatusError) or exc.status_code != 400:
        return False
    text = error_text(exc)
    return any(word in text for word in _CONTEXT_WORDS)


def is_retryable(exc: openai.OpenAIError) -> bool:
    if isinstance(exc, openai.APITimeoutError):
        return False  # no blind retry of a long generation
    if isinstance(exc, openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIStatusError):
        if is_format_refusal(exc):
            return False
        return exc.status_code in _RETRY_STATUSES or exc.status_code >= 500
    return False


async def with_retries(policy: RetryPolicy, kind: str, call: Callable[[], Awaitable[T]]) -> T:
    """`call()`, retried on what is worth retrying (see the module docstring)."""
    attempt = 0
    while True:
        try:
            return await call()
        except openai.OpenAIError as exc:
            if attempt >= policy.max_retries or not is_retryable(exc):
                raise
            delay = policy.delay(attempt, exc)
            log.info(
                "AI call %s: %s, retry %d in %.1f s",
                kind,
                type(exc).__name__,
                attempt + 1,
                delay,
            )
            attempt += 1
            await asyncio.sleep(delay)


def _retry_after(exc: openai.OpenAIError) -> float | None:
    response = getattr(exc, "response", None)
    if response is None:
        return None
    for header, divisor in (("retry-after-ms", 1000), ("retry-after", 1)):
        value = response.headers.get(header)
        if value is None:
            continue
        try:
            return float(value) / divisor
        except ValueError:
            continue
    return None


# ----- usage -------------------------------------------------------------------------------


def estimate_tokens(texts: Iterable[str]) -> int:
    """A rough token count for servers that report none: about four characters a token."""
    chars = sum(len(text) for text in texts)
    return max(1, round(chars / 4)) if chars else 0
