"""Job profiles: /jobs lists them, a card shows one with its counts and the buttons to
practise, interview, check a resume, edit or delete it; deleting asks first.

Creating (/newjob) is `handlers/jobs_new.py`, editing `handlers/jobs_edit.py`; both are a
`Flow` from here: one prompt at a time, whose buttons alone count; strays, other commands and
/cancel handled alike.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Awaitable, Callable, Container
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import CoachContext
from bot.i18n import texts
from bot.rendering import escape
from bot.services import jobs as service
from bot.services.jobs import InvalidValue, JobCard
from bot.settings import CONVERSATION_TIMEOUT
from bot.wording import plural
from handlers import callbacks
from handlers.kit.entry_buttons import ProgressJob
from handlers.kit.picker import job_label
from handlers.kit.replies import reply
from handlers.kit.streaming import typing

PAGE_SIZE = 8
PREVIEW_LINES, PREVIEW_CHARS = 4, 300
LEVEL_LABELS = {"junior": "Junior", "mid-level": "Mid-level", "senior": "Senior"}
LEVEL_WORDS = {"junior": "junior", "mid": "mid-level", "mid level": "mid-level", "senior": "senior"}
NOT_FOUND = "Job not found — it may have been deleted."
OLD_BUTTON = "That button is from an old message."

TEXT = filters.TEXT & ~filters.COMMAND
STRAY = filters.ALL & ~filters.COMMAND & ~filters.StatusUpdate.ALL
# Commands that would start something else mid-flow; /help and /start may pass through.
OTHER_COMMAND = filters.COMMAND & ~filters.Regex(r"^/(help|start)(@\w+)?(\s|$)")


# ----- shared by the create and edit flows ----------------------------------------------------
def chat_id_of(update: Update) -> int:
    chat = update.effective_chat or update.effective_user
    assert chat is not None
    return chat.id


def callback_arg(update: Update) -> str | None:
    assert update.callback_query is not None
    parsed = callbacks.parse(update.callback_query.data)
    return parsed.arg() if parsed else None


def warning(reason: str) -> str:
    return f"⚠️ {escape(reason)}"


def stray_reason(message: Message | None, expected: str) -> str:
    """A one-line reason for a message of the wrong kind (sticker, photo, …)."""
    kinds = (
        ("sticker", "a sticker"),
        ("photo", "a photo"),
        ("voice", "a voice message"),
        ("audio", "audio"),
        ("video", "a video"),
        ("video_note", "a video message"),
        ("animation", "a GIF"),
        ("document", "a file"),
    )
    what = next((label for attr, label in kinds if message and getattr(message, attr)), "that")
    return warning(f"I can't use {what} here — {expected}")


def level_keyboard(feature: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(label, callback_data=callbacks.make(feature, "level", value))
                for value, label in LEVEL_LABELS.items()
            ]
        ]
    )


def typed_level(text: str | None) -> str:
    """A level typed instead of tapped ("senior", "Mid level"); InvalidValue otherwise."""
    words = " ".join((text or "").lower().replace("-", " ").split())
    return service.clean_level(LEVEL_WORDS.get(words))


async def text_or_file(message: Message, context: CoachContext) -> str:
    """The message's text, or the text of its .txt or .pdf file; InvalidValue (one line)
    otherwise. A file's type and size are judged from what Telegram reports, before downloading."""
    document = message.document
    if document is None:
        return message.text or ""
    kind = service.document_kind(document.file_name, document.mime_type, document.file_size)
    async with typing(context, message.chat_id):
        try:
            file = await document.get_file()
            data = bytes(await file.download_as_bytearray())
        except BadRequest as exc:
            raise InvalidValue("I couldn't download that file — paste the text instead.") from exc
        return await service.description_from_file(data, kind)


ButtonHandler = Callable[[Update, CoachContext, str], Awaitable[int]]
StateHandler = Callable[[Update, CoachContext], Awaitable[int]]


