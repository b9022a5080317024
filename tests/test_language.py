"""/language: the buttons list every catalogue language; a choice is stored on the user."""

from __future__ import annotations

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from models import User


async def test_language_lists_the_languages_and_stores_the_choice(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send("/language")
    asked = await user.expect("Your language: English")
    assert "English" in user.buttons(asked)
    await user.click("English")
    await user.expect("speak English")
    assert (await User.get(id=user.id)).language == "en"


async def test_a_forged_language_is_refused(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/language")
    await user.expect("Your language")
    query = await user.press("lang.set:xx")
    answer = user.callback_answer(query)
    assert answer is not None and "not found" in answer["text"].lower()
    assert (await User.get(id=user.id)).language == "en"
