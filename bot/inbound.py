"""Text as it arrives, made safe for the database and the logs before any handler sees it.

Telegram never sends them, but a forged update can carry characters that no database can
store: lone UTF-16 surrogates ("\\ud800"), NUL (PostgreSQL refuses it in text) and Unicode
non-characters. They are replaced with U+FFFD once, at the boundary, so every feature gets text
it can store and echo.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from telegram import Bot, Update

_UNSTORABLE = re.compile("[\x00\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean_text(text: str) -> str:
    return _UNSTORABLE.sub("\ufffd", text)


def _clean(value: Any) -> tuple[Any, bool]:
    if isinstance(value, str):
        cleaned = clean_text(value)
        return cleaned, cleaned != value
    if isinstance(value, dict):
        changed = False
        out: dict[str, Any] = {}
        for key, item in value.items():
            out[key], item_changed = _clean(item)
            changed = changed or item_changed
        return out, changed
    if isinstance(value, list):
        items = [_clean(item) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    return value, False


# Marks an update cleaned as JSON on arrival (polling), so it is not walked again. The name
# is new in each process: a forged update can't carry it (it would be kept as an unknown
# field and cleaned like any other).
_CLEANED = f"coach_cleaned_{secrets.token_hex(8)}"


def clean_update_data(data: dict[str, Any]) -> dict[str, Any]:
    """An update as JSON (a getUpdates result), cleaned and marked so: cheaper than cleaning
    the Update built from it."""
    cleaned, _ = _clean(data)
    cleaned[_CLEANED] = True
    return cleaned  # type: ignore[no-any-return]


def clean_update(update: Update, bot: Bot) -> Update:
    """`update`, or a copy of it with unstorable characters replaced."""
    if update.api_kwargs.get(_CLEANED) is True:
        return update
    data, changed = _clean(update.to_dict())
    if not changed:
        return update
    cleaned = Update.de_json(data, bot)
    return cleaned if cleaned is not None else update
