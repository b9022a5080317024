"""Alerts to admins (ADMIN_IDS) about unhandled errors: the error's type, the handler it came
from and the update id — never the user's text — at most one per kind (type and handler) per
`ALERT_EVERY`."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime, timedelta
from pathlib import Path

from telegram import Update
from telegram.error import TelegramError

from bot.context import CoachContext
from bot.i18n import texts

log = logging.getLogger(__name__)

ALERT_EVERY = timedelta(minutes=10)
_SENT = "ops:alerts_sent"
_ROOT = Path(__file__).resolve().parents[2]
_HANDLERS = _ROOT / "handlers"
_KIT = _HANDLERS / "kit"


def handler_of(error: BaseException) -> str:
    """Where it was raised: the innermost frame in a feature's handlers, else the innermost
    frame of the project (module:function); "?" when none is ours."""
    ours: list[traceback.FrameSummary] = []
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if _ROOT in path.parents and ".venv" not in path.parts:
            ours.append(frame)
    features = [f for f in ours if _HANDLERS in Path(f.filename).resolve().parents]
    features = [f for f in features if _KIT not in Path(f.filename).resolve().parents] or features
    frame = (features or ours or [None])[-1]
    if frame is None:
        return "?"
    module = ".".join(Path(frame.filename).resolve().relative_to(_ROOT).with_suffix("").parts)
    return f"{module}:{frame.name}"


async def alert_admins(update: object, context: CoachContext, error: BaseException) -> bool:
    """Send the alert unless one of this kind went out within `ALERT_EVERY`; True if sent."""
    admins = context.settings.admin_ids
    if not admins:
        return False
    kind = (type(error).__name__, handler_of(error))
    now: datetime = context.services.plans.now()
    sent: dict[tuple[str, str], datetime] = context.application.bot_data.setdefault(_SENT, {})
    last = sent.get(kind)
    if last is not None and now - last < ALERT_EVERY:
        return False
    sent[kind] = now
    update_id = update.update_id if isinstance(update, Update) else "-"
    text = texts()("ops-alert", error=kind[0], handler=kind[1], update=str(update_id))
    for admin_id in sorted(admins):
        try:
            await context.bot.send_message(admin_id, text, parse_mode="HTML")
        except TelegramError as exc:
            log.warning("Could not alert admin %s: %s", admin_id, exc)
    return True
