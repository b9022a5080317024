"""The real application, started against the emulator: for tests and the console mode."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.app import build_application
from bot.context import CoachApplication
from bot.emulator.client import EmulatedUser
from bot.emulator.server import BotAPIEmulator
from bot.processor import PerUserUpdateProcessor
from bot.runner import running
from bot.settings import Settings

_user_ids = itertools.count(100_001)


class BotHarness:
    def __init__(self, app: CoachApplication, emulator: BotAPIEmulator) -> None:
        self.app = app
        self.emulator = emulator
        self._pushed_before = emulator.pushed  # an emulator kept across a restart

    def user(
        self,
        first_name: str = "Ada",
        *,
        user_id: int | None = None,
        username: str | None = None,
        language_code: str = "en",
    ) -> EmulatedUser:
        return EmulatedUser(
            self,
            user_id or next(_user_ids),
            first_name,
            username or first_name.lower(),
            language_code=language_code,
        )

    @property
    def processor(self) -> PerUserUpdateProcessor:
        processor = self.app.update_processor
        assert isinstance(processor, PerUserUpdateProcessor)
        return processor

    async def idle(self, timeout: float = 10.0) -> None:
        """Wait until every update pushed so far has been fully handled."""
        deadline = time.monotonic() + timeout
        while (
            self.processor.finished < self.emulator.pushed - self._pushed_before
            or self.processor.busy
        ):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"bot still busy after {timeout}s: "
                    f"{self.emulator.pushed - self._pushed_before} updates pushed, "
                    f"{self.processor.finished} handled"
                )
            await asyncio.sleep(0.005)


@asynccontextmanager
async def run_harness(
    settings: Settings, emulator: BotAPIEmulator | None = None
) -> AsyncIterator[BotHarness]:
    """Start the application on `settings` against an emulator; stop it cleanly on exit."""
    emulator = emulator or BotAPIEmulator()
    app = build_application(
        settings,
        request=emulator.request(),
        updates_request=emulator.request(),
        token=emulator.token,
    )
    async with running(app, settings, poll_interval=0.0):
        harness = BotHarness(app, emulator)
        yield harness
        await harness.idle()
