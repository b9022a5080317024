"""Users' data: /mydata sends everything the bot holds about the user as a ZIP; /deleteme
explains, asks, and deletes it all (the flow `account` with one step, `confirming`)."""

from __future__ import annotations

from telegram.ext import BaseHandler, CommandHandler

from handlers.account import deletion, export
from handlers.account.buttons import DeleteButton, KeepButton
from handlers.kit.buttons import on_press
from handlers.kit.flow import Flow


def flows() -> list[Flow]:
    return [
        Flow(
            "account",
            entry_points=[CommandHandler("deleteme", deletion.ask)],
            steps={
                deletion.CONFIRMING: [
                    on_press(DeleteButton, deletion.confirm),
                    on_press(KeepButton, deletion.keep),
                ],
            },
            fallbacks=[CommandHandler("cancel", deletion.cancel)],
            left="account-delete-left",
        )
    ]


def handlers() -> list[BaseHandler]:
    return [CommandHandler("mydata", export.send_data)]
