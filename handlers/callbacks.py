"""Callback data: short, prefixed `<feature>:<action>[:<arg>...]`, built and parsed here only.

Ids that arrive in callback data are untrusted: services check them against the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64  # Telegram's limit for callback_data


@dataclass(frozen=True, slots=True)
class CallbackData:
    feature: str
    action: str
    args: tuple[str, ...] = ()

    def arg(self, index: int = 0) -> str | None:
        return self.args[index] if index < len(self.args) else None


def make(feature: str, action: str, *args: object) -> str:
    data = ":".join([feature, action, *(str(a) for a in args)])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def parse(data: str | None) -> CallbackData | None:
    if not data:
        return None
    parts = data.split(":")
    if len(parts) < 2 or not all(parts[:2]):
        return None
    return CallbackData(parts[0], parts[1], tuple(parts[2:]))


def pattern(feature: str, *actions: str) -> str:
    """An anchored regex for `CallbackQueryHandler(pattern=...)`."""
    action = "|".join(re.escape(a) for a in actions) if actions else r"[a-z_]+"
    return rf"^{re.escape(feature)}:(?:{action})(?::[^:]*)*$"
