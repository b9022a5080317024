"""The user of the update being handled, loaded once, with their one current flow.

Every update of a user reads their row once (`bot.services.users.load_session`, run by the
first handler group; updates that arrive together share one statement): ban, plan, language
and the current conversation flow come with it. The flow is the user's only conversation
state — its name, its step and a small JSON dict — as in aiogram's FSM: one state per user,
kept on the users row, so a restart loses nothing. It is written back once, at the end of the
update, and only when it changed.

The session lives in a context variable: python-telegram-bot handles each update in its own
task and runs the handlers of all groups inside it, so later groups (and the handlers' sync
`check_update`) see what the first group loaded, and no other update can.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.i18n import DEFAULT_LANGUAGE, Texts, texts
from models import User

log = logging.getLogger(__name__)

_CURRENT: ContextVar[UserSession | None] = ContextVar("coach_session", default=None)


def _snapshot(flow: str | None, step: str | None, data: dict[str, Any]) -> str:
    return json.dumps([flow, step, data], sort_keys=True, default=str)


@dataclass(eq=False)
class UserSession:
    user: User
    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    discard: bool = False  # set when handling failed: keep what was stored before
    _stored: str = ""

    @classmethod
    def of(cls, user: User) -> UserSession:
        data = user.flow_data if isinstance(user.flow_data, dict) else {}
        session = cls(user, user.flow, user.flow_step if user.flow else None, dict(data))
        session._stored = session.snapshot()
        return session

    @property
    def user_id(self) -> int:
        return int(self.user.id)

    @property
    def flow_at(self) -> datetime | None:
        """When the stored flow last changed."""
        return self.user.flow_at

    @property
    def language(self) -> str:
        return self.user.language or DEFAULT_LANGUAGE

    @property
    def texts(self) -> Texts:
        return texts(self.language)

    def snapshot(self) -> str:
        return _snapshot(self.flow, self.step, self.data)

    @property
    def changed(self) -> bool:
        return self.snapshot() != self._stored

    def enter(self, flow: str, step: str | None = None, **data: Any) -> None:
        self.flow, self.step, self.data = flow, step, dict(data)

    def clear(self) -> None:
        self.flow, self.step, self.data = None, None, {}

    def mark_stored(self) -> None:
        self._stored = self.snapshot()


def current() -> UserSession | None:
    """The session of the update this task is handling (None before it is loaded)."""
    return _CURRENT.get()


def install(session: UserSession) -> None:
    _CURRENT.set(session)


async def saving(coroutine: Awaitable[Any], save: Any, now: Any) -> None:
    """Handle one update (`coroutine`), then store the user's flow if it changed.

    `save(session, now)` writes it; `now()` gives the time of the change."""
    token = _CURRENT.set(None)
    try:
        await coroutine
    finally:
        session = _CURRENT.get()
        _CURRENT.reset(token)
        if session is not None and session.changed and not session.discard:
            try:
                await save(session, now())
            except Exception:  # the reply was sent; the step is the one stored before
                log.exception("Could not store the flow of user %s", session.user_id)
