"""The one notice a user gets about flood control. Updates are counted in bot/processor.py when
they arrive, before they wait for the user's turn; dropped updates reach no handler (so no
session: the notice is in the catalogue's default language)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.i18n import texts

log = logging.getLogger(__name__)


def flood_notifier(bot: Bot, limit: int) -> Callable[[Update, float | None], Awaitable[None]]:
    """The processor's `notify`: tells the user once, in their private chat only."""

    async def notify(update: Update, retry_after: float | None) -> None:
        chat = update.effective_chat
        if chat is None or chat.type != ChatType.PRIVATE:
            return  # in groups the bot stays quiet (handlers/start.py private_chats_only)
        t = texts()
        if retry_after is None:
            text = t.plain("plans-flood-backlog")
        else:
            seconds = max(1, round(retry_after))
            text = t.plain("plans-flood-rate", limit=limit, seconds=seconds)
        try:
            await bot.send_message(chat.id, text)
        except TelegramError as exc:
            log.info("Could not send the flood notice to %s: %s", chat.id, exc)

    return notify
