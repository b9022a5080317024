"""Turning the emulator's chat into `rich` text for the console mode.

Pure functions over `ChatMessage` data: message text with its entities (UTF-16 offsets, as
Telegram counts them) to styled `Text`, inline keyboards to numbered buttons (an invoice's Pay
button and invoice links included: pressing them makes a local test payment).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.style import Style
from rich.text import Text

from bot.emulator.types import ChatMessage

# Telegram entity type -> rich style. Types not listed are shown as plain text.
ENTITY_STYLES: dict[str, str] = {
    "bold": "bold",
    "italic": "italic",
    "underline": "underline",
    "strikethrough": "strike",
    "spoiler": "reverse",
    "code": "cyan",
    "pre": "cyan",
    "blockquote": "italic",
    "expandable_blockquote": "italic",
    "url": "underline blue",
    "email": "underline blue",
    "text_link": "underline blue",
    "bot_command": "bold blue",
    "mention": "blue",
    "hashtag": "blue",
    "cashtag": "blue",
}


def utf16_to_index(text: str) -> list[int]:
    """`table[u]` is the Python index of UTF-16 offset `u` (one entry per code unit, plus the
    end). An offset inside a surrogate pair maps to the character it splits."""
    table: list[int] = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) > 0xFFFF:
            table.append(index)
    table.append(len(text))
    return table


def render_entities(text: str, entities: Sequence[Mapping[str, Any]]) -> Text:
    """The message text styled by its entities; links whose address isn't visible get it
    appended in parentheses, so plain output (no hyperlinks) still shows where they go."""
    table = utf16_to_index(text)
    last = len(table) - 1
    rendered = Text(text)
    suffixes: list[tuple[int, str]] = []
    for entity in entities:
        offset = int(entity.get("offset", 0))
        length = int(entity.get("length", 0))
        if length <= 0 or offset < 0 or offset > last:
            continue
        start, end = table[offset], table[min(offset + length, last)]
        kind = str(entity.get("type", ""))
        style_name = ENTITY_STYLES.get(kind)
        if style_name is None:
            continue
        style = Style.parse(style_name)
        url = entity.get("url")
        if kind == "text_link" and url:
            style += Style(link=str(url))
            if str(url) != text[start:end]:
                suffixes.append((end, str(url)))
        elif kind == "url":
            style += Style(link=text[start:end])
        rendered.stylize(style, start, end)
    for position, url in sorted(suffixes, reverse=True):
        rendered = rendered[:position] + Text(f" ({url})", style="dim") + rendered[position:]
    return rendered


def is_invoice_link(url: object) -> bool:
    """`https://t.me/$…`: a link that opens an invoice (createInvoiceLink)."""
    return isinstance(url, str) and url.startswith("https://t.me/$")


def is_payment_button(button: Mapping[str, Any]) -> bool:
    """An invoice's Pay button, or a link button that opens an invoice (a subscription)."""
    return bool(button.get("pay")) or is_invoice_link(button.get("url"))


def is_pressable(button: Mapping[str, Any]) -> bool:
    """A button a number presses: a callback button, or one that pays (a local test payment)."""
    return "callback_data" in button or is_payment_button(button)


def price_label(amount: object, currency: object) -> str:
    return f"{amount} ⭐" if currency == "XTR" else f"{amount} {currency}"


def keyboard_of(message: ChatMessage | None) -> dict[str, Any] | None:
    """The message's inline keyboard as the user sees it: an invoice sent without one still
    has the Pay button Telegram adds by itself."""
    if message is None:
        return None
    if message.kind == "invoice" and not (message.reply_markup or {}).get("inline_keyboard"):
        file = message.file or {}
        price = price_label(file.get("total_amount", "?"), file.get("currency", ""))
        return {"inline_keyboard": [[{"text": f"Pay {price}", "pay": True}]]}
    return message.reply_markup


def pressable_buttons(message: ChatMessage | None) -> list[dict[str, Any]]:
    """The buttons a number can press, in the order they are numbered (rows, then columns)."""
    rows = (keyboard_of(message) or {}).get("inline_keyboard") or []
    return [button for row in rows for button in row if is_pressable(button)]


def render_keyboard(reply_markup: Mapping[str, Any] | None, first: int = 1) -> Text | None:
    """`[1] Easy  [2] Medium  [3] Hard`, one keyboard row per line, numbered from `first`;
    link and other buttons that can't be pressed from here are shown without a number.
    Pay buttons (and invoice links) are numbered too and say they make a test payment."""
    rows = (reply_markup or {}).get("inline_keyboard") or []
    if not rows:
        return None
    lines: list[Text] = []
    number = first - 1
    for row in rows:
        line = Text("  ")
        for position, button in enumerate(row):
            if position:
                line.append("  ")
            label = str(button.get("text", ""))
            if is_pressable(button):
                number += 1
                line.append(f"[{number}]", style="bold yellow")
                line.append(f" {label}")
                if is_payment_button(button):
                    line.append(" (test payment)", style="dim")
            elif button.get("url"):
                line.append(f"🔗 {label} ({button['url']})", style="blue")
            else:
                line.append(f"({label})", style="dim")
        lines.append(line)
    return Text("\n").join(lines)


def describe_file(message: ChatMessage, content: bytes | None = None) -> str:
    """`[document: report.pdf, 1234 bytes]`, `[voice: 3 s, 2048 bytes]`, `[invoice: …]`."""
    file = message.file or {}
    size = len(content) if content is not None else int(file.get("file_size") or 0)
    if message.kind == "document":
        return f"[document: {file.get('file_name') or 'file'}, {size} bytes]"
    if message.kind == "voice":
        return f"[voice: {file.get('duration', '?')} s, {size} bytes]"
    if message.kind == "invoice":
        price = price_label(file.get("total_amount", "?"), file.get("currency", ""))
        return f"[invoice: {file.get('title', '')}, {price}]"
    return f"[{message.kind}]"


def render_body(message: ChatMessage) -> Text:
    """What the message says: its text (or caption) with entities, or an invoice's description
    (its title is in the file line); files are described by the caller, since saving them
    needs the emulator's storage."""
    if message.kind == "invoice":
        return Text(str((message.file or {}).get("description") or ""))
    return render_entities(message.text, message.entities)


def snippet(text: str, width: int = 40) -> str:
    """The first line of `text`, cut to `width` characters, for references to old messages."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= width else first[: width - 1] + "…"
