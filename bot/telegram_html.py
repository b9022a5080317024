"""A faithful re-implementation of Telegram's HTML parse mode.

Telegram refuses a whole message when its HTML is malformed, so both the Bot API emulator used
in tests and the renderer (as a last check before sending) need to know *exactly* what Telegram
accepts. This module ports tdlib's ``parse_html`` (td/telegram/MessageEntity.cpp) byte for
byte: same scanning rules, same error texts, byte offsets in UTF-8 and entity offsets in UTF-16
code units.

Behaviour worth knowing (all of it Telegram's, not ours):

* Only ``&lt; &gt; &amp; &quot;`` and numeric ``&#NN;`` / ``&#xHH;`` references are decoded; the
  trailing ``;`` is optional. Anything else starting with ``&`` (``&nbsp;``, ``AT&T``) stays text.
* A bare ``>`` is text. A bare ``<`` always starts a tag: ``a < b`` fails with
  ``Unsupported start tag "" at byte offset 2`` (the tag name is empty).
* Unknown attributes are ignored, attribute values may be quoted with ``"`` or ``'`` or be a bare
  name token, and tag names are case-insensitive. ``</>`` closes whatever tag is open.
* Formatting tags nested inside ``code``/``pre`` are *accepted* (Telegram does not refuse them;
  it silently drops the inner entities later). We return the entities exactly as parsed.

Not modelled: what the Bot API does after parsing (``fix_formatted_text``: trimming whitespace,
dropping or merging overlapping entities, "message text is empty", the length limit), the newer
``tg-time`` tag (refused here as unsupported), and the full URL validation of ``<a href>`` (we
only normalise scheme-less links and drop links that cannot be URLs, see ``_checked_link``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ERROR_PREFIX = "can't parse entities: "

_SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
# tdlib's is_space() counts NUL as a space; that is how scans stop at the end of the string.
_SPACES = frozenset(b" \t\r\n\0\v")
_MARKUP = re.compile(rb"[<&]")
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_FOUR_BYTE_LEADS = bytes(range(0xF0, 0x100))
_SIMPLE_TAG_TYPES = {
    "i": "italic",
    "em": "italic",
    "b": "bold",
    "strong": "bold",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
# tdlib's sort order for entities starting at the same offset with the same length.
_TYPE_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre_code": 10,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_NAMED_REFERENCES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_DEC_DIGITS = frozenset(b"0123456789")
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_USER_LINK_RE = re.compile(r"^tg://user\?id=([0-9]{1,20})$", re.IGNORECASE)
_INVALID_SURROGATES = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)


class TelegramHTMLError(ValueError):
    """Telegram would refuse the message; ``str(error)`` is Telegram's own error text."""

    def __init__(self, message: str) -> None:
        super().__init__(ERROR_PREFIX + message)


