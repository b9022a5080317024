"""The main handler group is indexed by command and kind of button: every update still reaches
the handler python-telegram-bot's own in-order scan would give it, and fewer are asked."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.emulator.harness import BotHarness
from handlers.kit.dispatch import ButtonHandler, IndexedGroup
from handlers.start import PUBLIC_COMMANDS
from tests.helpers import started

USER = {"id": 42, "is_bot": False, "first_name": "Ada"}
CHAT = {"id": 42, "type": "private", "first_name": "Ada"}


def command(text: str, *, edited: bool = False) -> dict[str, Any]:
    length = len(text.split()[0])
    message = {
        "message_id": 1,
        "date": 0,
        "chat": CHAT,
        "from": USER,
        "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": length}],
    }
    return {"update_id": 1, "edited_message" if edited else "message": message}


def text(value: str) -> dict[str, Any]:
    message = {"message_id": 1, "date": 0, "chat": CHAT, "from": USER, "text": value}
    return {"update_id": 1, "message": message}


def press(data: str) -> dict[str, Any]:
    message = {"message_id": 1, "date": 0, "chat": CHAT, "text": "card"}
    query = {"id": "1", "from": USER, "chat_instance": "1", "data": data, "message": message}
    return {"update_id": 1, "callback_query": query}


def main_group(bot: BotHarness) -> IndexedGroup:
    [group] = [h for hs in bot.app.handlers.values() for h in hs if isinstance(h, IndexedGroup)]
    return group


def first_accepting(group: IndexedGroup, update: Update) -> Any:
    for handler in group.handlers:
        check = handler.check_update(update)
        if check is not None and check is not False:
            return handler
    return None


async def test_every_update_reaches_the_handler_the_plain_scan_gives_it(bot: BotHarness) -> None:
    group = main_group(bot)
    name = bot.app.bot.username
    # The group's own commands and the menu's (the flows' entry commands are in the router).
    keyed = {c for h in group.handlers for c in getattr(h, "commands", ())}
    commands = sorted(keyed | set(PUBLIC_COMMANDS))
    prefixes = sorted({h.prefix for h in group.handlers if isinstance(h, ButtonHandler)})
    assert len(keyed) >= 20 and len(prefixes) >= 20
    raw = [
        *(command(f"/{c}") for c in commands),
        *(command(f"/{c.upper()}@{name} some args") for c in commands),
        *(command(f"/{c}@someotherbot") for c in commands),
        *(command(f"/{c}", edited=True) for c in commands[:3]),
        command("/nosuchcommand"),
        *(press(prefix + ":1" * n) for prefix in prefixes for n in range(3)),
        press("zz:gone"),
        press("help"),
        text("hello"),
        text("/help but not a command entity"),
    ]
    routed = 0
    for data in raw:
        update = Update.de_json(data, bot.app.bot)
        expected = first_accepting(group, update)
        found = group.check_update(update)
        assert (found[0] if found else None) is expected, data
        routed += expected is not None
    assert routed > len(commands) * 2  # most of them reach a handler


async def test_a_command_or_button_is_offered_to_few_handlers(bot: BotHarness) -> None:
    group = main_group(bot)
    help_ = Update.de_json(command("/help"), bot.app.bot)
    button = Update.de_json(press("job.open:1"), bot.app.bot)
    assert len(group.handlers) > 40
    assert len(group.candidates(help_)) <= 5
    assert len(group.candidates(button)) <= 5


async def test_the_indexed_group_answers_as_before(bot: BotHarness) -> None:
    """Through the running bot: a command, an unknown command and a stale button."""
    user = await started(bot, "Ada")
    await user.send("/help")
    await user.expect("/newjob")
    await user.send("/nosuchcommand")
    await user.expect("don't know that command")
    query = await user.press("zz:gone")
    assert "no longer active" in user.callback_answer(query)["text"]  # type: ignore[index]
