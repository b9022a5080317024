"""What the /practice modules share: the conversation's states, user_data["practice"] and the
steps every button press of the feature takes.

user_data["practice"] keeps ids only: the job, the question, a pending answer after a failed
grading, and `offer`, a one-time token carried by the buttons that start work (difficulty,
Retry). Pressing such a button consumes the token (`claim`), so a second press of the same
keyboard is a no-op rather than a second question.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram import CallbackQuery, Message, Update
from telegram.ext import ConversationHandler

from bot.ai.schemas import Difficulty
from bot.context import CoachContext
from handlers import callbacks
from handlers.kit.replies import remove_keyboard

FEATURE = "practice"
# States are ints: the database persistence stores them as JSON values.
CHOOSING, ANSWERING = range(2)
END = ConversationHandler.END

State = int | None
T = TypeVar("T")

LABELS: dict[Difficulty, str] = {"easy": "Easy", "medium": "Medium", "hard": "Hard"}


def answer_hint(has_speech: bool) -> str:
    """How to answer: voice is offered only when the AI backend can transcribe it."""
    how = "a text or a voice message" if has_speech else "a text message"
    return f"<i>Answer with {how} · /cancel to stop</i>"


USED_BUTTON = "Already on it — that button was used."


# ----- user_data --------------------------------------------------------------------------


def flow_data(context: CoachContext) -> dict[str, Any]:
    assert context.user_data is not None
    data: dict[str, Any] = context.user_data.setdefault(FEATURE, {})
    return data


def reset(context: CoachContext, **values: str | None) -> dict[str, Any]:
    assert context.user_data is not None
    context.user_data[FEATURE] = dict(values)
    return flow_data(context)


def end(context: CoachContext) -> int:
    assert context.user_data is not None
    context.user_data.pop(FEATURE, None)
    return END


def new_offer(data: dict[str, Any]) -> str:
    data["offer"] = secrets.token_hex(4)
    return str(data["offer"])


def _take_offer(data: dict[str, Any], offer: str | None) -> bool:
    """True once per offer: the first press of a keyboard's work button."""
    if not offer or offer != data.get("offer"):
        return False
    data["offer"] = None
    return True


# ----- button presses ----------------------------------------------------------------------


def user_of(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def press(update: Update) -> tuple[CallbackQuery, Message, callbacks.CallbackData] | None:
    """A button press: its query, the chat message it came from and its callback data (empty
    when unreadable). None, the press answered, when the message is too old to use."""
    query = update.callback_query
    assert query is not None
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        await query.answer("This button is too old. Send /practice to start again.")
        return None
    return query, message, callbacks.parse(query.data) or callbacks.CallbackData(FEATURE, "")


async def owned(
    update: Update,
    lookup: Callable[[int, str | None], Awaitable[T | None]],
    missing: str,
) -> tuple[Message, T] | None:
    """A press of a button naming an id (`practice:<action>:<id>`): the message and what
    `lookup` finds for the user who pressed it. None, the press answered (with `missing` when
    the id isn't theirs), when there is nothing to go on."""
    pressed = await press(update)
    if pressed is None:
        return None
    query, message, data = pressed
    found = await lookup(user_of(update), data.arg())
    if found is None:
        await query.answer(missing, show_alert=True)
        return None
    await query.answer()
    return message, found


async def claim(
    query: CallbackQuery, data: dict[str, Any], offer: str | None, work: T | None
) -> T | None:
    """Take a work button's one-time offer: `work` (the press answered, the keyboard gone) on
    the first press; None, the user told the button was used, on any other press or when
    there's no work to do."""
    if work is None or not _take_offer(data, offer):
        await query.answer(USED_BUTTON)
        return None
    await query.answer()
    await remove_keyboard(query.message)
    return work
