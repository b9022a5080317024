"""/language: the interface language, chosen with buttons (first set from Telegram's
`language_code` on first contact)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler

from bot.context import CoachContext
from bot.i18n import languages, texts
from bot.services.users import set_language
from handlers.kit.buttons import Button, Press, on_press
from handlers.kit.replies import reply


class LanguageButton(Button, prefix="lang.set"):
    language: str


def _keyboard() -> InlineKeyboardMarkup:
    rows = [
        [LanguageButton(language=code).button(texts(code).plain("language-name"))]
        for code in languages()
    ]
    return InlineKeyboardMarkup(rows)


async def language_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message is not None
    t = context.texts
    await reply(
        update.effective_message,
        t("language-choose", current=t.plain("language-name")),
        reply_markup=_keyboard(),
    )


async def choose(update: Update, context: CoachContext, press: Press[LanguageButton]) -> None:
    language = press.data.language
    if language not in languages():
        await press.answer(context.texts.plain("kit-not-found"), alert=True)
        return
    await set_language(press.user_id, language)
    context.session.user.language = language
    t = texts(language)
    await press.answer()
    await press.message.edit_text(t.plain("language-set", name=t.plain("language-name")))


def handlers() -> list[BaseHandler]:
    return [CommandHandler("language", language_command), on_press(LanguageButton, choose)]
