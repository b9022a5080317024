"""`python -m bot console`: the whole bot in a terminal, with nothing to set up.

The real application (same handlers, database layer and AI gateway as in Telegram) runs against
the in-process Bot API emulator. One console user talks to it: typed lines become messages,
a number presses a button of the latest keyboard, `:file`/`:voice` send files. The bot's side
of the chat is printed with `rich`; without a terminal (piped stdin/stdout) the output is plain
text, so the console can be scripted.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import logging
import mimetypes
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.status import Status
from rich.text import Text

from bot.console_render import (
    describe_file,
    pressable_buttons,
    render_body,
    render_keyboard,
    snippet,
)
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness, run_harness
from bot.emulator.types import ChatMessage
from bot.settings import Settings

# A fixed id, so the console user's jobs and history persist between runs.
CONSOLE_USER_ID = 1_000_000_001
FILES_FOLDER = "console-files"
# How long a reply may take before we stop waiting for it (a model may retry several times).
SETTLE_TIMEOUT_EXTRA = 30.0

HELP = """\
Type a message or a /command and press Enter (try /start or /help).
  N            press button N of the latest keyboard
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


# ----- input -------------------------------------------------------------------------------
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


def _read_file(path: Path) -> tuple[Path, bytes]:
    path = path.expanduser()
    return path, path.read_bytes()


def latest_keyboard(chat: list[ChatMessage]) -> ChatMessage | None:
    """The newest bot message with pressable buttons since the user last sent something:
    the keyboard a number presses. Once the user types, older keyboards are out of reach."""
    for message in reversed(chat):
        if not message.from_bot:
            return None
        if pressable_buttons(message):
            return message
    return None


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


