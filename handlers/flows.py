"""One flow at a time, across the two kinds of conversation while features are being ported:
`ConversationHandler`s not yet ported and the flows of the `FlowRouter` (handlers/kit/flow.py),
which handles the one-flow rule among its own flows.

When an update starts a conversation (matches its entry points) and no conversation the user
is already in would take that update itself, every other conversation of the user ends first:
- a router flow starting ends the user's `ConversationHandler`s;
- a `ConversationHandler` starting ends the others and leaves the user's router flow (which
  says so in its `left` line, e.g. the interview is paused).
So a practice question left unanswered can't swallow text meant for a flow started later,
while a flow that guards its own steps (e.g. /newjob refusing other commands until it is
finished or cancelled) keeps doing so. This module goes once every feature is a router flow.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ConversationHandler

from bot.context import CoachContext
from bot.session import current
from handlers.kit.flow import FlowRouter

log = logging.getLogger(__name__)


def conversations(app: Application) -> list[ConversationHandler]:
    return [
        handler
        for group in sorted(app.handlers)
        for handler in app.handlers[group]
        if isinstance(handler, ConversationHandler)
    ]


def _router(app: Application) -> FlowRouter | None:
    return next(
        (h for group in app.handlers.values() for h in group if isinstance(h, FlowRouter)), None
    )


def _active_key(conversation: ConversationHandler, update: Update) -> tuple | None:
    # python-telegram-bot has no public way to end a conversation from outside it; these two
    # private members are the narrowest hook (pinned to PTB 22, covered by tests/test_flows.py).
    try:
        key = conversation._get_key(update)
    except RuntimeError:  # e.g. a button press without its message: no chat to key by
        return None
    return key if key in conversation._conversations else None


def _starts(conversation: ConversationHandler, update: Update) -> bool:
    return any(entry.check_update(update) for entry in conversation.entry_points)


def _end(conversation: ConversationHandler, key: tuple, update: Update) -> None:
    conversation._conversations.pop(key, None)  # tracked: persistence drops it too
    assert update.effective_user is not None
    log.info(
        "Ended flow %s for user %s: another flow started",
        conversation.name,
        update.effective_user.id,
    )


async def end_stale_flows(update: Update, context: CoachContext) -> None:
    if update.effective_user is None:
        return
    app = context.application
    router, session = _router(app), current()
    routed = router.check_update(update) if router is not None else None
    all_conversations = conversations(app)
    active = [(c, k) for c in all_conversations if (k := _active_key(c, update)) is not None]
    if routed is not None:
        if getattr(routed, "entering", False):  # a router flow starts: it is the only one
            for conversation, key in active:
                _end(conversation, key, update)
        return  # the user's router flow takes this update itself
    if any(conversation.check_update(update) for conversation, _ in active):
        return  # a flow the user is in takes this update itself
    starting = [c for c in all_conversations if _starts(c, update)]
    if not starting:
        return
    for conversation, key in active:
        if conversation not in starting:
            _end(conversation, key, update)
    if router is not None and session is not None and router.active_flow(session) is not None:
        await router.leave(update, context, session)
