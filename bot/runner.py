"""Run an application until SIGINT/SIGTERM: database around it, polling or webhook inside.

We drive the lifecycle ourselves (as `run_polling` does internally) so Tortoise is initialised
in the same task tree as python-telegram-bot's handler tasks, and the database outlives the
application's shutdown.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from telegram import Update

from bot.availability import DatabaseGate
from bot.context import CoachApplication
from bot.db import close_database, init_database
from bot.monitor import serving
from bot.settings import Settings

log = logging.getLogger(__name__)


@asynccontextmanager
async def running(
    app: CoachApplication, settings: Settings, *, polling: bool = True, poll_interval: float = 0.0
) -> AsyncIterator[CoachApplication]:
    """Database up, application initialised and started, updates flowing; reverse on exit."""
    await init_database(settings.resolved_database_url)
    try:
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        try:
            await _start_updates(app, settings, polling=polling, poll_interval=poll_interval)
            await app.start()
            try:
                async with serving(app, settings.metrics_port):  # /healthz, /metrics
                    yield app
            finally:
                gate: DatabaseGate | None = app.bot_data.get("gate")
                if gate is not None:
                    await gate.close()  # during an outage, fetched updates stay unconfirmed
                if app.updater and app.updater.running:
                    await app.updater.stop()
                await app.stop()  # waits for in-flight updates
        finally:
            await app.shutdown()
            if app.post_shutdown:
                await app.post_shutdown(app)
    finally:
        await close_database()


async def _start_updates(
    app: CoachApplication, settings: Settings, *, polling: bool, poll_interval: float
) -> None:
    if app.updater is None or not polling:
        return
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        url_path = urlsplit(settings.webhook_url).path.strip("/")
        await app.updater.start_webhook(
            listen="0.0.0.0",
            port=settings.port,
            url_path=url_path,
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
            drop_pending_updates=False,
        )
        log.info("Receiving updates by webhook on port %s", settings.port)
    else:
        await app.updater.start_polling(
            poll_interval=poll_interval, allowed_updates=Update.ALL_TYPES
        )
        log.info("Receiving updates by long polling")


async def run_until_signalled(app: CoachApplication, settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running(app, settings):
        await stop.wait()
        log.info("Stopping: finishing in-flight updates")
    log.info("Stopped cleanly")
