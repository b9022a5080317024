"""/mydata: the user's data as one ZIP document, at most once an hour."""

from __future__ import annotations

import math

from telegram import InputFile, Update
from telegram.constants import ChatAction

from bot.context import CoachContext
from bot.services import account
from handlers.kit.replies import reply

FILENAME = "interview-coach-data.zip"


async def send_data(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message is not None
    t, now = context.texts, context.services.plans.now()
    try:
        data = await account.export_data(context.session.user_id, now, context.texts)
    except account.ExportTooSoon as exc:
        minutes = max(1, math.ceil((exc.at - now).total_seconds() / 60))
        await reply(message, t("account-export-too-soon", minutes=minutes))
        return
    await context.bot.send_chat_action(message.chat_id, ChatAction.UPLOAD_DOCUMENT)
    await message.reply_document(
        InputFile(data, filename=FILENAME),
        caption=t("account-export-caption"),
        parse_mode="HTML",
        do_quote=False,
    )
