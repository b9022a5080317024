"""Admin commands: /stats /user /setplan /ban /unban /broadcast /refund, the ban guard, the
admins' command menu, and the broadcast sender. This module registers them and sets the menu;
the commands live in `users` (lookups), `accounts` (plans, refunds, bans and the guard) and
`broadcast` (its buttons in `buttons`), what they share in `audit`. The menu's descriptions are
in bot/locale/en/admin.ftl (`admin-command-<name>`).

Admin commands are registered with `filters.User(settings.admin_ids)`: from anyone else they
fall through to the catch-all and get the reply any unknown command gets. Every admin command
is written to the audit trail (`admin_actions`) with its outcome; a bad argument gets a
one-line usage message, and a failure is reported to the admin, never raised.
"""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    BaseHandler,
    CommandHandler,
    TypeHandler,
    filters,
)

from bot.i18n import Texts, texts
from bot.services import admin as service
from bot.services.users import language_of
from bot.settings import Settings
from handlers import start
from handlers.admin.accounts import (
    ban_command,
    ban_guard,
    refund_command,
    setplan_command,
    unban_command,
)
from handlers.admin.audit import Run, audited
from handlers.admin.broadcast import broadcast_button, broadcast_command, resume_broadcasts
from handlers.admin.buttons import BroadcastCancel, BroadcastSend
from handlers.admin.users import stats_command, user_command
from handlers.kit.buttons import on_press
from handlers.kit.flow import Flow

log = logging.getLogger(__name__)

ADMIN_COMMANDS: tuple[str, ...] = (
    "stats",
    "user",
    "setplan",
    "ban",
    "unban",
    "broadcast",
    "refund",
)


def admin_commands(t: Texts | None = None) -> list[BotCommand]:
    """The admin commands of the menu, described from the catalogue."""
    t = t or texts()
    return [BotCommand(name, t.plain(f"admin-command-{name}")) for name in ADMIN_COMMANDS]


def admin_menu(t: Texts) -> list[BotCommand]:
    """An admin's chat menu: the public commands, then the admin ones, in their language."""
    return start.bot_commands(t) + admin_commands(t)


# ----- registration --------------------------------------------------------------------------
def guard_handler() -> TypeHandler:
    return TypeHandler(Update, ban_guard)


def command_handlers(settings: Settings) -> list[BaseHandler]:
    """Admin commands for the admins only; everyone else falls through to the catch-all."""
    admins = filters.User(user_id=settings.admin_ids)
    runs: dict[str, Run] = {
        "stats": stats_command,
        "user": user_command,
        "setplan": setplan_command,
        "ban": ban_command,
        "unban": unban_command,
        "broadcast": broadcast_command,
        "refund": refund_command,
    }
    handlers: list[BaseHandler] = [
        CommandHandler(name, audited(name, run), filters=admins) for name, run in runs.items()
    ]
    handlers += [
        on_press(BroadcastSend, broadcast_button),
        on_press(BroadcastCancel, broadcast_button),
    ]
    return handlers


def flows() -> list[Flow]:
    return []  # no conversation


async def post_init(app: Application) -> None:
    """The admins' command menu (public commands + admin ones, in their chats only) — taken
    back from former admins — and the resumption of broadcasts a restart interrupted, once the
    application runs. Each admin's menu is in their /language."""
    settings: Settings = app.bot_data["settings"]
    for admin_id in sorted(settings.admin_ids):
        menu = admin_menu(texts(await language_of(admin_id)))
        try:
            await app.bot.set_my_commands(menu, scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:  # e.g. the admin never opened a chat with the bot
            log.warning("Could not set the admin menu for %s: %s", admin_id, exc)
            continue
        await service.remember_menu(admin_id)
    for former in await service.former_admins_with_menu(settings.admin_ids):
        try:
            await app.bot.delete_my_commands(scope=BotCommandScopeChat(former))
        except TelegramError as exc:  # tried again at the next start
            log.warning("Could not remove the admin menu of former admin %s: %s", former, exc)
            continue
        await service.menu_removed(former)
        log.info("Removed the admin menu of former admin %s", former)
    if app.job_queue is None:
        log.warning("No job queue (APScheduler missing): unfinished broadcasts won't resume")
        return
    app.job_queue.run_once(
        resume_broadcasts,  # type: ignore[arg-type]
        when=0,
        name="admin:resume_broadcasts",
        job_kwargs={"misfire_grace_time": None},
    )
