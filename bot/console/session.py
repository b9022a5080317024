"""The console's session loop: read a line, act on it (send, press, upload), wait for the bot
to settle, print what changed, and show what the bot sends by itself in between."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.status import Status

from bot.console.input import (
    HELP,
    ConsoleInput,
    LineReader,
    buttons_in_sight,
    latest_buttons,
    mime_type_for,
    ogg_duration,
    parse_input,
    read_file,
)
from bot.console.render import is_invoice_link, is_payment_button, price_label
from bot.console.screen import ChatScreen
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.types import ChatMessage
from bot.settings import Settings

FILES_FOLDER = "console-files"
TEST_PAYMENT_NOTE = "(local test payment: no real Stars are charged)"
# How long a reply may take before we stop waiting for it (a model may retry several times).
SETTLE_TIMEOUT_EXTRA = 30.0


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
        self.stopping = stopping or asyncio.Event()
        self.reading = False
        self.screen = ChatScreen(
            harness.emulator,
            user.id,
            console,
            settings.data_dir / FILES_FOLDER,
            self.interactive,
        )

    def close(self) -> None:
        self.screen.close()

    def flush(self) -> bool:
        """Print what changed in the chat since the last flush; True if anything was printed."""
        return self.screen.flush()

    @property
    def busy(self) -> bool:
        processor = self.harness.processor
        return processor.finished < self.harness.emulator.pushed or processor.busy

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
                    self.screen.note("(the bot is still busy; its reply will show when it comes)")
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
            if self.reading and not self.busy and self.screen.has_news and self.flush():
                self.screen.prompt()

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
                self.screen.note(command.value)
            case "number":
                await self._press_or_send(command)
            case "text":
                self.screen.echo(command.value)
                # As a Telegram client sends it: over 4,096 characters, in parts.
                await self.user.paste(command.value, wait=False)
                await self.settle()
            case "file" | "voice":
                await self._send_file(command)
        return True

    async def _press_or_send(self, command: ConsoleInput) -> None:
        buttons = latest_buttons(self.user.chat)
        if not 1 <= command.number <= len(buttons):
            if buttons:
                self.screen.note(f"(no button {command.number}; sent as text)")
            elif buttons_in_sight(self.user.chat):
                self.screen.note("(no button here can be pressed with a number; sent as text)")
            self.screen.echo(command.value)
            await self.user.send(command.value, wait=False)
        else:
            message, button = buttons[command.number - 1]
            self.screen.pressed(str(button["text"]))
            if is_payment_button(button):
                await self._pay(message, button)
            else:
                await self.user.press(str(button["callback_data"]), message, wait=False)
        await self.settle()

    async def _pay(self, message: ChatMessage, button: Mapping[str, Any]) -> None:
        """The payment Telegram would take, played locally by the emulator: a pre-checkout
        query, the bot's answer, then (if it said ok) a successful_payment message."""
        self.screen.note(TEST_PAYMENT_NOTE)
        url = button.get("url")
        try:
            receipt = await self.user.pay(url if is_invoice_link(url) else message, wait=False)
        except AssertionError as exc:  # a link that isn't one of this bot's invoices
            self.screen.note(f"(can't pay here: {str(exc).splitlines()[0]})")
            return
        invoice = receipt.invoice or {}
        if not receipt.ok:
            # Telegram shows the bot's refusal in the payment form; nothing is charged.
            self.screen.note(f"✗ Payment refused: {receipt.error or 'no reason given'}")
            return
        total = sum(int(price["amount"]) for price in invoice.get("prices") or [])
        paid = f"{price_label(total, invoice.get('currency'))} for {invoice.get('title')}"
        if period := int(invoice.get("subscription_period") or 0):
            self.screen.note(f"✓ Subscribed: {paid}, first {period // 86400} days (test payment)")
        else:
            self.screen.note(f"✓ Paid {paid} (test payment)")

    async def _send_file(self, command: ConsoleInput) -> None:
        path = Path(command.value)
        try:
            path, content = await asyncio.to_thread(read_file, path)
        except OSError as exc:
            self.screen.note(f"can't read {path}: {exc.strerror or exc}")
            return
        if command.kind == "voice":
            duration = ogg_duration(content) or max(1, len(content) // 3000)
            self.screen.echo(f"[voice: {path.name}, {duration} s, {len(content)} bytes]")
            await self.user.send_voice(content, duration, wait=False)
        else:
            mime = mime_type_for(path)
            self.screen.echo(f"[document: {path.name}, {len(content)} bytes, {mime}]")
            await self.user.send_document(content, path.name, mime, wait=False)
        await self.settle()

    async def run(self, reader: LineReader) -> None:
        pump = asyncio.create_task(self.pump())
        try:
            await self.settle()
            while not self.stopping.is_set():
                self.screen.prompt()
                self.reading = True
                try:
                    line = await reader.read()
                finally:
                    self.reading = False
                if line is None or self.stopping.is_set():
                    if self.interactive:
                        self.console.print()
                    break
                command = parse_input(line)
                if command.kind in {"help", "error", "quit"}:
                    self.screen.echo(line.strip())  # a piped log shows what the reply answers
                if not await self.handle(command):
                    break
        finally:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump
