"""Model Markdown -> Telegram HTML message parts.

Library choice (cases: code blocks, nested lists, tables, ``<``, ``&``, snake_case, unbalanced
``**``, raw ``<div>``). chatgpt-md-converter (regex-based, emits HTML) escaped ``<``, ``&`` and
``<div>`` fine, but made ``__init__`` into ``<u>init</u>``, unbalanced ``**`` into
``*<i>...*</i>`` and left tables as raw pipes. sulguk only maps HTML to entities (it needs a
separate Markdown->HTML step) and raised on ``<table>``. telegramify-markdown parses real CommonMark
(pyromark, i.e. pulldown-cmark) into text + entities: code blocks with language, nested lists,
tables as aligned ``pre``, ``<``/``&``/snake_case exact, unbalanced ``**`` kept visible; its two
flaws (raw HTML silently dropped, ``__init__`` read as bold) are fixed by backslash-escaping those
spans first. We use it and serialise its entities to HTML ourselves, so escaping, tag nesting and
splitting are guaranteed here rather than by string surgery on HTML.
"""

from __future__ import annotations

import asyncio
import bisect
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

import pyromark
import telegramify_markdown
from telegramify_markdown.converter import STANDARD_OPTIONS

from bot.telegram_html import MessageEntity, TelegramHTMLError, parse_html, utf16_len

TELEGRAM_TEXT_LIMIT = 4096
# Raw HTML may be longer than the parsed text (tags, &lt; &amp;); keep it within a small factor,
# with a floor so that tiny limits still leave room for a tag or two.
HTML_SIZE_FACTOR = 3
MIN_HTML_BUDGET = 256
# A few re-parses are enough: each pass only turns HTML into escaped text.
_MAX_ESCAPE_PASSES = 4
_DUNDER_RE = re.compile(rb"__\w+__")
_SIMPLE_TAGS = {
    "bold": "b",
    "italic": "i",
    "underline": "u",
    "strikethrough": "s",
    "spoiler": "tg-spoiler",
    "code": "code",
    "blockquote": "blockquote",
}
_KNOWN_TYPES = frozenset(
    {*_SIMPLE_TAGS, "pre", "text_link", "custom_emoji", "expandable_blockquote"}
)
# Opening order for entities sharing a start and an end: outer containers first.
_NESTING_ORDER = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 1,
    "text_link": 2,
    "bold": 3,
    "italic": 4,
    "underline": 5,
    "strikethrough": 6,
    "spoiler": 7,
    "code": 8,
    "custom_emoji": 9,
}


def escape(text: str, *, quote: bool = False) -> str:
    """Escape user/model text to show it literally inside Telegram HTML.

    Use ``quote=True`` for attribute values (e.g. an ``href``).
    """
    return html.escape(text, quote=quote)


def max_html_len(limit: int) -> int:
    """The largest raw HTML string ``render_markdown(md, limit)`` returns for one part."""
    return max(HTML_SIZE_FACTOR * limit, MIN_HTML_BUDGET)


def plain_text(md: str) -> str:
    """Markdown rendered as plain text without formatting (for logs and fallbacks)."""
    return _convert(md)[0]


# Longer Markdown is rendered in a worker thread: a model's report (~10,000 characters) takes
# ~15 ms, which would stall every other user's update on the event loop.
OFF_LOOP_CHARS = 2_000


async def render_markdown_off_loop(md: str) -> list[str]:
    """`render_markdown`, in a worker thread when `md` is long."""
    if len(md) < OFF_LOOP_CHARS:
        return render_markdown(md)
    return await asyncio.to_thread(render_markdown, md)


def render_markdown(md: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Convert model Markdown into Telegram-HTML message parts.

    Every part passes ``parse_html``, has at most ``limit`` UTF-16 units of text after parsing
    and at most ``max_html_len(limit)`` characters of HTML. Whitespace-only input gives
    ``[]`` (Telegram refuses empty messages, so callers must not send anything).
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text, entities = _convert(md)
    spans = _to_spans(text, entities)
    return [part for chunk in _split(text, spans, limit) for part in _render_chunk(chunk, limit)]


# -- conversion -------------------------------------------------------------------------------


def _convert(md: str) -> tuple[str, list[MessageEntity]]:
    try:
        text, raw_entities = telegramify_markdown.convert(
            _escape_unsafe_markdown(md), config=_CONFIG
        )
    except Exception:  # any converter bug must not cost the user the message
        return md, []
    return text, [e for raw in raw_entities if (e := _entity_from_library(raw)) is not None]


def _make_config() -> telegramify_markdown.RenderConfig:
    # An isolated config so other code changing the library's global config can't affect us.
    config = telegramify_markdown.RenderConfig.isolated()
    symbols = config.markdown_symbol
    for level in range(1, 7):
        setattr(symbols, f"heading_level_{level}", "")  # headings are bold, no emoji prefix
    symbols.unordered_list_item = "•"
    return config


_CONFIG = _make_config()


def _escape_unsafe_markdown(md: str) -> str:
    """Backslash-escape what CommonMark reads differently from what the model meant.

    Raw HTML (``<div>``, ``<b>``, comments) would be dropped by the converter; escaping its
    ``<`` makes it visible text. ``__init__``-style dunder names would become bold "init";
    escaping their underscores keeps them literal. Positions come from the same parser the
    converter uses, so code spans and fenced code are never touched.
    """
    for _ in range(_MAX_ESCAPE_PASSES):
        source = md.encode("utf-8")
        positions = sorted(set(_unsafe_positions(source, md)))
        if not positions:
            break
        md = _insert_backslashes(source, positions)
    return md


def _unsafe_positions(source: bytes, md: str) -> Iterable[int]:
    for event, span in pyromark.events_with_range(md, options=STANDARD_OPTIONS):
        start, end = span["start"], span["end"]
        if isinstance(event, dict) and ("Html" in event or "InlineHtml" in event):
            yield from (start + k for k, byte in enumerate(source[start:end]) if byte == ord("<"))
        elif (
            isinstance(event, dict)
            and event.get("Start") == "Strong"
            and _DUNDER_RE.fullmatch(source[start:end])
        ):
            yield from (start, start + 1, end - 2, end - 1)


def _insert_backslashes(source: bytes, positions: list[int]) -> str:
    bounds = [0, *positions, len(source)]
    return b"\\".join(source[a:b] for a, b in pairwise(bounds)).decode("utf-8")


def _entity_from_library(raw: telegramify_markdown.MessageEntity) -> MessageEntity | None:
    if raw.type not in _KNOWN_TYPES or raw.length <= 0:
        return None  # e.g. date_time/text_mention: keep the text, drop the formatting
    if raw.type == "text_link" and not raw.url:
        return None
    if raw.type == "custom_emoji" and not raw.custom_emoji_id:
        return None
    return MessageEntity(
        raw.type,
        raw.offset,
        raw.length,
        url=raw.url,
        language=raw.language or None,
        custom_emoji_id=raw.custom_emoji_id,
    )


# -- spans in Python string indices -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """An entity located by Python string indices ``[start, end)``."""

    start: int
    end: int
    entity: MessageEntity


@dataclass(frozen=True, slots=True)
class _Chunk:
    text: str
    spans: tuple[_Span, ...]


def _utf16_table(text: str) -> list[int]:
    """``table[i]`` is the UTF-16 offset of ``text[i]``; the last item is the total length."""
    table = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        table[i] = total
        total += 2 if ord(ch) > 0xFFFF else 1
    table[len(text)] = total
    return table


def _to_spans(text: str, entities: list[MessageEntity]) -> list[_Span]:
    table = _utf16_table(text)
    spans = []
    for entity in entities:
        start = bisect.bisect_left(table, entity.offset)
        end = bisect.bisect_left(table, entity.offset + entity.length)
        if start < end:
            spans.append(_Span(start, min(end, len(text)), entity))
    return spans


# -- splitting --------------------------------------------------------------------------------


def _split(text: str, spans: list[_Span], limit: int) -> list[_Chunk]:
    """Cut ``text`` into chunks of at most ``limit`` UTF-16 units, entities clipped to each."""
    table = _utf16_table(text)
    cost = _break_costs(text, spans)
    chunks = []
    start = 0
    while start < len(text):
        fits = bisect.bisect_right(table, table[start] + limit) - 1
        end = len(text) if fits >= len(text) else _best_break(text, cost, start, fits)
        chunk = _make_chunk(text, spans, start, end)
        if chunk is not None:
            chunks.append(chunk)
        start = end
    return chunks


_FREE, _IN_CODE, _AFTER_HEADING = 0, 1, 2
# (separator, worst acceptable cost) from best to worst; then a space, then anywhere.
_BREAK_TIERS = (
    ("\n\n", _FREE),
    ("\n", _FREE),
    ("\n\n", _IN_CODE),
    ("\n", _IN_CODE),
    ("\n", _AFTER_HEADING),
)


def _break_costs(text: str, spans: list[_Span]) -> bytearray:
    """How bad splitting at each position is: inside code, or right after a heading."""
    cost = bytearray(len(text) + 1)
    for span in spans:
        if span.entity.type in ("pre", "code"):
            cost[span.start + 1 : span.end] = bytes([_IN_CODE]) * (span.end - span.start - 1)
        elif span.entity.type == "bold" and _is_heading_like(text, span):
            # Keep a heading (or a bold line acting as one) with the text it introduces.
            cost[span.end + 1 : span.end + 3] = bytes([_AFTER_HEADING]) * 2
    return cost


def _is_heading_like(text: str, span: _Span) -> bool:
    starts_block = span.start == 0 or text[span.start - 1] == "\n"
    ends_line = text.startswith("\n", span.end)
    return starts_block and ends_line and "\n" not in text[span.start : span.end]


def _best_break(text: str, cost: bytearray, start: int, fits: int) -> int:
    """The split position in ``(start, fits]``: paragraph, then line, then word, then hard."""
    window = text[start:fits]
    for separator, worst in _BREAK_TIERS:
        pos = _last_break(window, separator, start, cost, worst)
        if pos is not None:
            return pos
    space = window.rfind(" ")
    if space > 0:
        return start + space + 1
    return max(fits, start + 1)  # hard split; always make progress


def _last_break(window: str, separator: str, start: int, cost: bytearray, worst: int) -> int | None:
    found = window.rfind(separator)
    while found > 0:
        pos = start + found + len(separator)
        if cost[pos] <= worst:
            return pos
        found = window.rfind(separator, 0, found)
    return None


def _make_chunk(text: str, spans: list[_Span], start: int, end: int) -> _Chunk | None:
    # Edge newlines only: leading spaces may be indentation of a continued code block.
    while start < end and text[start] in "\r\n":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    clipped = tuple(
        _Span(max(s.start, start) - start, min(s.end, end) - start, s.entity)
        for s in spans
        if s.start < end and s.end > start
    )
    return _Chunk(text[start:end], clipped)


# -- HTML serialisation -----------------------------------------------------------------------


def _render_chunk(chunk: _Chunk, limit: int) -> list[str]:
    """HTML for one chunk, re-split if the markup is too long, plain text if it doesn't parse."""
    markup = _to_html(chunk)
    if len(markup) > max_html_len(limit):
        if len(chunk.text) == 1:  # one character under too much markup (a huge href)
            return [escape(chunk.text)]
        # Heavy escaping/markup: split this chunk's text more finely and try again.
        smaller = max(1, utf16_len(chunk.text) // 2)
        return [
            part
            for sub in _split(chunk.text, list(chunk.spans), smaller)
            for part in _render_chunk(sub, limit)
        ]
    try:
        parsed, _ = parse_html(markup)
    except TelegramHTMLError:
        return [escape(chunk.text)]
    if utf16_len(parsed) > limit:  # cannot happen by construction; never send what fails
        return [escape(chunk.text)]
    return [markup]


def _to_html(chunk: _Chunk) -> str:
    """Serialise text + entities into properly nested Telegram HTML."""
    spans = sorted(
        chunk.spans, key=lambda s: (s.start, -s.end, _NESTING_ORDER.get(s.entity.type, 99))
    )
    bounds = sorted({0, len(chunk.text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[_Span] = []
    next_span = 0
    previous = 0
    for pos in bounds:
        out.append(escape(chunk.text[previous:pos]))
        previous = pos
        _close_ending(stack, pos, out)
        while next_span < len(spans) and spans[next_span].start == pos:
            out.append(_open_tag(spans[next_span].entity))
            stack.append(spans[next_span])
            next_span += 1
    _close_ending(stack, len(chunk.text) + 1, out)
    return "".join(out)


def _close_ending(stack: list[_Span], pos: int, out: list[str]) -> None:
    """Close every open span ending at ``pos``; spans crossed on the way are reopened."""
    reopen: list[_Span] = []
    while any(span.end <= pos for span in stack):
        top = stack.pop()
        out.append(_close_tag(top.entity))
        if top.end > pos:
            reopen.append(top)
    for span in reversed(reopen):
        out.append(_open_tag(span.entity))
        stack.append(span)


def _open_tag(entity: MessageEntity) -> str:
    if entity.type == "pre":
        if entity.language:
            return f'<pre><code class="language-{escape(entity.language, quote=True)}">'
        return "<pre>"
    if entity.type == "text_link":
        return f'<a href="{escape(entity.url or "", quote=True)}">'
    if entity.type == "custom_emoji":
        return f'<tg-emoji emoji-id="{escape(entity.custom_emoji_id or "", quote=True)}">'
    if entity.type == "expandable_blockquote":
        return "<blockquote expandable>"
    return f"<{_SIMPLE_TAGS[entity.type]}>"


def _close_tag(entity: MessageEntity) -> str:
    if entity.type == "pre":
        return "</code></pre>" if entity.language else "</pre>"
    if entity.type == "text_link":
        return "</a>"
    if entity.type == "custom_emoji":
        return "</tg-emoji>"
    if entity.type == "expandable_blockquote":
        return "</blockquote>"
    return f"</{_SIMPLE_TAGS[entity.type]}>"
