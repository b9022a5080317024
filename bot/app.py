"""`build_application(settings)`: the one place where every handler is registered.

Order matters: python-telegram-bot tries handlers of a group in order and stops at the first
that matches, so conversations come before plain commands, and catch-alls come last.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ContextTypes,
    TypeHandler,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot import metrics
from bot.ai.gateway import build_gateway
from bot.availability import DatabaseGate, GatedRequest
from bot.context import CoachApplication, CoachContext, Services
from bot.delivery import OutgoingScheduler
from bot.i18n import languages, texts
from bot.inbound import clean_update
from bot.pastes import PasteJoiner
from bot.processor import PerUserUpdateProcessor
from bot.services.flood import FloodControl
from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas
from bot.services.resume import RetryTexts
from bot.services.users import save_flow
from bot.session import saving
from bot.settings import Settings
from handlers import account, language, learning, ops, practice, start
from handlers import admin as admin_handlers
from handlers import interviews as interview_handlers
from handlers import jobs as jobs_handlers
from handlers import plans as plans_handlers
from handlers import resume as resume_handlers
from handlers.kit import errors
from handlers.kit.dispatch import IndexedGroup
from handlers.kit.flow import FlowRouter
from handlers.learning import scheduler as learning_scheduler

log = logging.getLogger(__name__)

# Handler groups: lower runs first; a handler may stop later groups (ApplicationHandlerStop).
# Flood control runs before all of them, in the update processor (bot/processor.py).
PRIVATE_ONLY = -30  # groups get a pointer to the private chat and nothing else
TRACK_USERS = -20
GUARDS = -10  # bans, before any feature
PASTES = -8  # "your paste came in parts": after the ban guard, before the step it feeds
PAYMENTS = -7  # payments and plan buttons: before any flow, which must not swallow them
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
        .application_class(CoachApplicationClass)
        .token(token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(context=CoachContext))
        .concurrent_updates(processor)
        .rate_limiter(OutgoingScheduler())  # limits, priorities, retries: bot/delivery.py
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
    # Polling waits for fetched updates to reach the database (bot/availability.py), not for
    # updates queued behind their user's slow one: those would hold up everyone's next fetch.
    processor.queued = gate.settle
    processor.notify = plans_handlers.flood_notifier(application.bot, flood.limit)
    # A paste the client split in parts is handled as one message (bot/pastes.py).
    processor.pastes = PasteJoiner(application.bot, settings.paste_window_seconds)
    processor.handle = application.process_update
    processor.around = lambda coroutine: saving(coroutine, save_flow, lambda: _now(application))
    register_handlers(application)
    return application


class CoachApplicationClass(Application):  # type: ignore[type-arg]
    """The application with one boundary step: text no database can store is replaced before
    any handler (or the update processor's ordering) sees the update (`bot.inbound`)."""

    async def process_update(self, update: object) -> None:
        if isinstance(update, Update):
            update = clean_update(update, self.bot)
        await super().process_update(update)


def _now(app: Application) -> datetime:
    services: Services | None = app.bot_data.get("services")
    return services.plans.now() if services is not None else datetime.now(UTC)


def register_handlers(app: CoachApplication) -> None:
    # 0. Private chats only; then every update makes sure the user row exists and is current.
    app.add_handler(TypeHandler(Update, start.private_chats_only), group=PRIVATE_ONLY)
    # (Once the user row is read, the update may be confirmed to Telegram: see track_user.)
    app.add_handler(TypeHandler(Update, start.track_user), group=TRACK_USERS)

    # 1. Guards (group GUARDS): bans stop an update before any feature. (Flood control has
    # already dropped updates over the limit in the update processor, before any handler.)
    app.add_handler(admin_handlers.guard_handler(), group=GUARDS)

    # 1a. A paste the client split, joined by the update processor, is said to be so.
    app.add_handler(start.paste_joined_handler, group=PASTES)

    # 1b. Pre-checkout, successful/refunded payments, plan buttons (group PAYMENTS).
    app.add_handlers(plans_handlers.payment_handlers(), group=PAYMENTS)

    # 2. Conversations (group MAIN), before plain commands so /cancel and steps reach them:
    # the user's current flow first, then whichever flow an update starts.
    main: list[BaseHandler[Any, Any, Any]] = [
        FlowRouter(
            [
                *jobs_handlers.flows(),  # /newjob and editing guard their steps
                *practice.flows(),
                *interview_handlers.flows(),
                *resume_handlers.flows(),
                *learning.flows(),
                *account.flows(),
            ],
            clock=lambda: _now(app),
        ),
        *interview_handlers.handlers(),  # from any flow: /end, buttons
        # 3. Feature commands and buttons outside conversations.
        *admin_handlers.command_handlers(app.bot_data["settings"]),
        *jobs_handlers.handlers(),
        *resume_handlers.handlers(),
        *plans_handlers.handlers(),
        *learning.handlers(),  # /progress, the job card's Progress
        *account.handlers(),  # /mydata
        *ops.handlers(app.bot_data["settings"]),  # /health (admins)
        *language.handlers(),  # /language
        # 4. /start, /help, /cancel outside any flow.
        *start.command_handlers(),
        # 5. Catch-alls: buttons of old messages, unknown commands, stray messages.
        CallbackQueryHandler(start.stale_button),
        *start.fallback_handlers(),
    ]
    # Tried in this order; a command or a button is only offered to the handlers of that
    # command or kind of button and to those without one (handlers/kit/dispatch.py).
    app.add_handler(IndexedGroup(main), group=MAIN)

    # 6. One error handler for everything.
    app.add_error_handler(errors.on_error)


async def post_init(app: Application) -> None:
    """Create services (closed in post_shutdown) and publish the command menu."""
    settings: Settings = app.bot_data["settings"]
    metrics.PULSE.reset()  # /healthz speaks of this application's updates and model calls
    plans = PlanPolicy.from_settings(settings)  # limits, prices, the clock
    app.bot_data["services"] = Services(
        settings=settings,
        gateway=build_gateway(settings, metrics.observe_model_call),
        plans=plans,
        quotas=Quotas(plans),
        resume_retries=RetryTexts(),
    )
    # The menu in every catalogue language (Telegram shows the user's), English by default.
    await app.bot.set_my_commands(start.bot_commands())
    for code in languages()[1:]:
        await app.bot.set_my_commands(start.bot_commands(texts(code)), language_code=code)
    await admin_handlers.post_init(app)  # admins' menu; resume unfinished broadcasts
    learning_scheduler.start(app)  # daily practice reminders
    log.info(
        "Bot @%s ready (%s coach)",
        app.bot.username,
        "offline" if settings.offline else "OpenAI-compatible",
    )


async def post_shutdown(app: Application) -> None:
    services: Services | None = app.bot_data.pop("services", None)
    if services is not None:
        await services.gateway.aclose()
