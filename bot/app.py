"""`build_application(settings)`: the one place where every handler is registered.

Order matters: python-telegram-bot tries handlers of a group in order and stops at the first
that matches, so conversations come before plain commands, and catch-alls come last.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from telegram import Update
from telegram._utils.types import JSONDict
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    TypeHandler,
)
from telegram.request import BaseRequest, HTTPXRequest
from telegram.warnings import PTBUserWarning

from bot import metrics
from bot.ai.gateway import build_gateway
from bot.availability import DatabaseGate, GatedRequest
from bot.context import CoachApplication, CoachContext, Services
from bot.persistence import DatabasePersistence
from bot.processor import PerUserUpdateProcessor
from bot.services.flood import FloodControl
from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas
from bot.services.users import save_flow
from bot.session import saving
from bot.settings import Settings
from handlers import account, flows, ops, practice, start
from handlers import admin as admin_handlers
from handlers import interviews as interview_handlers
from handlers import jobs as jobs_handlers
from handlers import jobs_edit as jobs_edit_handlers
from handlers import jobs_new as jobs_new_handlers
from handlers import plans as plans_handlers
from handlers import resume as resume_handlers
from handlers.kit import errors
from handlers.kit.flow import FlowRouter

log = logging.getLogger(__name__)

# Handler groups: lower runs first; a handler may stop later groups (ApplicationHandlerStop).
# Flood control runs before all of them, in the update processor (bot/processor.py).
PRIVATE_ONLY = -30  # groups get a pointer to the private chat and nothing else
TRACK_USERS = -20
GUARDS = -10  # bans, before any feature
PAYMENTS = -7  # payments and plan buttons: before any flow, which must not swallow them
FLOWS = -5  # starting a flow ends stale ones (handlers/flows.py)
INTERVIEWS = -3  # an interview in progress (in the DB) takes answers and its buttons first
MAIN = 0


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    token: str | None = None,
) -> CoachApplication:
    token = token or (
        settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    )
    # Flood control counts each update as it arrives, before it waits for the user's turn.
    flood = FloodControl(settings.flood_updates_per_minute, 60.0)
    processor = PerUserUpdateProcessor(settings.max_concurrent_updates, flood=flood)
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(context=CoachContext))
        .concurrent_updates(processor)
        .rate_limiter(CoachRateLimiter(max_retries=3))
        .persistence(DatabasePersistence())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    # getUpdates waits while the database is down, so fetched updates stay unconfirmed
    # (bot/availability.py).
    gate = DatabaseGate()
    polling_request = updates_request or request or HTTPXRequest(connection_pool_size=1)
    if request is not None:
        builder = builder.request(request)
    builder = builder.get_updates_request(GatedRequest(polling_request, gate))
    application: CoachApplication = builder.build()  # type: ignore[assignment]
    application.bot_data["settings"] = settings
    application.bot_data["gate"] = gate
    gate.requeue = application.update_queue.put

    def observe(update: object, seconds: float) -> None:
        metrics.observe_update(update, seconds)
        gate.settle(update)

    processor.observe = observe
    processor.notify = plans_handlers.flood_notifier(application.bot, flood.limit)
    processor.around = lambda coroutine: saving(coroutine, save_flow, lambda: _now(application))
    with warnings.catch_warnings():
        # Our conversations mix button and message steps on purpose and are tracked per user
        # and chat (per_message=False); python-telegram-bot warns about that combination.
        warnings.filterwarnings("ignore", message=".*per_message=False", category=PTBUserWarning)
        register_handlers(application)
    return application


def _now(app: Application) -> datetime:
    services: Services | None = app.bot_data.get("services")
    return services.plans.now() if services is not None else datetime.now(UTC)


class CoachRateLimiter(AIORateLimiter):
    """PTB's limiter (about 30 messages a second overall, 20 a minute per group, retries on
    429, when every request pauses) for everything except typing actions and drafts.

    Those two are cosmetic and frequent while a model writes: they must not use up the shared
    30/s (leaving less for real replies), wait behind a broadcast, or make every request pause
    on a 429 of their own. Their callers already ignore failures (handlers/streaming.py)."""

    UNLIMITED = frozenset({"sendChatAction", "sendMessageDraft"})

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        callback = metrics.observed(callback, endpoint)  # Telegram calls by method, outcome
        if endpoint in self.UNLIMITED:
            return await callback(*args, **kwargs)
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )


def register_handlers(app: CoachApplication) -> None:
    # 0. Private chats only; then every update makes sure the user row exists and is current.
    app.add_handler(TypeHandler(Update, start.private_chats_only), group=PRIVATE_ONLY)
    app.add_handler(TypeHandler(Update, start.track_user), group=TRACK_USERS)
    # The user row was read: the update may be confirmed to Telegram (bot/availability.py).
    app.add_handler(TypeHandler(Update, ops.settled), group=TRACK_USERS + 1)

    # 1. Guards (group GUARDS): bans stop an update before any feature. (Flood control has
    # already dropped updates over the limit in the update processor, before any handler.)
    app.add_handler(admin_handlers.guard_handler(), group=GUARDS)

    # 1b. Pre-checkout, successful/refunded payments, plan buttons (group PAYMENTS).
    app.add_handlers(plans_handlers.payment_handlers(), group=PAYMENTS)

    # 1b. Starting a flow ends any other flow the user left hanging (group FLOWS).
    app.add_handler(TypeHandler(Update, flows.end_stale_flows), group=FLOWS)

    # 2. Conversations (group MAIN), before plain commands so /cancel and steps reach them:
    # the user's current flow first, then whichever flow an update starts.
    app.add_handler(
        FlowRouter([*practice.flows(), *account.flows()], clock=lambda: _now(app)),
        group=MAIN,
    )
    app.add_handlers(interview_handlers.early_handlers(), group=INTERVIEWS)
    app.add_handler(jobs_edit_handlers.edit_conversation(), group=MAIN)  # before /newjob
    app.add_handler(jobs_new_handlers.newjob_conversation(), group=MAIN)
    app.add_handler(resume_handlers.conversation(), group=MAIN)

    # 3. Feature commands and buttons outside conversations.
    app.add_handlers(admin_handlers.command_handlers(app.bot_data["settings"]), group=MAIN)
    app.add_handlers(interview_handlers.command_handlers(), group=MAIN)
    app.add_handlers(jobs_handlers.handlers(), group=MAIN)
    app.add_handlers(resume_handlers.command_handlers(), group=MAIN)
    app.add_handlers(plans_handlers.command_handlers(), group=MAIN)
    app.add_handlers(account.handlers(), group=MAIN)  # /mydata
    app.add_handlers(ops.handlers(app.bot_data["settings"]), group=MAIN)  # /health (admins)

    # 4. /start, /help, /cancel outside any flow.
    app.add_handlers(start.command_handlers(), group=MAIN)

    # 5. Catch-alls: buttons of old messages, unknown commands, stray messages.
    app.add_handler(CallbackQueryHandler(start.stale_button), group=MAIN)
    app.add_handlers(start.fallback_handlers(), group=MAIN)

    # 6. One error handler for everything.
    app.add_error_handler(errors.on_error)


async def post_init(app: Application) -> None:
    """Create services (closed in post_shutdown) and publish the command menu."""
    settings: Settings = app.bot_data["settings"]
    plans = PlanPolicy.from_settings(settings)  # limits, prices, the clock
    app.bot_data["services"] = Services(
        settings=settings,
        gateway=build_gateway(settings, metrics.observe_model_call),
        plans=plans,
        quotas=Quotas(plans),
    )
    await app.bot.set_my_commands(start.bot_commands())
    await admin_handlers.post_init(app)  # admins' menu; resume unfinished broadcasts
    log.info(
        "Bot @%s ready (%s coach)",
        app.bot.username,
        "offline" if settings.offline else "OpenAI-compatible",
    )


async def post_shutdown(app: Application) -> None:
    services: Services | None = app.bot_data.pop("services", None)
    if services is not None:
        await services.gateway.aclose()
