"""Sending model text to Telegram safely: rendered Markdown, split, with a plain fallback."""

from __future__ import annotations

import contextlib
import html
import logging
import re

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.rendering import render_markdown_off_loop
from bot.telegram_html import utf16_len

log = logging.getLogger(__name__)


async def send_markdown(
    message: Message,
    markdown: str,
    *,
    header: str | None = None,
    reply_markup: InlineKeyboardMarkup | None = None,
    replace: Message | None = None,
) -> list[Message]:
    """Reply with model Markdown rendered to Telegram HTML, split to fit, never lost.

    `header` is ready HTML put above the first part. The keyboard goes on the last part.
    With `replace` (one of our own messages, a prompt whose buttons were used), the first part
    is written over it: one edit instead of taking its buttons off and sending anew.
    """
    parts = await render_markdown_off_loop(markdown) or ["…"]
    if header:
        if utf16_len(header) + utf16_len(parts[0]) + 2 < 4000:
            parts[0] = f"{header}\n\n{parts[0]}"
        else:
            parts.insert(0, header)
    sent: list[Message] = []
    for index, part in enumerate(parts):
        markup = reply_markup if index == len(parts) - 1 else None
        if index == 0 and replace is not None and (edited := await _edit(replace, part, markup)):
            sent.append(edited)
            continue
        sent.append(await _send_html(message, part, markup))
    return sent


async def _edit(
    message: Message, html_text: str, markup: InlineKeyboardMarkup | None
) -> Message | None:
    """`message` rewritten with `html_text`; None when Telegram won't (then it is sent anew)."""
    try:
        edited = await message.edit_text(html_text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        log.info("Could not edit message into the reply (%s); sending it", exc)
        return None
    return edited if isinstance(edited, Message) else None


async def _send_html(
    message: Message, html_text: str, markup: InlineKeyboardMarkup | None
) -> Message:
    try:
        return await message.reply_html(html_text, reply_markup=markup, do_quote=False)
    except BadRequest as exc:
        if "can't parse entities" not in str(exc).lower():
            raise
        # Our renderer validates its output; this only guards against Telegram disagreeing.
        log.warning("Telegram refused rendered HTML (%s); sending plain text", exc)
        return await message.reply_text(
            _strip_tags(html_text)[:4096], reply_markup=markup, do_quote=False
        )


async def reply(message: Message, html_text: str, **kwargs: object) -> Message:
    """Reply with our own (already escaped) HTML."""
    return await message.reply_text(
        html_text,
        parse_mode=ParseMode.HTML,
        do_quote=False,
        **kwargs,  # type: ignore[arg-type]
    )


def _strip_tags(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


async def remove_keyboard(message: object) -> None:
    """Take the buttons off a message once they are used (best effort: an old or already
    edited message is fine as it is)."""
    if isinstance(message, Message) and message.reply_markup is not None:
        with contextlib.suppress(TelegramError):
            await message.edit_reply_markup(reply_markup=None)
