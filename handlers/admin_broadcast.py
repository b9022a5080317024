"""Admin /broadcast: a preview with Send / Cancel buttons (`admin:send|cancel:<id>`), and the
sender that delivers a broadcast in the background, editing a progress message, and resumes
unfinished ones after a restart."""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application

from bot.context import CoachContext
from bot.services import admin as service
from bot.services import broadcast
from bot.services.broadcast import Outcome, Progress, RetryLater
from bot.settings import Settings
from handlers import callbacks, start
from handlers.admin_audit import usage_error
from handlers.kit.replies import remove_keyboard, reply
from models.admin import Broadcast, DeliveryStatus

log = logging.getLogger(__name__)

FEATURE = "admin"
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
    draft = await broadcast.create_draft(admin_id, html)
    recipients = await broadcast.recipients_count()
    await reply(
        message,
        f"📣 Broadcast #{draft.id} preview. It goes to <b>{recipients}</b> active users "
        "who haven't blocked the bot:",
    )
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "Send", callback_data=callbacks.make(FEATURE, "send", draft.id)
                ),
                InlineKeyboardButton(
                    "Cancel", callback_data=callbacks.make(FEATURE, "cancel", draft.id)
                ),
            ]
        ]
    )
    await message.reply_text(html, parse_mode=ParseMode.HTML, reply_markup=keyboard, do_quote=False)
    return f"broadcast #{draft.id} previewed ({recipients} recipients)"


async def broadcast_button(update: Update, context: CoachContext) -> None:
    """Send or Cancel under a preview. Anyone but an admin gets what any stale button gets."""
    query, admin = update.callback_query, update.effective_user
    assert query is not None
    if admin is None or admin.id not in context.settings.admin_ids:
        await start.stale_button(update, context)
        return
    data = callbacks.parse(query.data)
    broadcast_id = int(data.arg() or 0) if data and (data.arg() or "").isdigit() else 0
    action = data.action if data else ""
    result, ok = "", False
    try:
        result, ok = await _broadcast_action(update, context, action, broadcast_id)
    except Exception as exc:
        log.exception("Broadcast button %s failed", action)
        result = f"error: {type(exc).__name__}: {exc}"
        with contextlib.suppress(TelegramError):
            await query.answer("That failed; see the logs.", show_alert=True)
    await service.record_action(admin.id, f"broadcast:{action}", str(broadcast_id), result, ok=ok)


async def _broadcast_action(
    update: Update, context: CoachContext, action: str, broadcast_id: int
) -> tuple[str, bool]:
    query = update.callback_query
    assert query is not None
    if action == "cancel":
        if not await broadcast.cancel(broadcast_id):
            await query.answer("This broadcast was sent or cancelled already.")
            return f"broadcast #{broadcast_id}: nothing to cancel", False
        await query.answer("Cancelled.")
        await remove_keyboard(query.message)
        if isinstance(query.message, Message):
            await reply(query.message, f"Broadcast #{broadcast_id} cancelled; nothing was sent.")
        return f"broadcast #{broadcast_id} cancelled", True
    total = await broadcast.start(broadcast_id)
    if total is None:
        await query.answer("This broadcast was sent or cancelled already.")
        return f"broadcast #{broadcast_id}: not a draft", False
    await query.answer("Sending…")
    await remove_keyboard(query.message)
    if isinstance(query.message, Message):
        progress = await reply(
            query.message, _progress_text(broadcast_id, Progress(total, 0, 0, 0, total), False)
        )
        await broadcast.set_progress_message(broadcast_id, progress.chat_id, progress.message_id)
    start_sender(context.application, broadcast_id)
    return f"broadcast #{broadcast_id} sending to {total} users", True


def _progress_text(broadcast_id: int, p: Progress, final: bool) -> str:
    figures = f"sent {p.sent} · blocked the bot {p.blocked} · failed {p.failed}"
    if final:
        return f"✅ Broadcast #{broadcast_id} finished: {figures} (of {p.total})."
    return f"📤 Broadcast #{broadcast_id}: {p.done}/{p.total} — {figures}"


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
            await bot.send_message(user_id, html, parse_mode=ParseMode.HTML)
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
                _progress_text(item.id, progress, final),
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