@dataclass(frozen=True)
class Flow:
    """A conversation that asks one prompt at a time. Its draft is `context.user_data[key]`
    (plain JSON): the answers so far, the step, and which message carries the buttons that
    count. `prompt(draft, step)` gives a step's HTML and keyboard; `expected(draft, step)` what
    the step wants ("please …"); `busy` is said to other commands (with `{expected}`)."""

    key: str
    steps: tuple[int, ...]  # the first is where a draft without a (known) step stands
    prompt: Callable[[dict[str, Any], int], tuple[str, InlineKeyboardMarkup | None]]
    expected: Callable[[dict[str, Any], int], str]
    busy: str
    cancelled: str

    def draft(self, context: CoachContext) -> dict[str, Any]:
        draft: dict[str, Any] = context.user_data.setdefault(self.key, {})
        return draft

    def step(self, context: CoachContext) -> int:
        step = self.draft(context).get("step")
        return step if step in self.steps else self.steps[0]

    async def ask(
        self, update: Update, context: CoachContext, step: int, before: str | None = None
    ) -> int:
        """Send the prompt of `step` (with the HTML `before` above it) and remember it."""
        draft = self.draft(context)
        await _drop_buttons(context, chat_id_of(update), draft)
        text, markup = self.prompt(draft, step)
        sent = await self.say(update, context, f"{before}\n\n{text}" if before else text, markup)
        draft.update(step=step, prompt=sent.message_id, buttons=markup is not None)
        return step

    async def say(
        self,
        update: Update,
        context: CoachContext,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
    ) -> Message:
        """Send our own HTML to the flow's chat (a new message, also after a button)."""
        return await context.bot.send_message(
            chat_id_of(update), text, parse_mode=ParseMode.HTML, reply_markup=markup
        )

    async def start(self, update: Update, context: CoachContext, draft: dict[str, Any]) -> bool:
        """Begin with `draft`, ending a flow under way first; whether one was."""
        old = await self.end(update, context)
        context.user_data[self.key] = draft
        return bool(old)

    async def end(self, update: Update, context: CoachContext) -> dict[str, Any]:
        """Forget the draft and take the buttons off its last prompt; the draft, or {}."""
        draft: dict[str, Any] = context.user_data.pop(self.key, None) or {}
        await _drop_buttons(context, chat_id_of(update), draft)
        return draft

    def button(
        self, values: Container[str] | None = None, **draft_has: object
    ) -> Callable[[ButtonHandler], StateHandler]:
        """A button handler that runs only for a press on the latest prompt, with an argument
        in `values` (when given) and a draft holding `draft_has`; any other press is a stray.
        The query is answered; the handler gets the argument ("" when there is none)."""

        def wrap(handler: ButtonHandler) -> StateHandler:
            @functools.wraps(handler)
            async def pressed(update: Update, context: CoachContext) -> int:
                query = update.callback_query
                assert query is not None
                draft, arg = self.draft(context), callback_arg(update)
                current = query.message and query.message.message_id == draft.get("prompt")
                if (
                    not current
                    or (values is not None and arg not in values)
                    or any(draft.get(name) != value for name, value in draft_has.items())
                ):
                    return await self.stray_button(update, context)
                await query.answer()
                return await handler(update, context, arg or "")

            return pressed

        return wrap

    async def stray_message(self, update: Update, context: CoachContext) -> int:
        """A sticker, photo, file… where the step wants something else: say why, ask again."""
        step = self.step(context)
        reason = stray_reason(update.effective_message, self.expected(self.draft(context), step))
        return await self.ask(update, context, step, reason)

    async def stray_button(self, update: Update, context: CoachContext) -> int:
        """A button of an old message (or of another feature) mid-flow: say so, ask again."""
        assert update.callback_query
        await update.callback_query.answer(OLD_BUTTON)
        step = self.step(context)
        expected = self.expected(self.draft(context), step)
        return await self.ask(update, context, step, warning(f"{OLD_BUTTON} Now {expected}"))

    async def other_command(self, update: Update, context: CoachContext) -> int:
        step = self.step(context)
        reason = self.busy.format(expected=self.expected(self.draft(context), step))
        return await self.ask(update, context, step, warning(reason))

    async def cancel(self, update: Update, context: CoachContext) -> int:
        await self.end(update, context)
        await self.say(update, context, self.cancelled)
        return ConversationHandler.END

    def conversation(
        self, entry: BaseHandler[Any, Any, Any], states: dict[int, list[BaseHandler[Any, Any, Any]]]
    ) -> ConversationHandler[CoachContext]:
        """The flow's handler: every state also takes strays; /cancel, `entry` again (starting
        over) and other commands are its fallbacks. Persistent, named after the draft key."""
        strays: list[BaseHandler[Any, Any, Any]] = [
            MessageHandler(STRAY, self.stray_message),
            CallbackQueryHandler(self.stray_button),
        ]
        return ConversationHandler(
            entry_points=[entry],
            states={step: [*handlers, *strays] for step, handlers in states.items()},
            fallbacks=[
                CommandHandler("cancel", self.cancel),
                entry,
                MessageHandler(OTHER_COMMAND, self.other_command),
            ],
            name=self.key,
            persistent=True,
            conversation_timeout=CONVERSATION_TIMEOUT,
        )


