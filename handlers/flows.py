"""One flow at a time.

When an update starts a conversation (matches its entry points) and no conversation the user
is already in would take that update itself, every other conversation of the user ends first.
So a practice question left unanswered can't swallow text meant for a flow started later,
while a flow that guards its own steps (e.g. /newjob refusing other commands until it is
finished or cancelled) keeps doing so.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ConversationHandler

from bot.context import CoachContext
from handlers.kit.flow import FlowRouter

log = logging.getLogger(__name__)


def conversations(app: Application) -> list[ConversationHandler]:
    return [
        handler
        for group in sorted(app.handlers)
        for handler in app.handlers[group]
        if isinstance(handler, ConversationHandler)
    ]


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


def _flow_starts(app: Application, update: Update) -> bool:
    """A flow of the kit's `FlowRouter` starts with this update (while features move to it)."""
    for group in app.handlers.values():
        for handler in group:
            if isinstance(handler, FlowRouter):
                match = handler.check_update(update)
                return bool(match is not None and match.entering)
    return False


async def end_stale_flows(update: Update, context: CoachContext) -> None:
    if update.effective_user is None:
        return
    all_conversations = conversations(context.application)
    active = [(c, k) for c in all_conversations if (k := _active_key(c, update)) is not None]
    if not active:
        return
    if any(conversation.check_update(update) for conversation, _ in active):
        return  # a flow the user is in takes this update itself
    starting = [c for c in all_conversations if _starts(c, update)]
    if not starting and not _flow_starts(context.application, update):
        return
    for conversation, key in active:
        if conversation not in starting:
            conversation._conversations.pop(key, None)  # tracked: persistence drops it too
            log.info(
                "Ended flow %s for user %s: another flow started",
                conversation.name,
                update.effective_user.id,
            )
