"""What every admin command shares: the audit wrapper (reply on refusal or failure, record the
outcome in `admin_actions`), usage refusals, the user an argument names, and how users and
dates are written."""

from __future__ import annotations

import contextlib
import html
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import Message, Update

from bot.context import CoachContext
from bot.i18n import Html, Texts, texts
from bot.services import admin as service
from handlers.kit.replies import reply
from models import User

log = logging.getLogger(__name__)


class UsageError(Exception):
    """A refusal the admin should read: bad arguments, unknown user, nothing to do. `key` is
    its catalogue message (`admin-…`), `values` the message's arguments."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key, args)
        self.key = key
        self.values = args

    def text(self, t: Texts) -> str:
        return t(self.key, **self.values)


def usage_error(command: str) -> UsageError:
    """How `command` is used (`admin-usage-<command>`)."""
    return UsageError(f"admin-usage-{command}")


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
            result = html.unescape(exc.text(texts()))  # the audit trail is in English
            await reply(message, exc.text(context.texts))
        except Exception as exc:
            log.exception("Admin command /%s failed", command)
            result = f"error: {type(exc).__name__}: {exc}"
            with contextlib.suppress(Exception):
                failed = context.texts("admin-failed", command=command, error=type(exc).__name__)
                await reply(message, failed)
        await service.record_action(admin.id, command, arguments, result, ok=ok)

    return handler


async def user_arg(ref_text: str, command: str) -> User:
    ref = service.parse_user_ref(ref_text)
    if ref is None:
        raise usage_error(command)
    user = await service.find_user(ref)
    if user is None:
        raise UsageError("admin-no-user", ref=ref_text)
    return user


def who(t: Texts, user: User) -> Html:
    handle = f" @{user.username}" if user.username else ""
    return t.html("admin-who", name=user.name, handle=handle, id=user.id)


def when(t: Texts, moment: datetime | None, *, clock: bool = False) -> str:
    if moment is None:
        return t.plain("admin-never")
    return day(moment, clock=clock)


def day(moment: datetime, *, clock: bool = False) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC" if clock else "%Y-%m-%d")