@dataclass(frozen=True, slots=True)
class MessageEntity:
    """A Bot API MessageEntity; ``offset``/``length`` are in UTF-16 code units."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units, the unit Telegram measures text in."""
    if s.isascii():
        return len(s)
    # surrogatepass: a lone surrogate is one code unit instead of an encoding error.
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def utf16_prefix(text: str, limit: int) -> str:
    """The longest prefix of `text` within `limit` UTF-16 units (never half a character)."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


def parse_html(text: str) -> tuple[str, list[MessageEntity]]:
    """Parse ``text`` exactly as Telegram's ``parse_mode=HTML`` does.

    Returns the plain text (tags removed, character references decoded) and its entities sorted
    as Telegram sorts them. Raises ``TelegramHTMLError`` with Telegram's message otherwise.
    """
    return _HtmlParser(text).parse()


@dataclass(slots=True)
class _RawEntity:
    """An entity while parsing; ``kind`` is a Bot API type or ``pre_code`` (pre + language)."""

    kind: str
    offset: int
    length: int
    argument: str = ""


@dataclass(slots=True)
class _OpenTag:
    name: str
    argument: str
    utf16_offset: int
    result_pos: int  # where the tag's content starts in the output bytes (for <a> without href)


class _HtmlParser:
    """One parse of one string; mirrors tdlib's single loop over the UTF-8 bytes."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8", "surrogatepass")
        self.i = 0
        self.out = bytearray()
        self.utf16_offset = 0
        self.entities: list[_RawEntity] = []
        self.open_tags: list[_OpenTag] = []
        self.need_recheck_utf8 = False

    def at(self, pos: int) -> int:
        # tdlib reads a NUL-terminated buffer; reading past the end yields 0.
        return self.data[pos] if pos < len(self.data) else 0

    def parse(self) -> tuple[str, list[MessageEntity]]:
        while self.i < len(self.data):
            c = self.data[self.i]
            if c == ord("&") and self._try_reference():
                continue
            if c == ord("&"):
                self._copy_byte(c)
            elif c != ord("<"):
                self._copy_text()
            elif self.at(self.i + 1) == ord("/"):
                self._end_tag()
            else:
                self._start_tag()
        if self.open_tags:
            name = self.open_tags[-1].name
            raise TelegramHTMLError(f'Can\'t find end tag corresponding to start tag "{name}"')
        return self._result_text(), _finish_entities(self.entities)

    # -- text -------------------------------------------------------------------------------

    def _copy_text(self) -> None:
        """Copy the run of bytes up to the next '<' or '&' at once: the same as copying them
        one by one (both are ASCII, so a run never splits a UTF-8 sequence), in C."""
        found = _MARKUP.search(self.data, self.i)
        end = found.start() if found else len(self.data)
        run = self.data[self.i : end]
        if run.isascii():
            self.utf16_offset += len(run)
        else:  # one unit per lead byte, two for a 4-byte sequence (a surrogate pair)
            leads = len(run.translate(None, _CONTINUATION_BYTES))
            self.utf16_offset += leads + len(run) - len(run.translate(None, _FOUR_BYTE_LEADS))
        self.out += run
        self.i = end

    def _copy_byte(self, c: int) -> None:
        if c & 0xC0 != 0x80:  # first byte of a UTF-8 sequence; 4-byte ones are surrogate pairs
            self.utf16_offset += 2 if c >= 0xF0 else 1
        self.out.append(c)
        self.i += 1

    def _try_reference(self) -> bool:
        decoded = _decode_reference(self.data, self.i)
        if decoded is None:
            return False
        code, self.i = decoded
        self.utf16_offset += 2 if code > 0xFFFF else 1
        if 0xD800 <= code <= 0xDFFF:
            self.need_recheck_utf8 = True
        self.out += chr(code).encode("utf-8", "surrogatepass")
        return True

    def _result_text(self) -> str:
        try:
            return self.out.decode("utf-8")
        except UnicodeDecodeError:
            raise TelegramHTMLError(_INVALID_SURROGATES) from None

    # -- start tags -------------------------------------------------------------------------

    def _start_tag(self) -> None:
        begin = self.i
        self.i += 1
        while self.at(self.i) not in _SPACES and self.at(self.i) != ord(">"):
            self.i += 1
        if self.at(self.i) == 0:
            raise TelegramHTMLError(f"Unclosed start tag at byte offset {begin}")
        name = _ascii_lower(self.data[begin + 1 : self.i])
        if name not in _SUPPORTED_TAGS:
            raise TelegramHTMLError(f'Unsupported start tag "{name}" at byte offset {begin}')
        argument = self._attributes(name, begin)
        self.i += 1  # the '>'
        if name == "span" and argument != "spoiler":
            raise TelegramHTMLError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
            )
        self.open_tags.append(_OpenTag(name, argument, self.utf16_offset, len(self.out)))

    def _attributes(self, tag: str, begin: int) -> str:
        """Scan attributes up to the closing '>' and return the one argument the tag uses."""
        argument = ""
        while self.at(self.i) != ord(">"):
            self._skip_spaces()
            if self.at(self.i) == ord(">"):
                break
            name = self._attribute_name(tag, begin)
            self._skip_spaces()
            if self.at(self.i) != ord("="):
                if self.at(self.i) == 0:
                    raise TelegramHTMLError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                # A valueless attribute; only <blockquote expandable> cares.
                if tag == "blockquote" and name == "expandable":
                    argument = "1"
                continue
            self.i += 1
            self._skip_spaces()
            if self.at(self.i) == 0:
                raise TelegramHTMLError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            value = self._attribute_value()
            if self.at(self.i) == 0:
                raise TelegramHTMLError(f"Unclosed start tag at byte offset {begin}")
            argument = _tag_argument(tag, name, value, argument)
        return argument

    def _skip_spaces(self) -> None:
        while self.at(self.i) != 0 and self.at(self.i) in _SPACES:
            self.i += 1

    def _attribute_name(self, tag: str, begin: int) -> str:
        start = self.i
        while self.at(self.i) not in _SPACES and self.at(self.i) not in b"=>/\"'":
            self.i += 1
        if self.i == start:
            raise TelegramHTMLError(
                f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
            )
        # Attribute names are compared case-sensitively by tdlib.
        return self.data[start : self.i].decode("utf-8", "replace")

    def _attribute_value(self) -> str:
        quote = self.at(self.i)
        if quote not in b"\"'":
            return self._name_token()
        self.i += 1
        value = bytearray()
        while self.at(self.i) != quote and self.at(self.i) != 0:
            decoded = _decode_reference(self.data, self.i) if self.at(self.i) == ord("&") else None
            if decoded is not None:
                code, self.i = decoded
                value += chr(code).encode("utf-8", "surrogatepass")
            else:
                value.append(self.data[self.i])
                self.i += 1
        if self.at(self.i) == quote:
            self.i += 1
        return value.decode("utf-8", "replace")

    def _name_token(self) -> str:
        """An unquoted value: letters, digits, '.' and '-' only, lowercased (SGML name token)."""
        start = self.i
        while _is_alnum(self.at(self.i)) or self.at(self.i) in b".-":
            self.i += 1
        if self.at(self.i) not in _SPACES and self.at(self.i) != ord(">"):
            raise TelegramHTMLError(f"Unexpected end of name token at byte offset {start}")
        return _ascii_lower(self.data[start : self.i])

    # -- end tags ---------------------------------------------------------------------------

    def _end_tag(self) -> None:
        begin = self.i
        if not self.open_tags:
            raise TelegramHTMLError(f"Unexpected end tag at byte offset {begin}")
        self.i += 2
        while self.at(self.i) not in _SPACES and self.at(self.i) != ord(">"):
            self.i += 1
        end_name = _ascii_lower(self.data[begin + 2 : self.i])
        self._skip_spaces()
        if self.at(self.i) != ord(">"):
            raise TelegramHTMLError(f"Unclosed end tag at byte offset {begin}")
        self.i += 1
        tag = self.open_tags.pop()
        if end_name and end_name != tag.name:
            raise TelegramHTMLError(
                f'Unmatched end tag at byte offset {begin}, expected "</{tag.name}>", '
                f'found "</{end_name}>"'
            )
        if self.utf16_offset > tag.utf16_offset:  # empty tags produce no entity
            self._close_entity(tag, tag.utf16_offset, self.utf16_offset - tag.utf16_offset)

    def _close_entity(self, tag: _OpenTag, offset: int, length: int) -> None:
        simple = _SIMPLE_TAG_TYPES.get(tag.name)
        if simple is not None:
            self.entities.append(_RawEntity(simple, offset, length))
        elif tag.name == "tg-emoji":
            if not _is_valid_emoji_id(tag.argument):
                raise TelegramHTMLError("Invalid custom emoji identifier specified")
            self.entities.append(_RawEntity("custom_emoji", offset, length, tag.argument))
        elif tag.name == "a":
            url = tag.argument or self.out[tag.result_pos :].decode("utf-8", "replace")
            link = _link_entity(url, offset, length)
            if link is not None:
                self.entities.append(link)
        elif tag.name in ("pre", "code"):
            self._close_pre_or_code(tag, offset, length)
        else:
            kind = "expandable_blockquote" if tag.argument else "blockquote"
            self.entities.append(_RawEntity(kind, offset, length))

    def _close_pre_or_code(self, tag: _OpenTag, offset: int, length: int) -> None:
        # <pre><code class="language-x"> (in either nesting order) over the very same text
        # becomes one pre entity with a language.
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and last.offset == offset and last.length == length
        if tag.name == "pre":
            if same_span and last is not None and last.kind == "code" and last.argument:
                last.kind = "pre_code"
            else:
                self.entities.append(_RawEntity("pre", offset, length))
        elif same_span and last is not None and last.kind == "pre" and tag.argument:
            last.kind = "pre_code"
            last.argument = tag.argument
        else:
            self.entities.append(_RawEntity("code", offset, length, tag.argument))


def _decode_reference(data: bytes, pos: int) -> tuple[int, int] | None:
    """Decode the character reference at ``data[pos] == '&'`` -> (code point, next position)."""
    if pos + 1 < len(data) and data[pos + 1] == ord("#"):
        decoded = _decode_numeric_reference(data, pos)
    else:
        end = pos + 1
        while end < len(data) and _is_alpha(data[end]):
            end += 1
        char = _NAMED_REFERENCES.get(bytes(data[pos + 1 : end]))
        decoded = None if char is None else (ord(char), end)
    if decoded is None:
        return None
    code, end = decoded
    if end < len(data) and data[end] == ord(";"):  # the ';' is optional
        end += 1
    return code, end


def _decode_numeric_reference(data: bytes, pos: int) -> tuple[int, int] | None:
    # Only a lowercase 'x' starts a hex reference; "&#X41;" is left as text, like in tdlib.
    is_hex = pos + 2 < len(data) and data[pos + 2] == ord("x")
    start = end = pos + (3 if is_hex else 2)
    digits = _HEX_DIGITS if is_hex else _DEC_DIGITS
    while end < len(data) and data[end] in digits:
        end += 1
    code = int(data[start:end], 16 if is_hex else 10) if end > start else 0
    if code == 0 or code >= 0x10FFFF or end - pos >= 10:
        return None
    return code, end


