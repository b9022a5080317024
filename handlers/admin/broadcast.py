"""Admin /broadcast: a preview with Send / Cancel buttons (`BroadcastSend`, `BroadcastCancel`),
and the sender that delivers a broadcast in the background, editing a progress message, and resumes
unfinished ones after a restart."""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import timedelta

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application

from bot.context import CoachContext
from bot.delivery import BROADCAST
from bot.i18n import Texts, texts
from bot.services import admin as service
from bot.services import broadcast
from bot.services.broadcast import Outcome, Progress, RetryLater
from bot.settings import Settings
from handlers.admin.audit import usage_error
from handlers.admin.buttons import BroadcastCancel, BroadcastSend
from handlers.kit.buttons import Press
from handlers.kit.replies import remove_keyboard, reply
from models.admin import Broadcast, DeliveryStatus

log = logging.getLogger(__name__)

PROGRESS_EVERY = 2.0  # seconds between two edits of a broadcast's progress message
_SENDERS = "admin:broadcast_senders"


# ----- /broadcast ----------------------------------------------------------------------------
_COMMAND_PREFIX = re.compile(r"^/broadcast(?:@\w+)?\s*", re.IGNORECASE)


async def broadcast_command(
    message: Message, context: CoachContext, admin_id: int, args: str
) -> str:
    html = _COMMAND_PREFIX.sub("", message.text_html or "", count=1).strip()
    if not args or not html:
        raise usage_error("broadcast")
    t = context.texts
    draft = await broadcast.create_draft(admin_id, html)
    recipients = await broadcast.recipients_count()
    await reply(message, t("admin-broadcast-preview", id=draft.id, recipients=recipients))
    keyboard = InlineKeyboardMarkup(
        [
            [
                BroadcastSend(broadcast_id=draft.id).button(t.plain("admin-button-send")),
                BroadcastCancel(broadcast_id=draft.id).button(t.plain("admin-button-cancel")),
            ]
        ]
    )
    await message.reply_text(html, parse_mode=ParseMode.HTML, reply_markup=keyboard, do_quote=False)
    return f"broadcast #{draft.id} previewed ({recipients} recipients)"


async def broadcast_button(update: Update, context: CoachContext, press: Press) -> None:
    """Send or Cancel under a preview. Anyone but an admin gets what any stale button gets."""
    t = context.texts
    if press.user_id not in context.settings.admin_ids:
        await press.answer(t.plain("kit-button-unreadable"))
        return
    data = press.data
    action = "send" if isinstance(data, BroadcastSend) else "cancel"
    broadcast_id = data.broadcast_id
    result, ok = "", False
    try:
        result, ok = await _broadcast_action(context, press, action, broadcast_id)
    except Exception as exc:
        log.exception("Broadcast button %s failed", action)
        result = f"error: {type(exc).__name__}: {exc}"
        with contextlib.suppress(TelegramError):
            await press.answer(t.plain("admin-broadcast-failed"), alert=True)
    await service.record_action(
        press.user_id, f"broadcast:{action}", str(broadcast_id), result, ok=ok
    )


async def _broadcast_action(
    context: CoachContext, press: Press, action: str, broadcast_id: int
) -> tuple[str, bool]:
    t = context.texts
    if action == "cancel":
        if not await broadcast.cancel(broadcast_id):
            await press.answer(t.plain("admin-broadcast-done-already"))
            return f"broadcast #{broadcast_id}: nothing to cancel", False
        await press.answer(t.plain("admin-broadcast-cancelled-answer"))
        await remove_keyboard(press.message)
        await reply(press.message, t("admin-broadcast-cancelled", id=broadcast_id))
        return f"broadcast #{broadcast_id} cancelled", True
    total = await broadcast.start(broadcast_id)
    if total is None:
        await press.answer(t.plain("admin-broadcast-done-already"))
        return f"broadcast #{broadcast_id}: not a draft", False
    await press.answer(t.plain("admin-broadcast-sending"))
    await remove_keyboard(press.message)
    progress = await reply(
        press.message,
        _progress_text(t, broadcast_id, Progress(total, 0, 0, 0, total), False),
    )
    await broadcast.set_progress_message(broadcast_id, progress.chat_id, progress.message_id)
    start_sender(context.application, broadcast_id)
    return f"broadcast #{broadcast_id} sending to {total} users", True


def _progress_text(t: Texts, broadcast_id: int, p: Progress, final: bool) -> str:
    figures = t.html("admin-broadcast-figures", sent=p.sent, blocked=p.blocked, failed=p.failed)
    if final:
        return t("admin-broadcast-finished", id=broadcast_id, figures=figures, total=p.total)
    return t(
        "admin-broadcast-progress", id=broadcast_id, done=p.done, total=p.total, figures=figures
    )


# ----- the sender ----------------------------------------------------------------------------
def start_sender(app: Application, broadcast_id: int) -> None:
    """Send a broadcast in the background (one sender per broadcast in this process). It stops
    between two sends when the application stops, and resumes at the next start-up."""
    senders: set[int] = app.bot_data.setdefault(_SENDERS, set())
    if broadcast_id in senders or not app.running:  # stopping: the next start-up resumes it
        return
    senders.add(broadcast_id)
    app.create_task(_send_all(app, broadcast_id), name=f"broadcast-{broadcast_id}")


async def _send_all(app: Application, broadcast_id: int) -> None:
    settings: Settings = app.bot_data["settings"]
    bot = app.bot

    async def send(user_id: int, html: str) -> Outcome:
        try:
            await bot.send_message(
                user_id, html, parse_mode=ParseMode.HTML, rate_limit_args=BROADCAST
            )
        except Forbidden as exc:
            return Outcome(DeliveryStatus.BLOCKED, exc.message)
        except RetryAfter as exc:
            wait = exc.retry_after
            raise RetryLater(
                wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            ) from None
        except BadRequest as exc:
            return Outcome(DeliveryStatus.FAILED, exc.message)
        return Outcome(DeliveryStatus.SENT)

    async def report(item: Broadcast, progress: Progress, final: bool) -> None:
        if item.progress_chat_id is None or item.progress_message_id is None:
            item = await broadcast.get(item.id) or item  # the message is set just after start
            if item.progress_chat_id is None or item.progress_message_id is None:
                return
        try:
            await bot.edit_message_text(
                _progress_text(texts(), item.id, progress, final),
                chat_id=item.progress_chat_id,
                message_id=item.progress_message_id,
                parse_mode=ParseMode.HTML,
            )
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                raise

    try:
        await broadcast.run(
            broadcast_id,
            send,
            report,
            per_second=settings.broadcast_per_second,
            should_stop=lambda: not app.running,
            report_every=PROGRESS_EVERY,
        )
    finally:
        app.bot_data.get(_SENDERS, set()).discard(broadcast_id)


async def resume_broadcasts(context: CoachContext) -> None:
    for broadcast_id in await broadcast.unfinished():
        log.info("Resuming broadcast #%s", broadcast_id)
        start_sender(context.application, broadcast_id)
