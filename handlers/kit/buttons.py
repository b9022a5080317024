"""Typed buttons: one small class per kind of button, and one pipeline for every press.

A button class names its fields with types (`job_id: uuid.UUID`, `level: Difficulty`,
`page: int`); `pack()` gives the callback data (`<prefix>:<field>:<field>`, at most Telegram's
64 bytes), `unpack()` reads it back (None when it doesn't fit the class), `pattern()` is the
anchored regex for the handler. A class that carries an id of the user's data overrides
`owned(user_id)` to look it up for the user who pressed (services check ownership), so a forged
or stale id is refused before any feature code runs.

`on_press(ButtonClass, callback)` makes the handler: it reads the data, refuses a press on a
message that is gone or not in the presser's own chat, resolves `owned`, calls
`callback(update, context, press)` and always answers the query, so no button keeps spinning.
"""

from __future__ import annotations

import contextlib
import enum
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Self, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from telegram import CallbackQuery, InlineKeyboardButton, Message, Update
from telegram.error import BadRequest

from bot.context import CoachContext
from handlers.kit.dispatch import ButtonHandler

MAX_BYTES = 64  # Telegram's limit for callback_data
SEPARATOR = ":"


class Button(BaseModel):
    """Base of the typed callback data classes; subclass with `prefix="feature.action"`."""

    model_config = ConfigDict(frozen=True)
    prefix: ClassVar[str] = ""
    missing: ClassVar[str] = "kit-not-found"  # said when `owned` finds nothing

    def __init_subclass__(cls, prefix: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if prefix:
            if SEPARATOR in prefix:
                raise ValueError(f"a button prefix can't contain {SEPARATOR!r}: {prefix}")
            cls.prefix = prefix

    # ----- data --------------------------------------------------------------------------------
    def pack(self) -> str:
        parts = [self.prefix, *(_encode(getattr(self, name)) for name in type(self).model_fields)]
        data = SEPARATOR.join(parts)
        if any(SEPARATOR in part for part in parts[1:]) or len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data that can't be packed: {data!r}")
        return data

    @classmethod
    def unpack(cls, data: str | None) -> Self | None:
        if not data:
            return None
        prefix, *values = data.split(SEPARATOR)
        names = list(cls.model_fields)
        if prefix != cls.prefix or len(values) != len(names):
            return None
        raw = {
            name: (value if value != "" else None)
            for name, value in zip(names, values, strict=False)
        }
        try:
            return cls.model_validate(raw)
        except ValidationError:
            return None

    @classmethod
    def pattern(cls) -> str:
        fields = len(cls.model_fields)
        return rf"^{re.escape(cls.prefix)}(?::[^:]*){{{fields}}}$"

    def button(self, label: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=self.pack())

    # ----- ownership ---------------------------------------------------------------------------
    async def owned(self, user_id: int) -> Any:
        """What the ids of this button name, looked up for `user_id`; None when not theirs.
        Buttons without ids own nothing to check."""
        return True


def _encode(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value)


B = TypeVar("B", bound=Button)


@dataclass(slots=True)
class Press(Generic[B]):
    """A checked press: the query, the message it was on, the typed data, the presser and
    what `owned` found."""

    query: CallbackQuery
    message: Message
    data: B
    user_id: int
    target: Any
    answered: bool = False

    async def answer(self, text: str | None = None, *, alert: bool = False) -> None:
        """Answer once (plain text; a second call is ignored)."""
        if self.answered:
            return
        self.answered = True
        with contextlib.suppress(BadRequest):  # too old to answer: the press still counts
            await self.query.answer(text, show_alert=alert)


PressCallback = Callable[[Update, CoachContext, Press[Any]], Awaitable[Any]]


def on_press(button: type[Button], callback: PressCallback) -> ButtonHandler:
    """The handler for presses of `button`: checked, typed, always answered."""

    async def handle(update: Update, context: CoachContext) -> Any:
        query = update.callback_query
        assert query is not None
        t = context.texts
        data = button.unpack(query.data)
        message = query.message if isinstance(query.message, Message) else None
        if data is None:  # the kind is right (the pattern matched), its values are not
            await _answer(query, t.plain(button.missing), alert=True)
            return None
        if message is None:
            await _answer(query, t.plain("kit-button-too-old"))
            return None
        if message.chat.id != query.from_user.id:
            await _answer(query, t.plain("kit-button-not-yours"))
            return None
        target = await data.owned(query.from_user.id)
        if target is None:
            await _answer(query, t.plain(data.missing), alert=True)
            return None
        press = Press(query, message, data, query.from_user.id, target)
        try:
            return await callback(update, context, press)
        finally:
            await press.answer()

    return ButtonHandler(handle, button.prefix, button.pattern())


async def _answer(query: CallbackQuery, text: str, *, alert: bool = False) -> None:
    with contextlib.suppress(BadRequest):
        await query.answer(text, show_alert=alert)