def _tag_argument(tag: str, name: str, value: str, current: str) -> str:
    """The attribute that matters for ``tag``, or ``current`` when this one doesn't."""
    if tag == "a" and name == "href":
        return value
    if tag == "code" and name == "class" and value.startswith("language-"):
        return value[len("language-") :]
    if tag == "span" and name == "class" and value.startswith("tg-"):
        return value[len("tg-") :]
    if tag == "tg-emoji" and name == "emoji-id":
        return value
    if tag == "blockquote" and name == "expandable":
        return "1"
    return current


def _is_valid_emoji_id(value: str) -> bool:
    # tdlib: the id must round-trip as a non-zero int64 ("012" and "+1" do not).
    if not re.fullmatch(r"-?[0-9]+", value):
        return False
    number = int(value)
    return str(number) == value and number != 0 and _INT64_MIN <= number <= _INT64_MAX


def _link_entity(url: str, offset: int, length: int) -> _RawEntity | None:
    if _USER_LINK_RE.match(url):
        return _RawEntity("text_mention", offset, length, url)
    checked = _checked_link(url)
    if checked is None:  # Telegram silently drops links it can't use; it is not an error
        return None
    return _RawEntity("text_link", offset, length, checked)


def _checked_link(url: str) -> str | None:
    """Approximation of tdlib's LinkManager::get_checked_link.

    Scheme-less links get ``http://``, web links without a path get ``/``, links containing
    whitespace/control characters or without a host are dropped.
    """
    if not url or any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        return None
    match = _SCHEME_RE.match(url)
    if match is None or ("." in match.group(1) and "://" not in url):
        url = "http://" + url
        match = _SCHEME_RE.match(url)
    assert match is not None
    if match.group(1).lower() not in ("http", "https"):
        return url
    rest = url[match.end() :]
    if not rest.startswith("//"):
        return None
    host_end = len(rest)
    for sep in "/?#":
        found = rest.find(sep, 2)
        if found != -1:
            host_end = min(host_end, found)
    if host_end <= 2:
        return None
    if host_end == len(rest) or rest[host_end] != "/":
        rest = rest[:host_end] + "/" + rest[host_end:]
    return url[: match.end()] + rest


def _finish_entities(raw: list[_RawEntity]) -> list[MessageEntity]:
    raw.sort(key=lambda e: (e.offset, -e.length, _TYPE_PRIORITY[e.kind]))
    return [_to_bot_api(e) for e in raw]


def _to_bot_api(entity: _RawEntity) -> MessageEntity:
    if entity.kind == "pre_code":
        return MessageEntity("pre", entity.offset, entity.length, language=entity.argument)
    if entity.kind in ("text_link", "text_mention"):
        return MessageEntity(entity.kind, entity.offset, entity.length, url=entity.argument)
    if entity.kind == "custom_emoji":
        return MessageEntity(
            entity.kind, entity.offset, entity.length, custom_emoji_id=entity.argument
        )
    # A language on a <code> outside <pre> is dropped, as Telegram does.
    return MessageEntity(entity.kind, entity.offset, entity.length)


def _ascii_lower(raw: bytes) -> str:
    # tdlib lowercases ASCII only; other bytes pass through untouched.
    return raw.lower().decode("utf-8", "replace")


def _is_alpha(c: int) -> bool:
    return ord("a") <= (c | 0x20) <= ord("z")


def _is_alnum(c: int) -> bool:
    return _is_alpha(c) or ord("0") <= c <= ord("9")
