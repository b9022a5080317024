"""A python-telegram-bot persistence on our database (not a pickle file).

Only conversation states and user_data are kept; handlers store plain JSON values there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey
from tortoise.transactions import in_transaction

from models.state import BotState

USER_DATA = "user_data"


def _conversation_kind(name: str) -> str:
    return f"conversation:{name}"[:32]


class DatabasePersistence(BasePersistence[dict, dict, dict]):
    def __init__(self, update_interval: float = 2.0) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )

    async def get_user_data(self) -> dict[int, dict]:
        rows = await BotState.filter(kind=USER_DATA).values_list("key", "value")
        data: dict[int, dict] = defaultdict(dict)
        empty: list[str] = []
        for key, value in rows:
            if value:
                data[int(key)] = dict(value)
            else:
                empty.append(key)
        # Empty rows (older versions wrote one for every user ever seen): not loaded, removed.
        for start in range(0, len(empty), 500):
            await BotState.filter(kind=USER_DATA, key__in=empty[start : start + 500]).delete()
        return data

    async def update_user_data(self, user_id: int, data: dict) -> None:
        # python-telegram-bot keeps an entry for every user who sent anything, mostly `{}`:
        # only users with something to remember get a row.
        if data:
            await _put(USER_DATA, str(user_id), data)
        else:
            await self.drop_user_data(user_id)

    async def drop_user_data(self, user_id: int) -> None:
        await BotState.filter(kind=USER_DATA, key=str(user_id)).delete()

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        pass

    async def get_conversations(self, name: str) -> ConversationDict:
        rows = await BotState.filter(kind=_conversation_kind(name)).values_list("key", "value")
        return {tuple(json.loads(key)): value["state"] for key, value in rows}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        kind, row_key = _conversation_kind(name), json.dumps(list(key))
        if new_state is None:
            await BotState.filter(kind=kind, key=row_key).delete()
        else:
            # Wrapped: a bare string would be taken by JSONField as already-encoded JSON.
            await _put(kind, row_key, {"state": new_state})

    # Chat data, bot data and callback data are not persisted (store_data says so).
    async def get_chat_data(self) -> dict[int, dict]:
        return {}

    async def get_bot_data(self) -> dict:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        pass

    async def update_bot_data(self, data: dict) -> None:
        pass

    async def update_callback_data(self, data: CDCData) -> None:
        pass

    async def drop_chat_data(self, chat_id: int) -> None:
        pass

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        pass

    async def refresh_bot_data(self, bot_data: dict) -> None:
        pass

    async def flush(self) -> None:
        pass


async def _put(kind: str, key: str, value: Any) -> None:
    async with in_transaction():
        updated = await BotState.filter(kind=kind, key=key).update(value=value)
        if not updated:
            await BotState.create(kind=kind, key=key, value=value)
