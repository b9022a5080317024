"""The emulator over HTTP on loopback, so a separate `python -m bot` process can use it as
its TELEGRAM_BASE_URL (tests of the real entry point; needs aiohttp, a dev dependency)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from bot.emulator.server import BotAPIEmulator

EMULATOR = web.AppKey("emulator", BotAPIEmulator)


def _decode(emulator: BotAPIEmulator, method: str, name: str, raw: str) -> Any:
    """Form values arrive as text; Telegram decodes them by the parameter's declared type."""
    spec = emulator.spec.methods.get(method.lower())
    types = spec.fields.get(name, []) if spec else []
    if types == ["String"]:
        return raw
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(value, str | bool) or value is None:
        return value if "String" not in types or isinstance(value, bool) else raw
    return value


async def _handle(request: web.Request) -> web.Response:
    emulator: BotAPIEmulator = request.app[EMULATOR]
    method = request.match_info["method"]
    params: dict[str, Any] = {}
    files: dict[str, tuple[str, bytes, str | None]] = {}
    if request.content_type == "multipart/form-data":
        async for part in await request.multipart():
            if part.filename:  # type: ignore[union-attr]
                content = await part.read()  # type: ignore[union-attr]
                files[part.name] = (part.filename, bytes(content), part.headers.get("Content-Type"))  # type: ignore[union-attr]
            else:
                params[part.name] = _decode(emulator, method, part.name, await part.text())  # type: ignore[union-attr,arg-type]
    elif request.content_type == "application/json":
        params = await request.json()
    else:
        form = await request.post()
        params = {k: _decode(emulator, method, k, str(v)) for k, v in form.items()}
    status, body = await emulator.dispatch(method, params, files)
    return web.Response(status=status, body=body, content_type="application/json")


async def _file(request: web.Request) -> web.Response:
    emulator: BotAPIEmulator = request.app[EMULATOR]
    status, body = emulator.serve_file(request.path)
    return web.Response(status=status, body=body)


@asynccontextmanager
async def serve_http(emulator: BotAPIEmulator, host: str = "127.0.0.1") -> AsyncIterator[str]:
    """Serve the emulator; yields the base URL to use as TELEGRAM_BASE_URL (…/bot)."""
    app = web.Application()
    app[EMULATOR] = emulator
    app.router.add_route("*", "/bot{token}/{method}", _handle)
    app.router.add_get("/file/bot{token}/{path:.*}", _file)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()