# ----- the session -------------------------------------------------------------------------
class ConsoleSession:
    """Prints the bot's side of the chat as it changes, and sends what the user types."""

    def __init__(
        self,
        harness: BotHarness,
        user: EmulatedUser,
        console: Console,
        settings: Settings,
        stopping: asyncio.Event | None = None,
    ) -> None:
        self.harness = harness
        self.user = user
        self.console = console
        self.settings = settings
        self.interactive = console.is_terminal and sys.stdin.isatty()
        self.files_dir = settings.data_dir / FILES_FOLDER
        self.stopping = stopping or asyncio.Event()
        self.reading = False
        self._events: list[tuple[str, ChatMessage]] = []
        self._shown: dict[int, tuple[str, list[dict[str, Any]], dict[str, Any] | None]] = {}
        harness.emulator.listeners.append(self._on_chat_event)

    def close(self) -> None:
        with contextlib.suppress(ValueError):
            self.harness.emulator.listeners.remove(self._on_chat_event)

    # Events from the emulator (called synchronously inside Bot API calls) -----------------
    def _on_chat_event(self, event: str, message: ChatMessage) -> None:
        if message.chat_id == self.user.id and message.from_bot:
            self._events.append((event, message))

    @property
    def busy(self) -> bool:
        processor = self.harness.processor
        return processor.finished < self.harness.emulator.pushed or processor.busy

    # Output --------------------------------------------------------------------------------
    def flush(self) -> bool:
        """Print what changed in the chat since the last flush; True if anything was printed."""
        events, self._events = self._events, []
        order: list[ChatMessage] = []
        new_ids: set[int] = set()
        for event, message in events:
            if event == "new":
                new_ids.add(message.message_id)
            if all(m.message_id != message.message_id for m in order):
                order.append(message)
        printed = False
        for message in order:
            if message.message_id in new_ids:
                if not message.deleted:
                    self._print_message(message)
                    printed = True
            else:
                printed = self._print_change(message) or printed
        return printed

    def _print_message(self, message: ChatMessage, label: str = "Coach: ") -> None:
        out = Text()
        out.append(label, style="bold green")
        if message.kind != "text":
            out.append(self._file_line(message), style="magenta")
            if message.text:
                out.append("\n")
        out.append_text(render_body(message))
        self.console.print(out)
        keyboard = render_keyboard(message.reply_markup)
        if keyboard is not None:
            self.console.print(keyboard)
        self._remember(message)

    def _print_change(self, message: ChatMessage) -> bool:
        before = self._shown.get(message.message_id)
        if message.deleted:
            self._shown.pop(message.message_id, None)
            if before is None:
                return False
            self.console.print(Text(f"✗ deleted: “{snippet(before[0])}”", style="dim"))
            return True
        if before is not None and (message.text, message.entities) == before[:2]:
            if message.reply_markup == before[2]:
                return False
            self._remember(message)
            keyboard = render_keyboard(message.reply_markup)
            if keyboard is None:
                # Flows close the buttons of their previous prompt at every step: not news.
                # A number no longer reaches them (`latest_keyboard` skips buttonless messages).
                return False
            self.console.print(Text(f"✎ new buttons on “{snippet(message.text)}”:", "dim"))
            self.console.print(keyboard)
            return True
        self._print_message(message, label="✎ edited: ")
        return True

    def _remember(self, message: ChatMessage) -> None:
        markup = dict(message.reply_markup) if message.reply_markup else None
        self._shown[message.message_id] = (message.text, list(message.entities), markup)

    def _file_line(self, message: ChatMessage) -> str:
        stored = self.harness.emulator.files.get(str((message.file or {}).get("file_id")))
        content: bytes | None = stored["content"] if stored else None
        line = describe_file(message, content)
        if content is not None and message.kind in {"document", "voice"}:
            saved = self._save(message, content)
            if saved is not None:
                line += f" saved to {saved}"
        return line

    def _save(self, message: ChatMessage, content: bytes) -> Path | None:
        file = message.file or {}
        if message.kind == "voice":
            name = f"voice-{message.message_id}.ogg"
        else:
            name = Path(str(file.get("file_name") or f"file-{message.message_id}")).name
        try:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            target = self.files_dir / name
            number = 1
            while target.exists():
                number += 1
                target = self.files_dir / f"{Path(name).stem}-{number}{Path(name).suffix}"
            target.write_bytes(content)
        except OSError as exc:
            self.note(f"could not save {name}: {exc}")
            return None
        return target

    def note(self, text: str) -> None:
        self.console.print(Text(text, style="dim"))

    def echo(self, text: str) -> None:
        """Without a terminal the typed line isn't on screen: show it, for a readable log."""
        if not self.interactive:
            self.console.print(Text.assemble(("You: ", "bold"), text))

    def prompt(self) -> None:
        if self.interactive:
            self.console.print(Text("› ", style="bold"), end="")

    # Waiting for the bot -------------------------------------------------------------------
    async def settle(self) -> None:
        """Wait until the bot has handled everything sent so far, then print what changed.
        Long replies are printed as they arrive, with a transient status on a terminal."""
        settings = self.settings
        limit = settings.ai_timeout_seconds * (settings.ai_max_retries + 1) + SETTLE_TIMEOUT_EXTRA
        started = last_flush = time.monotonic()
        drafts = self.harness.emulator.drafts
        draft_before = drafts.get(self.user.id)
        status: Status | None = None
        try:
            while self.busy and not self.stopping.is_set():
                now = time.monotonic()
                if now - started > limit:
                    self.note("(the bot is still busy; its reply will show when it comes)")
                    break
                if self.interactive and status is None and now - started > 0.3:
                    status = self.console.status("Coach is typing…")
                    status.start()
                if status is not None:
                    draft = drafts.get(self.user.id)
                    if draft and draft != draft_before:
                        tail = " ".join(draft.split())[-60:]
                        status.update(f"Coach is typing… {tail}")
                if now - started > 2.0 and now - last_flush > 1.0:
                    self.flush()
                    last_flush = now
                await asyncio.sleep(0.02)
        finally:
            if status is not None:
                status.stop()
        if self.flush() and self.interactive:
            self.console.print()

    async def pump(self) -> None:
        """While the user types, show what the bot sends by itself (timers, reminders)."""
        while True:
            await asyncio.sleep(0.5)
            if self.reading and not self.busy and self._events and self.flush():
                self.prompt()

    # Input ---------------------------------------------------------------------------------
    async def handle(self, command: ConsoleInput) -> bool:
        """Act on one input; False when the user wants to leave."""
        match command.kind:
            case "quit":
                return False
            case "empty":
                return True
            case "help":
                self.console.print(HELP, markup=False, highlight=False)
            case "error":
                self.note(command.value)
            case "number":
                await self._press_or_send(command)
            case "text":
                self.echo(command.value)
                await self.user.send(command.value, wait=False)
                await self.settle()
            case "file" | "voice":
                await self._send_file(command)
        return True

    async def _press_or_send(self, command: ConsoleInput) -> None:
        message = latest_keyboard(self.user.chat)
        buttons = pressable_buttons(message)
        if not 1 <= command.number <= len(buttons):
            if buttons:
                self.note(f"(no button {command.number}; sent as text)")
            self.echo(command.value)
            await self.user.send(command.value, wait=False)
        else:
            button = buttons[command.number - 1]
            self.console.print(Text(f"→ {button['text']}", style="dim" if self.interactive else ""))
            await self.user.press(str(button["callback_data"]), message, wait=False)
        await self.settle()

    async def _send_file(self, command: ConsoleInput) -> None:
        path = Path(command.value)
        try:
            path, content = await asyncio.to_thread(_read_file, path)
        except OSError as exc:
            self.note(f"can't read {path}: {exc.strerror or exc}")
            return
        if command.kind == "voice":
            duration = ogg_duration(content) or max(1, len(content) // 3000)
            self.echo(f"[voice: {path.name}, {duration} s, {len(content)} bytes]")
            await self.user.send_voice(content, duration, wait=False)
        else:
            mime = mime_type_for(path)
            self.echo(f"[document: {path.name}, {len(content)} bytes, {mime}]")
            await self.user.send_document(content, path.name, mime, wait=False)
        await self.settle()

    async def run(self, reader: LineReader) -> None:
        pump = asyncio.create_task(self.pump())
        try:
            await self.settle()
            while not self.stopping.is_set():
                self.prompt()
                self.reading = True
                try:
                    line = await reader.read()
                finally:
                    self.reading = False
                if line is None or self.stopping.is_set():
                    if self.interactive:
                        self.console.print()
                    break
                if not await self.handle(parse_input(line)):
                    break
        finally:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump


# ----- entry point -------------------------------------------------------------------------
def configure_console_logging(settings: Settings) -> None:
    """Quiet (WARNING) so the chat stays readable, unless LOG_LEVEL asks for more."""
    chosen = "log_level" in settings.model_fields_set
    level = settings.log_level if chosen else "WARNING"
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    if not chosen:  # library warnings (e.g. about handler options) are for developers
        logging.getLogger("py.warnings").setLevel(logging.ERROR)


def console_user_names() -> tuple[str, str]:
    """(first name, username) for the console user: the OS user, else "You"."""
    try:
        login = getpass.getuser().strip()
    except (KeyError, OSError):
        login = ""
    if not login or not login.replace("_", "").replace("-", "").replace(".", "").isalnum():
        return "You", "you"
    return login[:1].upper() + login[1:], login.lower()[:32]


def describe_database(settings: Settings) -> str:
    url = settings.resolved_database_url
    if url.startswith("sqlite://"):
        return f"SQLite at {url.removeprefix('sqlite://')}"
    return "PostgreSQL (DATABASE_URL)"


def banner(settings: Settings) -> Text:
    coach = (
        "offline coach (built in; set OPENAI_API_KEY to use a model)"
        if settings.offline
        else f"model {settings.openai_model} (OpenAI-compatible)"
    )
    return Text.assemble(
        ("Interview Coach — console mode\n", "bold"),
        "The real bot, running here against a local stand-in for Telegram (no token needed).\n",
        f"Data: {describe_database(settings)}. Coach: {coach}.\n",
        "Type messages or /commands (try /start). A number presses a button of the latest "
        "keyboard; :help lists more, :quit leaves.",
    )


async def run_console(settings: Settings) -> int:
    configure_console_logging(settings)
    # Updates come from the emulator: never start a webhook server from a .env meant for prod.
    settings = settings.model_copy(update={"webhook_url": None})
    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal  # piped output: one line per line, unwrapped
    console.print(banner(settings))
    loop = asyncio.get_running_loop()
    reader = LineReader(loop)
    interrupted = asyncio.Event()

    def on_signal() -> None:
        if interrupted.is_set():  # a second Ctrl-C while stopping: leave at once
            print("\nStopped without waiting for the bot.", file=sys.stderr)
            os._exit(130)
        interrupted.set()
        reader.interrupt()

    installed: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, on_signal)
            installed.append(sig)
    try:
        async with run_harness(settings) as harness:
            first_name, username = console_user_names()
            user = harness.user(first_name, user_id=CONSOLE_USER_ID, username=username)
            session = ConsoleSession(harness, user, console, settings, interrupted)
            try:
                if not interrupted.is_set():
                    await session.run(reader)
                with contextlib.suppress(AssertionError):  # a reply still running: stop anyway
                    await harness.idle(timeout=5.0)
                session.flush()
            finally:
                session.close()
    except AssertionError as exc:  # run_harness's final wait for a bot that is still busy
        logging.getLogger(__name__).warning("Stopped while the bot was busy: %s", exc)
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
    if console.is_terminal:
        console.print(Text("Bye!", style="dim"))
    return 0
