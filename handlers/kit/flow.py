"""Conversations: one current flow per user, stored on the users row (see `bot.session`).

A `Flow` is declared like python-telegram-bot's `ConversationHandler` — entry points, the
handlers of each step, fallbacks — and a handler returns the next step's name, `END`, or None
to stay where it is. One `FlowRouter` (a single handler, registered before plain commands)
serves them all:

1. the user's current flow gets the update first: the handlers of its step, then its
   fallbacks (`/cancel` and the like);
2. otherwise the first flow whose entry point matches starts; the flow the user was in is
   left, and they are told so in one line (its `left` message, e.g. "Your interview is paused
   — /interview to continue, /end to finish"), unless it was at a step where nothing is pending;
3. otherwise the update goes on to plain commands and buttons.

A flow untouched for `timeout` is over: its next update finds no flow. The step of a flow whose
state lives elsewhere (an interview in progress is rows in `interviews`) is read from there by
its handlers; the flow only says where the user's messages go.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, BaseHandler

from bot.context import CoachContext
from bot.session import UserSession, current
from bot.settings import CONVERSATION_TIMEOUT

log = logging.getLogger(__name__)


class _End:
    def __repr__(self) -> str:
        return "END"


END: Final = _End()
Step = str | _End | None  # what a handler in a flow returns
Leave = Callable[[Update, CoachContext, UserSession], Awaitable[None]]


@dataclass(eq=False)
class Flow:
    name: str
    entry_points: Sequence[BaseHandler[Any, Any, Any]]
    steps: dict[str, Sequence[BaseHandler[Any, Any, Any]]]
    fallbacks: Sequence[BaseHandler[Any, Any, Any]] = ()
    left: str | None = None  # catalogue key said when another flow takes over
    quiet_steps: frozenset[str] = frozenset()  # steps left without a word (nothing pending)
    on_leave: Leave | None = None  # tidy up (e.g. take the buttons off the last prompt)
    timeout: timedelta | None = CONVERSATION_TIMEOUT
    _names: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        self._names = frozenset(self.steps)

    def expired(self, session: UserSession, now: datetime) -> bool:
        at = session.flow_at
        return self.timeout is not None and at is not None and now - at > self.timeout


@dataclass(frozen=True, slots=True)
class _Match:
    flow: Flow
    handler: BaseHandler[Any, Any, Any]
    check: object
    entering: bool


class FlowRouter(BaseHandler[Update, CoachContext, None]):
    """The one handler behind every flow (see the module's docstring)."""

    def __init__(self, flows: Sequence[Flow], clock: Callable[[], datetime]) -> None:
        super().__init__(self._handle)
        names = [flow.name for flow in flows]
        if len(set(names)) != len(names):
            raise ValueError(f"two flows with one name: {names}")
        self.flows = tuple(flows)
        self.by_name = {flow.name: flow for flow in flows}
        self.clock = clock

    async def _handle(self, update: Update, context: CoachContext) -> None:  # never called
        raise AssertionError("FlowRouter handles updates in handle_update")

    def active_flow(self, session: UserSession) -> Flow | None:
        """The user's flow, if it still runs (a timed-out one is cleared)."""
        flow = self.by_name.get(session.flow) if session.flow else None
        if session.flow is not None and (flow is None or flow.expired(session, self.clock())):
            session.clear()  # unknown (removed) or timed out: the user is in no flow
            return None
        return flow

    def check_update(self, update: object) -> _Match | None:
        session = current()
        if session is None or not isinstance(update, Update):
            return None
        active = self.active_flow(session)
        if active is not None and session.step is not None:
            for handler in (*active.steps.get(session.step, ()), *active.fallbacks):
                check = handler.check_update(update)
                if check is not None and check is not False:
                    return _Match(active, handler, check, entering=False)
        for flow in self.flows:
            for handler in flow.entry_points:
                check = handler.check_update(update)
                if check is not None and check is not False:
                    return _Match(flow, handler, check, entering=True)
        return None

    async def handle_update(
        self,
        update: Update,
        application: Application[Any, CoachContext, Any, Any, Any, Any],
        check_result: object,
        context: CoachContext,
    ) -> None:
        match = check_result
        assert isinstance(match, _Match)
        session = current()
        assert session is not None
        if match.entering:
            await self.leave(update, context, session, match.flow)
            session.enter(match.flow.name)
        step = await match.handler.handle_update(update, application, match.check, context)
        if session.flow != match.flow.name:
            return  # the handler moved the user elsewhere itself
        if step is END or (match.entering and step is None):
            session.clear()
        elif isinstance(step, str):
            if step not in match.flow.steps:
                raise ValueError(f"flow {match.flow.name!r} has no step {step!r}")
            session.step = step

    async def leave(
        self,
        update: Update,
        context: CoachContext,
        session: UserSession,
        entering: Flow | None = None,
    ) -> None:
        """The user starts `entering` (or something outside the router when None): end the
        flow they were in, saying so if it waited."""
        old = self.by_name.get(session.flow) if session.flow else None
        if old is None or old is entering:
            return
        if old.on_leave is not None:
            try:
                await old.on_leave(update, context, session)
            except TelegramError as exc:  # tidying up is cosmetic
                log.info("Could not tidy up flow %s: %s", old.name, exc)
        if old.left and session.step not in old.quiet_steps and update.effective_chat:
            await context.bot.send_message(
                update.effective_chat.id, context.texts(old.left), parse_mode=ParseMode.HTML
            )
        session.clear()
