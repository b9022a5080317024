"""The operations endpoint on METRICS_PORT (off when unset), in polling and webhook mode alike:
`/healthz` (database reachable, updates flowing, the last model call's outcome; 200 or 503)
and `/metrics` (Prometheus text format, `bot.metrics`). `/health` shows admins the same report.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from telegram.ext import Application

from bot import metrics
from bot.availability import DatabaseGate, database_answers
from models.core import Interview, InterviewStatus

log = logging.getLogger(__name__)

# Long polling answers at least every ~10 s, so a minute without an answer means it stalled.
POLL_STALE_AFTER = 60.0


@dataclass(frozen=True, slots=True)
class Health:
    ok: bool
    database: str  # "ok" or "unreachable"
    updates: str  # "polling", "webhook", "stalled" or "stopped"
    last_update_seconds_ago: float | None
    model: str  # "ok", "error" or "none yet"
    model_kind: str | None
    model_seconds_ago: float | None
    kept_updates: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ago(moment: float | None, now: float) -> float | None:
    return None if moment is None else round(now - moment, 1)


async def health(app: Application) -> Health:
    now = time.time()
    database = await database_answers()
    metrics.DATABASE_UP.set(1 if database else 0)
    updater = app.updater
    webhook = bool(app.bot_data["settings"].webhook_url)
    pulse = metrics.PULSE
    if updater is None or not updater.running:
        updates = "stopped"
    elif webhook:
        updates = "webhook"
    elif pulse.last_poll_at is not None and now - pulse.last_poll_at < POLL_STALE_AFTER:
        updates = "polling"
    else:
        gate: DatabaseGate = app.bot_data["gate"]
        updates = "polling" if not gate.is_up else "stalled"  # paused on purpose while down
    model, kind, at = ("none yet", None, None)
    if pulse.last_model is not None:
        kind, model, at = pulse.last_model
    return Health(
        ok=database and updates in ("polling", "webhook") and model != "error",
        database="ok" if database else "unreachable",
        updates=updates,
        last_update_seconds_ago=_ago(pulse.last_update_at, now),
        model=model,
        model_kind=kind,
        model_seconds_ago=_ago(at, now),
        kept_updates=len(app.bot_data["gate"].kept),
    )


async def _refresh_gauges() -> None:
    try:
        active = await Interview.filter(status=InterviewStatus.ACTIVE).count()
    except Exception:  # the database is down: /healthz says so; keep the last value
        return
    metrics.ACTIVE_INTERVIEWS.set(active)


def web_app(app: Application) -> web.Application:
    async def healthz(request: web.Request) -> web.Response:
        report = await health(app)
        return web.json_response(report.as_dict(), status=200 if report.ok else 503)

    async def metrics_page(request: web.Request) -> web.Response:
        await _refresh_gauges()
        body = generate_latest(metrics.REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    server = web.Application()
    server.router.add_get("/healthz", healthz)
    server.router.add_get("/metrics", metrics_page)
    return server


@asynccontextmanager
async def serving(app: Application, port: int | None) -> AsyncIterator[None]:
    """Serve /healthz and /metrics on `port` (nothing when None) while the block runs."""
    if not port:
        yield
        return
    runner = web.AppRunner(web_app(app), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "0.0.0.0", port)
    await site.start()
    log.info("Serving /healthz and /metrics on port %s", port)
    try:
        yield
    finally:
        await runner.cleanup()
