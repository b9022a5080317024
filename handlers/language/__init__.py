"""/language: the interface language, chosen with buttons (first set from Telegram's
`language_code` on first contact).

Telegram shows the command menu of the client's language (set for every catalogue language at
start-up). A user who picks another language gets the menu in it for their chat; an admin's
chat keeps its admin menu, now in the new language; a user back on their client's language
gets the default menus again."""

from __future__ import annotations

import logging

from telegram import BotCommandScopeChat, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler

from bot.context import CoachContext
from bot.i18n import choose_language, languages, texts
from bot.services.users import set_language
from handlers import start
from handlers.admin import admin_menu
from handlers.kit.buttons import Button, Press, on_press
from handlers.kit.replies import reply

log = logging.getLogger(__name__)


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


async def set_chat_menu(
    context: CoachContext, user_id: int, chat_id: int, language: str, client_code: str | None
) -> None:
    """The command menu of the user's private chat, in `language`."""
    t = texts(language)
    scope = BotCommandScopeChat(chat_id)
    try:
        if user_id in context.settings.admin_ids:
            await context.bot.set_my_commands(admin_menu(t), scope=scope)
        elif language != choose_language(client_code):
            await context.bot.set_my_commands(start.bot_commands(t), scope=scope)
        else:  # the client's own language: the menu set for it at start-up applies
            await context.bot.delete_my_commands(scope=scope)
    except TelegramError as exc:  # the words changed already; the menu follows next time
        log.warning("Could not set the command menu of chat %s: %s", chat_id, exc)


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
    client = update.effective_user.language_code if update.effective_user else None
    await set_chat_menu(context, press.user_id, press.message.chat_id, language, client)


def handlers() -> list[BaseHandler]:
    return [CommandHandler("language", language_command), on_press(LanguageButton, choose)]
