"""Admin commands: /stats /user /setplan /ban /unban /broadcast /refund, the ban guard, the
admins' command menu, and the broadcast sender.

Admin commands are registered with `filters.User(settings.admin_ids)`: from anyone else they
fall through to the catch-all and get the reply any unknown command gets. Every admin command
is written to the audit trail (`admin_actions`) with its outcome; a bad argument gets a
one-line usage message, and a failure is reported to the admin, never raised.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    TypeHandler,
    filters,
)

from bot.context import CoachContext
from bot.rendering import escape
from bot.services import admin as service
from bot.services import broadcast, plans
from bot.services.broadcast import Outcome, Progress, RetryLater
from bot.services.quotas import Usage
from bot.settings import Settings
from handlers import callbacks, start
from handlers.replies import reply
from models import User
from models.admin import Broadcast, DeliveryStatus
from models.payments import Plan

log = logging.getLogger(__name__)

FEATURE = "admin"
BAN_NOTICE = "🚫 Your access to this bot has been suspended."
BAN_NOTICE_EVERY = 3600.0  # seconds between two notices to the same banned user
PROGRESS_EVERY = 2.0  # seconds between two edits of a broadcast's progress message
_NOTICES = "admin:ban_notices"
_SENDERS = "admin:broadcast_senders"

ADMIN_COMMANDS: list[tuple[str, str]] = [
    ("stats", "Admin: usage figures"),
    ("user", "Admin: look up a user"),
    ("setplan", "Admin: set a user's plan"),
    ("ban", "Admin: ban a user"),
    ("unban", "Admin: lift a ban"),
    ("broadcast", "Admin: message every user"),
    ("refund", "Admin: refund a Stars payment"),
]

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


def _usage(command: str) -> UsageError:
    return UsageError(f"Usage: {USAGE[command]}")


# ----- the audit wrapper ---------------------------------------------------------------------
Run = Callable[[Message, CoachContext, int, str], Awaitable[str]]


def _arguments(message: Message) -> str:
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _audited(command: str, run: Run) -> Callable[[Update, CoachContext], Awaitable[None]]:
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


async def _user(ref_text: str, command: str) -> User:
    ref = service.parse_user_ref(ref_text)
    if ref is None:
        raise _usage(command)
    user = await service.find_user(ref)
    if user is None:
        raise UsageError(f"No user {ref_text}.")
    return user


def _who(user: User) -> str:
    handle = f" @{user.username}" if user.username else ""
    return f"{escape(user.name)}{escape(handle)} (<code>{user.id}</code>)"


def _date(moment: datetime | None, *, clock: bool = False) -> str:
    if moment is None:
        return "never"
    return moment.strftime("%Y-%m-%d %H:%M UTC" if clock else "%Y-%m-%d")


# ----- /stats --------------------------------------------------------------------------------
def _figure(value: float | None, fmt: str = "{:.1f}") -> str:
    return "—" if value is None else fmt.format(value)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


async def stats_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if args:
        raise _usage("stats")
    s = await service.stats(context.services.plans)
    plans_line = (
        " · ".join(f"{name} {count}" for name, count in s.users_per_plan.items())
        if s.users_per_plan is not None
        else "—"
    )
    lines = [
        "📊 <b>Stats</b>",
        f"Users: <b>{s.users}</b> · new in 7 days {s.new_users} · active in 7 days "
        f"{s.active_users}",
        f"Blocked the bot: {s.blocked_users} · banned: {s.banned_users}",
        f"Plans: {plans_line}",
        f"Job profiles: {s.job_profiles}",
        f"Questions: {s.questions} · answers: {_figure(s.answers, '{:.0f}')}"
        f" · average rating {_figure(s.answers_avg_rating)}/10",
        f"Interviews: {s.interviews} · completed {_figure(s.interviews_completed, '{:.0f}')}"
        f" · average duration {_duration(s.interview_avg_seconds)}"
        f" · average rating {_figure(s.interview_avg_rating)}/10",
        f"Resume analyses: {_figure(s.resume_analyses, '{:.0f}')}",
        f"Stars received: <b>{s.stars}</b> ⭐ from {s.payments} payments (refunds excluded)",
    ]
    await reply(message, "\n".join(lines))
    return f"users={s.users} stars={s.stars}"


# ----- /user ---------------------------------------------------------------------------------
_RESOURCE_NAMES = {
    "question": "practice questions",
    "interview": "mock interviews",
    "resume": "resume analyses",
}


def _usage_lines(usage: Usage) -> list[str]:
    lines = []
    for resource, used in usage.used.items():
        name = _RESOURCE_NAMES.get(resource, resource)
        limit = usage.limits.get(resource)
        if limit is None:
            lines.append(f"{name}: {used} (unlimited)")
        elif limit == 0:
            lines.append(f"{name}: {used} (not in the plan)")
        else:
            lines.append(f"{name}: {used} of {limit}")
    lines.append(f"interview starts left: {usage.interview_starts} of {usage.bucket_capacity}")
    return lines


async def user_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1:
        raise _usage("user")
    user = await _user(args, "user")
    info = await service.profile(context.services.quotas, user)
    plan = plans.plan_name(info.usage.plan)
    if info.usage.plan is not Plan.FREE:
        expires = info.usage.expires_at
        plan += f" until {_date(expires)}" if expires else " (no end)"
    elif info.usage.expired is not None:
        plan += f" ({plans.plan_name(info.usage.expired)} has ended)"
    status = "active"
    if user.is_banned:
        status = "🚫 banned" + (f": {escape(user.ban_reason)}" if user.ban_reason else "")
    lines = [
        f"👤 {_who(user)}",
        f"Joined {_date(user.created_at)} · last active {_date(user.last_seen_at, clock=True)}",
        f"Plan: <b>{escape(plan)}</b>",
        "Usage: " + " · ".join(escape(line) for line in _usage_lines(info.usage)),
        f"Job profiles: {info.job_profiles}",
        f"Reachable: {'yes' if user.is_active else 'no (blocked the bot)'}",
        f"Status: {status}",
    ]
    await reply(message, "\n".join(lines))
    return f"shown user {user.id}"


# ----- /setplan ------------------------------------------------------------------------------
async def setplan_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    parts = args.split()
    if len(parts) not in (2, 3):
        raise _usage("setplan")
    try:
        plan = Plan(parts[1].lower())
        days = int(parts[2]) if len(parts) == 3 else None
    except ValueError:
        raise _usage("setplan") from None
    if days is not None and not 1 <= days <= service.MAX_PLAN_DAYS:
        raise UsageError(f"Days must be 1 to {service.MAX_PLAN_DAYS}.")
    if plan is Plan.FREE and days is not None:
        raise UsageError("The free plan has no end: /setplan <user> free")
    user = await _user(parts[0], "setplan")
    expires = await service.set_plan(context.services.plans, user, plan, days)
    until = f" until {_date(expires)}" if expires else ("" if plan is Plan.FREE else " (no end)")
    await reply(message, f"✅ {_who(user)} is now on <b>{plans.plan_name(plan)}</b>{until}.")
    return f"user {user.id}: {plan.value}{until}"


# ----- /ban /unban ---------------------------------------------------------------------------
async def ban_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    parts = args.split(maxsplit=1)
    if not parts:
        raise _usage("ban")
    reason = parts[1].strip()[:255] if len(parts) > 1 else None
    user = await _user(parts[0], "ban")
    if user.id in context.settings.admin_ids:
        raise UsageError("Admins can't be banned.")
    newly = await service.ban(user.id, reason)
    _notices(context.application).pop(user.id, None)
    because = f" Reason: {escape(reason)}" if reason else ""
    verb = "Banned" if newly else "Already banned:"
    await reply(message, f"🚫 {verb} {_who(user)}.{because}")
    return f"user {user.id} {'banned' if newly else 'already banned'}"


async def unban_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1:
        raise _usage("unban")
    user = await _user(args, "unban")
    if not await service.unban(user.id):
        raise UsageError(f"User {user.id} is not banned.")
    _notices(context.application).pop(user.id, None)
    await reply(message, f"✅ Unbanned {_who(user)}.")
    return f"user {user.id} unbanned"


# ----- /refund -------------------------------------------------------------------------------
async def refund_command(message: Message, context: CoachContext, admin_id: int, args: str) -> str:
    if not args or len(args.split()) != 1 or len(args) > 255:
        raise _usage("refund")
    payment = await service.find_payment(args)
    if payment is None:
        raise UsageError("No payment with that charge id.")
    if payment.refunded:
        raise UsageError("That payment was refunded already.")
    try:
        await context.bot.refund_star_payment(payment.user_id, args)
    except TelegramError as exc:
        raise UsageError(f"Telegram refused the refund: {exc.message}") from None
    refunded = await context.services.plans.refund_payment(args)
    if refunded is None:  # the payment row went away meanwhile (its user was deleted)
        await reply(message, "↩️ Telegram refunded it; the payment record is gone.")
        return f"refunded by Telegram; payment {args} no longer recorded"
    await reply(
        message,
        f"↩️ Refunded {payment.amount} ⭐ to user <code>{payment.user_id}</code> "
        f"({plans.plan_name(payment.plan)} plan time taken back).",
    )
    return f"refunded {payment.amount} XTR to user {payment.user_id}"


# ----- /broadcast ----------------------------------------------------------------------------
_COMMAND_PREFIX = re.compile(r"^/broadcast(?:@\w+)?\s*", re.IGNORECASE)


async def broadcast_command(
    message: Message, context: CoachContext, admin_id: int, args: str
) -> str:
    html = _COMMAND_PREFIX.sub("", message.text_html or "", count=1).strip()
    if not args or not html:
        raise _usage("broadcast")
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
        await _drop_keyboard(query.message)
        if isinstance(query.message, Message):
            await reply(query.message, f"Broadcast #{broadcast_id} cancelled; nothing was sent.")
        return f"broadcast #{broadcast_id} cancelled", True
    total = await broadcast.start(broadcast_id)
    if total is None:
        await query.answer("This broadcast was sent or cancelled already.")
        return f"broadcast #{broadcast_id}: not a draft", False
    await query.answer("Sending…")
    await _drop_keyboard(query.message)
    if isinstance(query.message, Message):
        progress = await reply(
            query.message, _progress_text(broadcast_id, Progress(total, 0, 0, 0, total), False)
        )
        await broadcast.set_progress_message(broadcast_id, progress.chat_id, progress.message_id)
    start_sender(context.application, broadcast_id)
    return f"broadcast #{broadcast_id} sending to {total} users", True


async def _drop_keyboard(message: object) -> None:
    if isinstance(message, Message) and message.reply_markup:
        with contextlib.suppress(BadRequest):
            await message.edit_reply_markup(reply_markup=None)


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


async def _resume_broadcasts(context: CoachContext) -> None:
    for broadcast_id in await broadcast.unfinished():
        log.info("Resuming broadcast #%s", broadcast_id)
        start_sender(context.application, broadcast_id)


# ----- the ban guard -------------------------------------------------------------------------
def _notices(app: Application) -> dict[int, float]:
    notices: dict[int, float] = app.bot_data.setdefault(_NOTICES, {})
    return notices


async def ban_guard(update: Update, context: CoachContext) -> None:
    """A banned user gets one short notice (again at most hourly) and nothing else; their
    payments can't start (pre-checkout refused), but a charge already made is still recorded."""
    user = update.effective_user
    if user is None or user.id in context.settings.admin_ids:
        return
    message = update.message
    if message is not None and (message.successful_payment or message.refunded_payment):
        return  # money Telegram has moved already (e.g. a subscription renewal) is recorded
    if not await service.is_banned(user.id):
        return
    notices = _notices(context.application)
    now = time.monotonic()
    due = now - notices.get(user.id, float("-inf")) >= BAN_NOTICE_EVERY
    if due:
        notices[user.id] = now
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(BAN_NOTICE if due else None)
        elif update.pre_checkout_query is not None:
            await update.pre_checkout_query.answer(ok=False, error_message=BAN_NOTICE)
        elif (
            due
            and update.effective_message is not None
            and update.effective_chat is not None
            and update.effective_chat.type == ChatType.PRIVATE
        ):
            await reply(update.effective_message, BAN_NOTICE)
    except TelegramError as exc:
        log.info("Could not tell banned user %s: %s", user.id, exc)
    raise ApplicationHandlerStop


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
        CommandHandler(name, _audited(name, run), filters=admins) for name, run in runs.items()
    ]
    handlers.append(
        CallbackQueryHandler(broadcast_button, pattern=callbacks.pattern(FEATURE, "send", "cancel"))
    )
    return handlers


async def post_init(app: Application) -> None:
    """The admins' command menu (public commands + admin ones, in their chats only), and the
    resumption of broadcasts a restart interrupted, once the application runs."""
    settings: Settings = app.bot_data["settings"]
    menu = start.bot_commands() + [BotCommand(name, text) for name, text in ADMIN_COMMANDS]
    for admin_id in sorted(settings.admin_ids):
        try:
            await app.bot.set_my_commands(menu, scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:  # e.g. the admin never opened a chat with the bot
            log.warning("Could not set the admin menu for %s: %s", admin_id, exc)
    if app.job_queue is None:
        log.warning("No job queue (APScheduler missing): unfinished broadcasts won't resume")
        return
    app.job_queue.run_once(
        _resume_broadcasts,  # type: ignore[arg-type]
        when=0,
        name="admin:resume_broadcasts",
        job_kwargs={"misfire_grace_time": None},
    )