async def _drop_buttons(context: CoachContext, chat_id: int, draft: dict[str, Any]) -> None:
    """Remove the keyboard of the flow's last prompt, so old buttons can't be pressed."""
    if draft.pop("buttons", False) and draft.get("prompt"):
        with contextlib.suppress(BadRequest):
            await context.bot.edit_message_reply_markup(chat_id, draft["prompt"], reply_markup=None)


# ----- the card and the list ------------------------------------------------------------------
def level_label(level: object) -> str:
    value = str(getattr(level, "value", level))
    return LEVEL_LABELS.get(value, value)


def preview(description: str) -> str:
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    text = "\n".join(lines[:PREVIEW_LINES])
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 1].rstrip() + "…"
    elif len(lines) > PREVIEW_LINES:
        text += "\n…"
    return text


def card_text(card: JobCard) -> str:
    job = card.job
    lines = [f"🏢 <b>{escape(job.name)}</b>"]
    if job.title:
        lines.append(f"💼 {escape(job.title)}")
    lines += [
        f"📈 {level_label(job.experience_level)}",
        "",
        f"<i>{escape(preview(job.description))}</i>",
        "",
        f"🧠 {plural(card.questions, 'question')} asked · "
        f"🎤 {plural(card.interviews, 'interview')} run",
    ]
    if card.reviews_due:
        lines.append(texts()("learning-card-due", count=card.reviews_due))
    return "\n".join(lines)


def card_view(card: JobCard, header: str | None = None) -> tuple[str, InlineKeyboardMarkup]:
    """The job's card (below `header`, when given) and its buttons."""
    text = card_text(card)
    return f"{header}\n\n{text}" if header else text, card_keyboard(card.job.id)


def card_keyboard(job_id: object) -> InlineKeyboardMarkup:
    def button(label: str, feature: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=callbacks.make(feature, action, job_id))

    return InlineKeyboardMarkup(
        [
            [button("🧠 Practice", "practice", "job"), button("🎤 Interview", "interview", "job")],
            [
                button("📄 Resume", "resume", "job"),
                ProgressJob(job_id=job_id).button(texts().plain("learning-button-progress")),  # type: ignore[arg-type]
            ],
            [
                button("Past questions", "practice", "list"),
                button("Past interviews", "interview", "list"),
            ],
            [button("✏️ Edit", "job", "edit"), button("🗑 Delete", "job", "del")],
            [all_jobs_button()],
        ]
    )


def all_jobs_button() -> InlineKeyboardButton:
    return InlineKeyboardButton("« All jobs", callback_data=callbacks.make("job", "page", 0))


