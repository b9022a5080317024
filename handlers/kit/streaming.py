"""Showing a model's reply while it is written, then the final rendered message.

Private chats get `sendMessageDraft` (Bot API 9.3+); elsewhere, or if drafts are refused, one
message is edited at most once per `interval`. Never "message is not modified", never a flood.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import AsyncIterator, Callable

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError

from bot.ai.streams import TextStream, on_slow_reply
from bot.context import CoachContext
from bot.telegram_html import utf16_len, utf16_prefix
from handlers.kit.replies import send_markdown

log = logging.getLogger(__name__)

PREVIEW_LIMIT = 4000  # UTF-16 code units, as Telegram measures (4096 at most), plus " …"


@contextlib.asynccontextmanager
async def typing(context: CoachContext, chat_id: int) -> AsyncIterator[None]:
    """Keep the 'typing…' action visible (it fades after ~5 s) until the block ends; a model
    call in the block that is slow (AI_STILL_WRITING_SECONDS) says once that it is still
    writing (`bot.ai.streams.on_slow_reply`)."""

    async def keep_typing() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(4.5)

    task = asyncio.create_task(keep_typing())
    try:
        with on_slow_reply(
            lambda: context.bot.send_message(chat_id, context.texts.plain("ai-still-writing"))
        ):
            yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def stream_reply(
    message: Message,
    context: CoachContext,
    stream: TextStream,
    *,
    header: str | None = None,
    reply_markup: InlineKeyboardMarkup | None = None,
    interval: float = 1.0,
    replace: Message | None = None,
    check: Callable[[str], None] | None = None,
) -> list[Message]:
    """Stream `stream` into the chat of `message`; return the final message(s). With
    `replace`, the final text is written over that message (see `send_markdown`). `check`
    judges the whole text before it is shown as final: what it raises propagates and nothing
    final is sent (so no header is left above an empty reply).

    Errors of the stream (the model failing) propagate after the preview is cleaned up.
    """
    chat = message.chat
    use_draft = chat.type == ChatType.PRIVATE
    draft_id = random.randint(1, 2**31 - 1)
    preview_message: Message | None = None
    shown, last_at = "", 0.0
    iterator = aiter(stream)
    try:
        async with typing(context, chat.id):
            first = await anext(iterator, None)  # typing shows until the first words
        if first is not None:
            async for _ in _chain(first, iterator):
                if time.monotonic() - last_at < interval:
                    continue
                preview = _preview(stream.text)
                if preview == shown:
                    continue
                if use_draft:
                    try:
                        await context.bot.send_message_draft(chat.id, draft_id, preview)
                    except TelegramError as exc:  # old server or not allowed: edit instead
                        log.info("Drafts unavailable (%s); streaming by edits", exc)
                        use_draft = False
                if not use_draft:
                    preview_message = await _show(message, preview_message, preview)
                shown, last_at = preview, time.monotonic()
    except BaseException:
        # Whatever failed (Telegram, the model, a cancel), stop the model's stream now.
        with contextlib.suppress(Exception):
            await iterator.aclose()  # type: ignore[attr-defined]  # an async generator
        with contextlib.suppress(Exception):
            await stream.aclose()
        # A draft can't be taken back (an empty one shows "Thinking…"); it fades by itself.
        if preview_message is not None:
            with contextlib.suppress(TelegramError):
                await preview_message.delete()
        raise
    if preview_message is not None:
        with contextlib.suppress(TelegramError):
            await preview_message.delete()
    if check is not None:
        check(stream.text)
    return await send_markdown(
        message, stream.text, header=header, reply_markup=reply_markup, replace=replace
    )


async def _chain(first: str, rest: AsyncIterator[str]) -> AsyncIterator[str]:
    yield first
    async for item in rest:
        yield item


def _preview(text: str) -> str:
    """The text as shown while it is written: cut to `PREVIEW_LIMIT` UTF-16 units (an emoji
    is two), so a long reply is never refused as too long."""
    text = text.strip() or "…"
    if utf16_len(text) <= PREVIEW_LIMIT:
        return text
    return utf16_prefix(text, PREVIEW_LIMIT) + " …"


async def _show(reply_to: Message, preview_message: Message | None, text: str) -> Message:
    """Plain text (no parse mode) so half-written Markdown can never be refused."""
    if preview_message is None:
        return await reply_to.reply_text(text, do_quote=False)
    try:
        await preview_message.edit_text(text)
    except BadRequest as exc:
        if "not modified" not in str(exc):
            raise
    return preview_message
