"""One prompt at a time, for /newjob and editing a job (`Prompts`, on the kit's `Flow`).

The flow's data (`context.session.data`, plain JSON) holds the answers so far and which
message carries the buttons that count (`prompt`, `buttons`). Each step also takes strays: a
sticker, photo or file where text is wanted gets its reason and the same prompt again, and so
does a button of an old message (or of another feature). Other commands are refused with what
the step wants (/help and /start pass through); /cancel ends the flow; the flow's own entry
(/newjob, a job's Edit button) starts over. Whenever the flow moves on or ends, the buttons of
its last prompt are removed, so they can't be pressed later.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import CoachContext
from bot.i18n import Html, Texts
from bot.services import jobs as service
from bot.services.documents import DocumentError
from bot.services.jobs import InvalidValue
from bot.session import UserSession
from handlers.kit.buttons import B, Button, Press, on_press
from handlers.kit.errors import document_reason
from handlers.kit.flow import END, Flow, Step
from handlers.kit.streaming import typing
from models import ExperienceLevel

TEXT = filters.TEXT & ~filters.COMMAND
STRAY = filters.ALL & ~filters.COMMAND & ~filters.StatusUpdate.ALL
# Commands that would start something else mid-flow; /help and /start may pass through.
OTHER_COMMAND = filters.COMMAND & ~filters.Regex(r"^/(help|start)(@\w+)?(\s|$)")
LEVELS = tuple(ExperienceLevel)
LEVEL_WORDS = {
    "junior": ExperienceLevel.JUNIOR,
    "mid": ExperienceLevel.MID_LEVEL,
    "mid level": ExperienceLevel.MID_LEVEL,
    "senior": ExperienceLevel.SENIOR,
}
STRAY_KINDS = ("sticker", "photo", "voice", "audio", "video", "video_note", "animation", "document")

Handler = BaseHandler[Any, Any, Any]
PromptView = tuple[str, InlineKeyboardMarkup | None]


def chat_id_of(update: Update) -> int:
    chat = update.effective_chat or update.effective_user
    assert chat is not None
    return chat.id


def warning(t: Texts, reason: str) -> Html:
    """`reason` (ready HTML) as a warning line."""
    return t.html("jobs-warning", reason=Html(reason))


def invalid(t: Texts, error: InvalidValue) -> Html:
    """A wrong value's reason, worded from the catalogue, as a warning line."""
    details = dict(error.details)
    if isinstance(document := details.pop("document", None), DocumentError):
        details["message"] = document_reason(t, document)
    return warning(t, t(f"jobs-invalid-{error.reason}", **details))


def stray_what(t: Texts, message: Message | None) -> Html:
    kind = next((k for k in STRAY_KINDS if message is not None and getattr(message, k)), "other")
    return t.html("jobs-stray-what", kind=kind)