async def list_view(user_id: int, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of the user's jobs (two queries; a third only when the page is past the end)."""
    jobs, total = await service.list_jobs(user_id, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    if total == 0:
        return "You have no saved jobs yet. Create one with /newjob.", None
    pages = math.ceil(total / PAGE_SIZE)
    if page >= pages:
        page = pages - 1
        jobs, total = await service.list_jobs(user_id, offset=page * PAGE_SIZE, limit=PAGE_SIZE)
    rows = [
        [InlineKeyboardButton(job_label(job), callback_data=callbacks.make("job", "open", job.id))]
        for job in jobs
    ]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=callbacks.make("job", "page", page - 1)))
    if page < pages - 1:
        nav.append(InlineKeyboardButton("▶", callback_data=callbacks.make("job", "page", page + 1)))
    if nav:
        rows.append(nav)
    where = f" — page {page + 1} of {pages}" if pages > 1 else ""
    text = f"<b>Your jobs</b> ({total}){where}\nTap one to open it, or /newjob to add another."
    return text, InlineKeyboardMarkup(rows)


async def show(
    update: Update, context: CoachContext, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Replace the pressed message with `text` (or send it, if that message is gone)."""
    query = update.callback_query
    assert query is not None
    if isinstance(query.message, Message):
        try:
            await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise
    else:
        await context.bot.send_message(
            chat_id_of(update), text, parse_mode=ParseMode.HTML, reply_markup=markup
        )


async def list_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message and update.effective_user
    text, markup = await list_view(update.effective_user.id, 0)
    await reply(update.effective_message, text, reply_markup=markup)


async def page_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    raw = callback_arg(update) or ""
    if not raw.isdigit() or len(raw) > 6:
        await query.answer("Not found.")
        return
    await query.answer()
    text, markup = await list_view(query.from_user.id, int(raw))
    await show(update, context, text, markup)


async def pressed_card(update: Update, now: datetime | None = None) -> JobCard | None:
    """The card of the job in the pressed button, the query answered ("not found" when the job
    is gone or not the user's: then None)."""
    query = update.callback_query
    assert query is not None
    card = await service.job_card(query.from_user.id, callback_arg(update), now=now)
    await query.answer(NOT_FOUND if card is None else None)
    return card


async def open_button(update: Update, context: CoachContext) -> None:
    if card := await pressed_card(update, context.services.plans.now()):
        await show(update, context, *card_view(card))


async def delete_button(update: Update, context: CoachContext) -> None:
    card = await pressed_card(update)
    if card is None:
        return
    job_id = card.job.id
    text = (
        f"🗑 Delete <b>{escape(card.job.name)}</b>? Its {plural(card.questions, 'question')} "
        f"and {plural(card.interviews, 'interview')} will be deleted too. This can't be undone."
    )
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "Yes, delete", callback_data=callbacks.make("job", "delok", job_id)
                ),
                InlineKeyboardButton("Keep", callback_data=callbacks.make("job", "open", job_id)),
            ]
        ]
    )
    await show(update, context, text, markup)


async def delete_confirmed(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    deleted = await service.delete_job(query.from_user.id, callback_arg(update))
    if deleted is None:
        await query.answer(NOT_FOUND)
        return
    await query.answer("Deleted.")
    text = (
        f"🗑 Deleted <b>{escape(deleted.name)}</b>, with {plural(deleted.questions, 'question')} "
        f"and {plural(deleted.interviews, 'interview')}."
    )
    await show(update, context, text, InlineKeyboardMarkup([[all_jobs_button()]]))


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """/jobs and the `job:` buttons outside conversations (`job:edit` starts jobs_edit)."""
    return [
        CommandHandler("jobs", list_command),
        CallbackQueryHandler(page_button, pattern=callbacks.pattern("job", "page")),
        CallbackQueryHandler(open_button, pattern=callbacks.pattern("job", "open")),
        CallbackQueryHandler(delete_button, pattern=callbacks.pattern("job", "del")),
        CallbackQueryHandler(delete_confirmed, pattern=callbacks.pattern("job", "delok")),
    ]
