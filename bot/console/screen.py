"""The console's screen: the bot's side of one chat, printed with `rich` as it changes.

It listens to the emulator's chat events (new messages, edits, deletions) and prints the news
at each `flush`: new messages with their keyboards, edits, deleted messages, and files, which
are saved under the data folder so they can be opened.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from bot.console.input import first_number
from bot.console.render import describe_file, keyboard_of, render_body, render_keyboard, snippet
from bot.emulator.server import BotAPIEmulator
from bot.emulator.types import ChatMessage


class ChatScreen:
    """Prints what the bot does in one chat: new messages, edits, deletions and files."""

    def __init__(
        self,
        emulator: BotAPIEmulator,
        chat_id: int,
        console: Console,
        files_dir: Path,
        interactive: bool,
    ) -> None:
        self.emulator = emulator
        self.chat_id = chat_id
        self.console = console
        self.files_dir = files_dir
        self.interactive = interactive
        self._events: list[tuple[str, ChatMessage]] = []
        self._shown: dict[int, tuple[str, list[dict[str, Any]], dict[str, Any] | None]] = {}
        emulator.listeners.append(self._on_chat_event)

    def close(self) -> None:
        with contextlib.suppress(ValueError):
            self.emulator.listeners.remove(self._on_chat_event)

    # Events from the emulator (called synchronously inside Bot API calls) -----------------
    def _on_chat_event(self, event: str, message: ChatMessage) -> None:
        if message.chat_id == self.chat_id and message.from_bot:
            self._events.append((event, message))

    @property
    def has_news(self) -> bool:
        """Something changed in the chat since the last flush."""
        return bool(self._events)

    # The chat ------------------------------------------------------------------------------
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
        body = render_body(message)
        if message.kind != "text":
            out.append(self._file_line(message), style="magenta")
            if body.plain:
                out.append("\n")
        out.append_text(body)
        self.console.print(out)
        keyboard = self._keyboard(message)
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
            keyboard = self._keyboard(message)
            if keyboard is None:
                # Flows close the buttons of their previous prompt at every step: not news.
                # A number no longer reaches them (`latest_keyboard` skips buttonless messages).
                return False
            self.console.print(Text(f"✎ new buttons on “{snippet(message.text)}”:", "dim"))
            self.console.print(keyboard)
            return True
        self._print_message(message, label="✎ edited: ")
        return True

    def _keyboard(self, message: ChatMessage) -> Text | None:
        first = first_number(self.emulator.chat(self.chat_id), message)
        return render_keyboard(keyboard_of(message), first)

    def _remember(self, message: ChatMessage) -> None:
        markup = dict(message.reply_markup) if message.reply_markup else None
        self._shown[message.message_id] = (message.text, list(message.entities), markup)

    # Files ---------------------------------------------------------------------------------
    def _file_line(self, message: ChatMessage) -> str:
        stored = self.emulator.files.get(str((message.file or {}).get("file_id")))
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

    # The user's side -----------------------------------------------------------------------
    def note(self, text: str) -> None:
        self.console.print(Text(text, style="dim"))

    def echo(self, text: str) -> None:
        """Without a terminal the typed line isn't on screen: show it, for a readable log."""
        if not self.interactive:
            self.console.print(Text.assemble(("You: ", "bold"), text))

    def pressed(self, label: str) -> None:
        self.console.print(Text(f"→ {label}", style="dim" if self.interactive else ""))

    def prompt(self) -> None:
        if self.interactive:
            self.console.print(Text("› ", style="bold"), end="")