@dataclass(frozen=True)
class Prompts:
    """The prompts of one flow. `prompt(t, data, step)` gives a step's HTML and keyboard,
    `expected(t, data, step)` what the step wants ("please …"); `busy` (with `$expected`) is
    said to other commands, `cancelled` to /cancel (catalogue keys)."""

    name: str
    first: str  # where data without a known step stands
    prompt: Callable[[Texts, dict[str, Any], str], PromptView]
    expected: Callable[[Texts, dict[str, Any], str], str]
    busy: str
    cancelled: str
    left: str

    # ----- asking -----------------------------------------------------------------------
    def step(self, context: CoachContext) -> str:
        return context.session.step or self.first

    async def ask(
        self, update: Update, context: CoachContext, step: str, before: str | None = None
    ) -> str:
        """Send the prompt of `step` (with the HTML `before` above it) and remember it."""
        data = context.session.data
        await drop_buttons(context, chat_id_of(update), data)
        text, markup = self.prompt(context.texts, data, step)
        sent = await say(context, update, f"{before}\n\n{text}" if before else text, markup)
        data.update(prompt=sent.message_id, buttons=markup is not None)
        return step

    async def end(self, update: Update, context: CoachContext) -> None:
        """Take the buttons off the last prompt; the router forgets the data on END."""
        await drop_buttons(context, chat_id_of(update), context.session.data)

    # ----- strays ----------------------------------------------------------------------
    def expecting(self, context: CoachContext) -> Html:
        t = context.texts
        return Html(self.expected(t, context.session.data, self.step(context)))

    async def stray_message(self, update: Update, context: CoachContext) -> str:
        """A sticker, photo, file… where the step wants something else: say why, ask again."""
        t = context.texts
        what = stray_what(t, update.effective_message)
        reason = t("jobs-stray", what=what, expected=self.expecting(context))
        return await self.ask(update, context, self.step(context), warning(t, reason))

    async def stray_button(self, update: Update, context: CoachContext) -> str:
        """A button of an old message (or of another feature) mid-flow: say so, ask again."""
        query = update.callback_query
        assert query is not None
        t = context.texts
        with contextlib.suppress(TelegramError):
            await query.answer(t.plain("jobs-old-button"))
        reason = t("jobs-old-button-now", expected=self.expecting(context))
        return await self.ask(update, context, self.step(context), warning(t, reason))

    async def other_command(self, update: Update, context: CoachContext) -> str:
        t = context.texts
        reason = t(self.busy, expected=self.expecting(context))
        return await self.ask(update, context, self.step(context), warning(t, reason))

    async def cancel(self, update: Update, context: CoachContext) -> Step:
        await self.end(update, context)
        await say(context, update, context.texts(self.cancelled))
        return END

    async def on_leave(self, update: Update, context: CoachContext, session: UserSession) -> None:
        await drop_buttons(context, chat_id_of(update), session.data)

    # ----- handlers --------------------------------------------------------------------
    def press(
        self,
        button: type[B],
        callback: Callable[[Update, CoachContext, B], Awaitable[Step]],
        accept: Callable[[dict[str, Any], B], bool] = lambda data, pressed: True,
    ) -> CallbackQueryHandler:
        """A button of the latest prompt (and `accept`ed for the flow's data); a press on any
        other message is a stray. The callback gets the typed data."""

        async def pressed(update: Update, context: CoachContext, press: Press[Any]) -> Step:
            data = context.session.data
            if press.message.message_id != data.get("prompt") or not accept(data, press.data):
                press.answered = True  # stray_button answers it
                return await self.stray_button(update, context)
            await press.answer()
            return await callback(update, context, press.data)

        return on_press(button, pressed)

    def flow(
        self,
        entry: Handler,
        steps: dict[str, Sequence[Handler]],
        *,
        restart: Handler | None = None,
    ) -> Flow:
        """The kit's flow: every step also takes strays; /cancel, `restart` (the entry again,
        starting over) and other commands are its fallbacks."""
        strays: list[Handler] = [
            MessageHandler(STRAY, self.stray_message),
            CallbackQueryHandler(self.stray_button),
        ]
        return Flow(
            self.name,
            entry_points=[entry],
            steps={step: [*handlers, *strays] for step, handlers in steps.items()},
            fallbacks=[
                CommandHandler("cancel", self.cancel),
                *([restart] if restart is not None else []),
                MessageHandler(OTHER_COMMAND, self.other_command),
            ],
            left=self.left,
            on_leave=self.on_leave,
        )


async def say(
    context: CoachContext, update: Update, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Send our own HTML to the flow's chat (a new message, also after a button)."""
    return await context.bot.send_message(
        chat_id_of(update), text, parse_mode=ParseMode.HTML, reply_markup=markup
    )


async def drop_buttons(context: CoachContext, chat_id: int, data: dict[str, Any]) -> None:
    """Remove the keyboard of the flow's last prompt, so old buttons can't be pressed."""
    if data.pop("buttons", False) and data.get("prompt"):
        with contextlib.suppress(TelegramError):
            await context.bot.edit_message_reply_markup(chat_id, data["prompt"], reply_markup=None)


# ----- shared by /newjob and editing ----------------------------------------------------------
def level_keyboard(t: Texts, button: Callable[..., Button]) -> InlineKeyboardMarkup:
    """Junior / Mid-level / Senior, labelled from the catalogue."""
    row = [button(level=level).button(t.plain("jobs-level", level=level)) for level in LEVELS]
    return InlineKeyboardMarkup([row])


def typed_level(text: str | None) -> str:
    """A level typed instead of tapped ("senior", "Mid level"); InvalidValue otherwise."""
    words = " ".join((text or "").lower().replace("-", " ").split())
    return ExperienceLevel(service.clean_level(LEVEL_WORDS.get(words))).value


async def text_or_file(message: Message, context: CoachContext) -> str:
    """The message's text, or the text of its .txt or .pdf file; InvalidValue otherwise. A
    file's type and size are judged from what Telegram reports, before downloading."""
    document = message.document
    if document is None:
        return message.text or ""
    kind = service.document_kind(document.file_name, document.mime_type, document.file_size)
    async with typing(context, message.chat_id):
        try:
            file = await document.get_file()
            data = bytes(await file.download_as_bytearray())
        except BadRequest as exc:
            raise InvalidValue("download-failed") from exc
        return await service.description_from_file(data, kind)
