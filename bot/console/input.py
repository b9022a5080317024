"""What the console user types: parsing a line into an action, the files it sends, and reading
stdin without blocking the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import mimetypes
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.console.render import pressable_buttons
from bot.emulator.types import ChatMessage

HELP = """\
Type a message or a /command and press Enter (try /start or /help).
  N            press button N of the latest keyboard (an invoice's Pay button
               makes a local test payment: no real Stars are charged)
  :file PATH   send a document (PDF, DOCX, TXT, …)
  :voice PATH  send a voice note (OGG/Opus)
  :say TEXT    send TEXT as it is (a number, or text starting with ':')
  :help        show this help
  :quit        leave (Ctrl-D or Ctrl-C work too)"""

EXTRA_MIME_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".rtf": "application/rtf",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
}

InputKind = Literal["text", "number", "file", "voice", "help", "quit", "empty", "error"]


@dataclass(frozen=True, slots=True)
class ConsoleInput:
    kind: InputKind
    value: str = ""  # the text, the path, or the error message
    number: int = 0  # for kind == "number"


def parse_input(line: str) -> ConsoleInput:
    """One typed line → what to do with it. Console commands start with ':' and a word."""
    text = line.strip()
    if not text:
        return ConsoleInput("empty")
    if text.isdigit() and text.isascii():
        return ConsoleInput("number", text, int(text))
    if not (text.startswith(":") and len(text) > 1 and text[1].isalpha()):
        return ConsoleInput("text", text)
    word, _, rest = text[1:].partition(" ")
    word, rest = word.lower(), rest.strip()
    if word in {"quit", "q", "exit"}:
        return ConsoleInput("quit")
    if word in {"help", "h"}:
        return ConsoleInput("help")
    if word == "say":
        return ConsoleInput("text", rest) if rest else ConsoleInput("error", "usage: :say TEXT")
    if word in {"file", "voice"}:
        path = _unquote(rest)
        if not path:
            return ConsoleInput("error", f"usage: :{word} PATH")
        return ConsoleInput(word, path)  # type: ignore[arg-type]
    return ConsoleInput("error", f"unknown console command :{word} (:help lists them)")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def latest_keyboard(chat: list[ChatMessage]) -> ChatMessage | None:
    """The newest bot message with pressable buttons since the user last sent something:
    the keyboard a number presses. Once the user types, older keyboards are out of reach."""
    for message in reversed(chat):
        if not message.from_bot:
            return None
        if pressable_buttons(message):
            return message
    return None


def invoice_run(chat: list[ChatMessage], message: ChatMessage) -> list[ChatMessage]:
    """Invoices sent one after another (as /upgrade sends one per plan) are one keyboard: the
    run of consecutive bot invoices that ends with `message`, or just `message`."""
    if message.kind != "invoice":
        return [message]
    index = next((i for i, m in enumerate(chat) if m.message_id == message.message_id), None)
    if index is None:
        return [message]
    start = index
    while start > 0 and chat[start - 1].from_bot and chat[start - 1].kind == "invoice":
        start -= 1
    return [*chat[start:index], message]


def first_number(chat: list[ChatMessage], message: ChatMessage) -> int:
    """The number of the message's first button: after the buttons of the invoices before it
    in its run, so one number reaches each Pay button of a run."""
    return 1 + sum(len(pressable_buttons(m)) for m in invoice_run(chat, message)[:-1])


def latest_buttons(chat: list[ChatMessage]) -> list[tuple[ChatMessage, dict[str, Any]]]:
    """What numbers press now, in order: the latest keyboard's buttons (with those of the
    invoices sent right before it, if it is an invoice), each with its message."""
    message = latest_keyboard(chat)
    if message is None:
        return []
    return [(m, button) for m in invoice_run(chat, message) for button in pressable_buttons(m)]


def buttons_in_sight(chat: list[ChatMessage]) -> bool:
    """Whether any bot message since the user last sent something has buttons, pressable
    or not (a link)."""
    for message in reversed(chat):
        if not message.from_bot:
            return False
        if message.buttons:
            return True
    return False


# ----- files the user sends ----------------------------------------------------------------
def mime_type_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in EXTRA_MIME_TYPES:
        return EXTRA_MIME_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def ogg_duration(content: bytes) -> int | None:
    """Seconds of an Ogg/Opus voice note, from the last page's granule position (48 kHz)."""
    last = content.rfind(b"OggS")
    if last < 0 or len(content) < last + 14:
        return None
    granule = int.from_bytes(content[last + 6 : last + 14], "little", signed=True)
    if granule <= 0:
        return None
    return max(1, round(granule / 48_000))


def read_file(path: Path) -> tuple[Path, bytes]:
    path = path.expanduser()
    return path, path.read_bytes()


# ----- reading stdin -----------------------------------------------------------------------
class LineReader:
    """Reads stdin in a daemon thread, one line per request, without blocking the event loop.
    A daemon thread (not the default executor) so leaving never waits for a pending read."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._pending: asyncio.Future[str | None] | None = None

    async def read(self) -> str | None:
        """The next line, or None at end of input (or when interrupted)."""
        future: asyncio.Future[str | None] = self._loop.create_future()
        self._pending = future
        threading.Thread(target=self._read_line, args=(future,), daemon=True).start()
        try:
            return await future
        finally:
            self._pending = None

    def interrupt(self) -> None:
        if self._pending is not None and not self._pending.done():
            self._pending.set_result(None)

    def _read_line(self, future: asyncio.Future[str | None]) -> None:
        try:
            line: str | None = sys.stdin.readline()
        except (OSError, ValueError):
            line = None
        if line == "":
            line = None  # EOF
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            self._loop.call_soon_threadsafe(_resolve, future, line)


def _resolve(future: asyncio.Future[str | None], value: str | None) -> None:
    if not future.done():
        future.set_result(value)
