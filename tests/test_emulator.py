"""The emulator refuses what Telegram refuses, with Telegram's words."""

from __future__ import annotations

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from bot.emulator.harness import BotHarness
from bot.emulator.spec import BotAPISpec, load_spec


@pytest.fixture
def tg(bot: BotHarness):  # the real python-telegram-bot Bot, talking to the emulator
    return bot.app.bot


async def test_bad_html_is_refused(bot: BotHarness, tg) -> None:
    chat = bot.user("Html").id
    for bad, words in [
        ("<div>hi</div>", 'Unsupported start tag "div"'),
        ("<b>open", "Can't find end tag"),
        ("a < b", "can't parse entities"),
        ("<b>x</i>", "can't parse entities"),
    ]:
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities") as info:
            await tg.send_message(chat, bad, parse_mode=ParseMode.HTML)
        assert words.lower() in str(info.value).lower()
    sent = await tg.send_message(chat, "a &lt; b &amp;&amp; <b>bold</b>", parse_mode="HTML")
    assert sent.text == "a < b && bold"
    assert sent.entities[0].type == "bold"


async def test_text_length_is_counted_after_entities(bot: BotHarness, tg) -> None:
    chat = bot.user("Long").id
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await tg.send_message(chat, "x" * 4097)
    # 4096 characters of text wrapped in tags is fine: tags don't count
    await tg.send_message(chat, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)text is empty"):
        await tg.send_message(chat, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await tg.send_document(chat, b"data", filename="a.txt", caption="c" * 1025)


async def test_oversized_callback_data_is_refused(bot: BotHarness, tg) -> None:
    chat = bot.user("Cb").id
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await tg.send_message(chat, "pick", reply_markup=markup)
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="x" * 64)]])
    await tg.send_message(chat, "pick", reply_markup=ok)


async def test_edit_that_changes_nothing_is_refused(bot: BotHarness, tg) -> None:
    chat = bot.user("Edit").id
    sent = await tg.send_message(chat, "same")
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await tg.edit_message_text("same", chat, sent.message_id)
    await tg.edit_message_text("changed", chat, sent.message_id)
    assert bot.emulator.chat(chat)[-1].text == "changed"


async def test_callback_query_answered_twice_is_refused(bot: BotHarness, tg) -> None:
    user = bot.user("Twice")
    query_id = await user.press("zz:nothing")  # the bot answers it (stale button)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await tg.answer_callback_query(query_id)


async def test_blocked_user_gives_forbidden(bot: BotHarness, tg) -> None:
    user = bot.user("Gone")
    user.block_bot()
    with pytest.raises(Forbidden, match=r"(?i)blocked"):
        await tg.send_message(user.id, "hello?")


async def test_calls_are_checked_against_the_published_api(bot: BotHarness) -> None:
    spec = load_spec()
    if spec.skipped:
        pytest.skip("Bot API description not found: spec checks skipped")
    problems = spec.check("sendMessage", {"chat_id": 1, "txt": "hi"})
    assert "sendMessage: unknown parameter 'txt'" in problems
    assert "sendMessage: missing required parameter 'text'" in problems
    assert spec.check("sendMessage", {"chat_id": "1", "text": 5}) == [
        "sendMessage: 'text' should be String"
    ]
    assert spec.check("sendMesage", {}) == ["unknown method 'sendMesage'"]


def test_without_a_description_the_spec_checks_say_skipped() -> None:
    assert BotAPISpec(version=None).skipped
    assert BotAPISpec(version=None).check("anything", {"x": 1}) == []
