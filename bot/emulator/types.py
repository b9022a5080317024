"""What the emulator's chats are made of, and Telegram's error replies."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

BOT_ID = 7_000_000_001
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Interview Coach",
    "username": "coach_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_DOWNLOAD = 20 * 1024 * 1024
PRE_CHECKOUT_TIMEOUT = 10.0  # seconds the bot has to answer a pre-checkout query
SUBSCRIPTION_PERIOD = 2592000


class APIError(Exception):
    def __init__(self, description: str, code: int = 400, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.description = description
        self.code = code
        self.retry_after = retry_after


@dataclass
class ChatMessage:
    """A message as the user sees it now (edits replace text and keyboard)."""

    message_id: int
    chat_id: int
    from_bot: bool
    text: str = ""
    html: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    kind: str = "text"  # text, document, voice, photo, invoice, sticker, ...
    file: dict[str, Any] | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    edits: int = 0
    rewritten: int = 0  # the emulator's count of text edits when this text was written
    deleted: bool = False
    date: int = field(default_factory=lambda: int(time.time()))

    @property
    def buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def to_api(self, chat: dict[str, Any], sender: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": chat,
            "from": sender,
        }
        if self.edits:
            data["edit_date"] = int(time.time())
        if self.kind == "text":
            data["text"] = self.text
            if self.entities:
                data["entities"] = self.entities
        elif self.text and self.kind not in ("invoice", "successful_payment"):
            data["caption"] = self.text
            if self.entities:
                data["caption_entities"] = self.entities
        if self.file is not None:
            data[self.kind] = self.file
        data.update(self.payload)
        if self.reply_markup:
            data["reply_markup"] = self.reply_markup
        return data


@dataclass
class CallRecord:
    method: str
    params: dict[str, Any]
    at: float
    error: str | None = None


def entity_dict(entity: Any) -> dict[str, Any]:
    data = {"type": entity.type, "offset": entity.offset, "length": entity.length}
    for key in ("url", "language", "custom_emoji_id"):
        value = getattr(entity, key, None)
        if value:
            data[key] = value
    return data


def error_reply(exc: APIError) -> tuple[int, bytes]:
    body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
    if exc.retry_after is not None:
        body["parameters"] = {"retry_after": exc.retry_after}
    return exc.code, json.dumps(body).encode()


# Scripted failures (BotAPIEmulator.fail): an HTTP status, or a transport failure before the
# request is written (refused, reset) or after it was carried out (dropped, timeout).
FAULT_KINDS = frozenset({"status", "refused", "reset", "dropped", "timeout"})


@dataclass
class Fault:
    method: str
    kind: str
    times: int
    status: int
    chat_id: int | None


def server_error(status: int) -> tuple[int, bytes]:
    """A 5xx: Telegram's own JSON error for 500, its proxy's HTML page for 502-504."""
    if status == 500:
        body = {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        return 500, json.dumps(body).encode()
    phrase = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Time-out"}.get(
        status, "Server Error"
    )
    page = f"<html><head><title>{status} {phrase}</title></head><body>"
    page += f"<center><h1>{status} {phrase}</h1></center><hr><center>nginx</center></body></html>"
    return status, page.encode()
