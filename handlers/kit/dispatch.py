"""A handler group tried in python-telegram-bot's order, without asking handlers that can't match.

python-telegram-bot asks every handler of a group in turn (`check_update`) until one accepts
the update: a command or a button late in a group of fifty is first checked against the forty
before it. `IndexedGroup` keeps the group's handlers in their order and knows the ones that can
only ever accept one command (`CommandHandler`) or one kind of button (`ButtonHandler`, made by
`on_press`). For an update it asks, in the same order, the handlers keyed by the update's
command or button kind and every handler without a key; the first that accepts handles the
update, exactly as it would have in the plain group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import MessageEntity, Update
from telegram.ext import Application, BaseHandler, CallbackQueryHandler, CommandHandler

from bot.context import CoachContext

Key = tuple[str, str]  # ("command", "help") or ("button", "job.open")


class ButtonHandler(CallbackQueryHandler):  # type: ignore[type-arg]
    """A CallbackQueryHandler for one kind of typed button: its data starts with `prefix`."""

    def __init__(self, callback: Any, prefix: str, pattern: str) -> None:
        super().__init__(callback, pattern=pattern)
        self.prefix = prefix


def update_key(update: object) -> Key | None:
    """The command a message starts with, or the kind of button pressed (None for the rest),
    read as `CommandHandler` and the buttons' patterns read them."""
    if not isinstance(update, Update):
        return None
    query = update.callback_query
    if query is not None:
        return ("button", query.data.split(":", 1)[0]) if isinstance(query.data, str) else None
    message = update.effective_message
    if message is None or not message.text or not message.entities:
        return None
    first = message.entities[0]
    if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
        return None
    return ("command", message.text[1 : first.length].split("@")[0].lower())


def keys_of(handler: BaseHandler[Any, Any, Any]) -> frozenset[Key] | None:
    """The only updates `handler` can accept, by key; None when it may accept any."""
    if isinstance(handler, CommandHandler):
        return frozenset(("command", name) for name in handler.commands)
    if isinstance(handler, ButtonHandler):
        return frozenset({("button", handler.prefix)})
    return None


class IndexedGroup(BaseHandler[Update, CoachContext, Any]):
    def __init__(self, handlers: Sequence[BaseHandler[Any, Any, Any]]) -> None:
        super().__init__(_never_called)
        if any(not handler.block for handler in handlers):
            raise ValueError("IndexedGroup runs its handlers in line: all must block")
        self.handlers = tuple(handlers)
        keys = [keys_of(handler) for handler in self.handlers]
        self._anything = tuple(h for h, k in zip(self.handlers, keys, strict=True) if k is None)
        self._by_key: dict[Key, tuple[BaseHandler[Any, Any, Any], ...]] = {
            key: tuple(h for h, k in zip(self.handlers, keys, strict=True) if k is None or key in k)
            for key in frozenset().union(*(k for k in keys if k is not None))
        }

    def candidates(self, update: object) -> tuple[BaseHandler[Any, Any, Any], ...]:
        """The handlers that may accept `update`, in the group's order."""
        key = update_key(update)
        return self._anything if key is None else self._by_key.get(key, self._anything)

    def check_update(self, update: object) -> tuple[BaseHandler[Any, Any, Any], object] | None:
        for handler in self.candidates(update):
            check = handler.check_update(update)
            if check is not None and check is not False:
                return handler, check
        return None

    async def handle_update(  # type: ignore[override]
        self,
        update: Update,
        application: Application[Any, CoachContext, Any, Any, Any, Any],
        check_result: tuple[BaseHandler[Any, Any, Any], object],
        context: CoachContext,
    ) -> Any:
        handler, check = check_result
        return await handler.handle_update(update, application, check, context)


async def _never_called(update: object, context: object) -> None:
    raise AssertionError("IndexedGroup hands each update to the handler that accepted it")
