"""A paste over Telegram's 4,096-character limit, put back together.

The Telegram client, not the bot, splits a long paste: the user sends one text and the bot
gets consecutive messages, each but the last cut near the limit (clients cut at a paragraph
or word break in the second half of the allowance). Without joining, a job ad's second half
would reach the next step, or "I'm not waiting for an answer".

So a text of at least `PART_MIN` characters may have a continuation: its update waits up to
`window` seconds for the same user's next text, which is appended to it (and never handled
on its own). The joined update is handled as if the user had sent one message; it carries
the number of parts (`JOINED_PARTS` in the message's `api_kwargs`) so the reply can say so.
A short text ends a paste at once (only the last part is short); any other update from the
user ends it too, and is handled after it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from telegram import Bot, Message, Update
from telegram.constants import ChatType

from bot.rendering import TELEGRAM_TEXT_LIMIT
from bot.telegram_html import utf16_len

PART_MIN = TELEGRAM_TEXT_LIMIT // 2  # clients never cut a part shorter than this
JOINED_PARTS = "coach_joined_parts"  # not a Bot API field: Telegram never sends it


def _text_message(update: object) -> Message | None:
    """The update's new private text message (not a command), or None."""
    if not isinstance(update, Update) or update.message is None:
        return None
    message = update.message
    if message.chat.type != ChatType.PRIVATE or message.text is None:
        return None
    return None if message.text.startswith("/") else message


def may_continue(update: object) -> bool:
    """A text long enough to be a part of a split paste that goes on."""
    message = _text_message(update)
    return message is not None and utf16_len(message.text or "") >= PART_MIN


@dataclass
class Paste:
    """The parts of one paste received so far, in order."""

    parts: list[Update]
    last_at: float = field(default_factory=time.monotonic)
    ended: bool = False
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def add(self, update: Update) -> None:
        self.parts.append(update)
        self.last_at = time.monotonic()
        self.ended = not may_continue(update)
        self.changed.set()

    def end(self) -> None:
        self.ended = True
        self.changed.set()

    async def complete(self, window: float) -> None:
        """Wait until the paste ends: a short part, another kind of update, or `window`
        seconds with nothing after the last part."""
        while not self.ended:
            left = self.last_at + window - time.monotonic()
            if left <= 0:
                return
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                return


class PasteJoiner:
    """The open paste of each user (at most one), keyed like the update processor's order."""

    def __init__(self, bot: Bot, window: float) -> None:
        """`window`: seconds the next part may take after the previous one
        (`PASTE_WINDOW_SECONDS`)."""
        if window < 0:
            raise ValueError("window must not be negative")
        self.bot = bot
        self.window = window
        self._open: dict[int, Paste] = {}

    def arrive(self, key: int, update: object) -> Paste | bool:
        """Called as each update arrives, in order. Returns the new `Paste` when `update` may
        be the first part of one (its handler waits for it to complete), True when `update`
        was taken as the next part of the user's open paste (it must not be handled), else
        False."""
        paste = self._open.get(key)
        if paste is not None and not paste.ended:
            if _text_message(update) is not None:
                paste.add(update)  # type: ignore[arg-type]
                return True
            paste.end()  # a command, a button, a file: the paste is over
        if may_continue(update):
            paste = Paste([update])  # type: ignore[list-item]
            self._open[key] = paste
            return paste
        return False

    async def joined(self, key: int, paste: Paste) -> Update:
        """Once `paste` has ended: the one update to handle in place of its parts."""
        await paste.complete(self.window)
        paste.ended = True
        if self._open.get(key) is paste:
            del self._open[key]
        if len(paste.parts) == 1:
            return paste.parts[0]
        return join(paste.parts, self.bot)


def _separator(before: str, after: str) -> str:
    """Clients drop the whitespace they cut at (a line break if there is one in reach, else a
    space): a text of one paragraph was cut at a space; otherwise a line break reads best
    unless the cut fell mid-sentence."""
    if "\n" not in before and "\n" not in after:
        return " "
    if before.rstrip().endswith((".", "!", "?", ":", ";")) or not after[:1].islower():
        return "\n"
    return " "


def join(parts: list[Update], bot: Bot) -> Update:
    """One update with the first part's ids and every part's text and entities."""
    data = parts[0].to_dict()
    message = data["message"]
    text = message["text"]
    entities = list(message.get("entities", []))
    for part in parts[1:]:
        assert part.message is not None
        more = part.message.to_dict()
        text += _separator(text, more["text"])
        shift = utf16_len(text)
        text += more["text"]
        entities += [{**e, "offset": e["offset"] + shift} for e in more.get("entities", [])]
    message["text"] = text
    if entities:
        message["entities"] = entities
    message[JOINED_PARTS] = len(parts)
    joined = Update.de_json(data, bot)
    assert joined is not None
    return joined


def joined_parts(message: Message | None) -> int:
    """How many parts of a split paste `message` was joined from (1: it was not)."""
    if message is None:
        return 1
    parts = message.api_kwargs.get(JOINED_PARTS, 1)
    return parts if isinstance(parts, int) else 1
