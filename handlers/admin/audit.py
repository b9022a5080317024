"""What every admin command shares: the audit wrapper (reply on refusal or failure, record the
outcome in `admin_actions`), usage refusals, the user an argument names, and how users and
dates are written."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import Message, Update

from bot.context import CoachContext
from bot.rendering import escape
from bot.services import admin as service
from handlers.kit.replies import reply
from models import User

log = logging.getLogger(__name__)

USAGE = {
    "stats": "/stats",
    "user": "/user <id | @username>",
    "setplan": "/setplan <id | @username> <free|pro|max> [days]",
    "ban": "/ban <id | @username> [reason]",
    "unban": "/unban <id | @username>",
    "broadcast": "/broadcast <text>",
    "refund": "/refund <telegram_payment_charge_id>",
}


class UsageError(Exception):
    """A refusal the admin should read: bad arguments, unknown user, nothing to do."""


def usage_error(command: str) -> UsageError:
    return UsageError(f"Usage: {USAGE[command]}")


# ----- the audit wrapper ---------------------------------------------------------------------
Run = Callable[[Message, CoachContext, int, str], Awaitable[str]]


def _arguments(message: Message) -> str:
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def audited(command: str, run: Run) -> Callable[[Update, CoachContext], Awaitable[None]]:
    """Run an admin command, reply on refusal or failure, and record it in the audit trail."""

    async def handler(update: Update, context: CoachContext) -> None:
        message, admin = update.effective_message, update.effective_user
        if message is None or admin is None:
            return
        arguments = _arguments(message)
        ok = False
        try:
            result = await run(message, context, admin.id, arguments)
            ok = True
        except UsageError as exc:
            result = str(exc)
            await reply(message, escape(result))
        except Exception as exc:
            log.exception("Admin command /%s failed", command)
            result = f"error: {type(exc).__name__}: {exc}"
            with contextlib.suppress(Exception):
                await reply(message, f"⚠️ /{command} failed: {escape(type(exc).__name__)}.")
        await service.record_action(admin.id, command, arguments, result, ok=ok)

    return handler


async def user_arg(ref_text: str, command: str) -> User:
    ref = service.parse_user_ref(ref_text)
    if ref is None:
        raise usage_error(command)
    user = await service.find_user(ref)
    if user is None:
        raise UsageError(f"No user {ref_text}.")
    return user


def who(user: User) -> str:
    handle = f" @{user.username}" if user.username else ""
    return f"{escape(user.name)}{escape(handle)} (<code>{user.id}</code>)"


def when(moment: datetime | None, *, clock: bool = False) -> str:
    if moment is None:
        return "never"
    return moment.strftime("%Y-%m-%d %H:%M UTC" if clock else "%Y-%m-%d")
