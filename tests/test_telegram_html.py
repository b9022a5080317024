"""Tests for bot.telegram_html: Telegram's HTML parse mode, errors included.

Many expectations are taken from tdlib's own parse_html test suite (test/message_entities.cpp),
so a difference here means we no longer refuse/accept what Telegram does.
"""

import pytest

from bot.telegram_html import MessageEntity, TelegramHTMLError, parse_html, utf16_len

E = MessageEntity


def error_of(text: str) -> str:
    with pytest.raises(TelegramHTMLError) as info:
        parse_html(text)
    return str(info.value)


# -- utf16_len ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("abc", 3), ("é", 1), ("я", 1), ("🏟", 2), ("➡️", 2), ("a🏟b", 4), ("👍🏽", 4)],
)
def test_utf16_len(text: str, expected: int) -> None:
    assert utf16_len(text) == expected


# -- supported tags -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "entity_type"),
    [
        ("b", "bold"),
        ("strong", "bold"),
        ("i", "italic"),
        ("em", "italic"),
        ("u", "underline"),
        ("ins", "underline"),
        ("s", "strikethrough"),
        ("strike", "strikethrough"),
        ("del", "strikethrough"),
        ("tg-spoiler", "spoiler"),
        ("code", "code"),
        ("pre", "pre"),
        ("blockquote", "blockquote"),
    ],
)
def test_simple_tags(tag: str, entity_type: str) -> None:
    assert parse_html(f"x <{tag}>hello</{tag}> y") == ("x hello y", [E(entity_type, 2, 5)])


def test_tags_are_case_insensitive() -> None:
    assert parse_html("<B>a</b><EM>b</EM>") == ("ab", [E("bold", 0, 1), E("italic", 1, 1)])


def test_span_spoiler() -> None:
    assert parse_html('<span class="tg-spoiler">secret</span>') == ("secret", [E("spoiler", 0, 6)])


def test_link_with_each_quoting_style() -> None:
    expected = ("go", [E("text_link", 0, 2, url="https://example.com/a?b=1&c=2")])
    assert parse_html('<a href="https://example.com/a?b=1&amp;c=2">go</a>') == expected
    assert parse_html("<a href='https://example.com/a?b=1&c=2'>go</a>") == expected
    assert parse_html("<a href=telegram.org>go</a>") == (
        "go",
        [E("text_link", 0, 2, url="http://telegram.org/")],
    )


def test_link_without_href_uses_its_text_and_bad_links_are_dropped() -> None:
    assert parse_html("<a>telegram.org</a>") == (
        "telegram.org",
        [E("text_link", 0, 12, url="http://telegram.org/")],
    )
    # Not an error in Telegram: the link entity is silently dropped.
    assert parse_html("<a>telegram.org </a>") == ("telegram.org ", [])
    assert parse_html("<a> </a>") == (" ", [])


def test_custom_emoji() -> None:
    text, entities = parse_html('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>')
    assert text == "👍"
    assert entities == [E("custom_emoji", 0, 2, custom_emoji_id="5368324170671202286")]


def test_pre_code_with_language() -> None:
    html = '<pre><code class="language-python">print(1 &lt; 2)</code></pre>'
    assert parse_html(html) == ("print(1 < 2)", [E("pre", 0, 12, language="python")])
    # Either nesting order works, as in Telegram.
    html = '<code class="language-fift"><pre>x</pre></code>'
    assert parse_html(html) == ("x", [E("pre", 0, 1, language="fift")])


def test_pre_code_without_language_or_with_extra_text() -> None:
    assert parse_html("<pre><code>x</code></pre>") == ("x", [E("pre", 0, 1), E("code", 0, 1)])
    html = '<pre><code class="language-fift">x</code> </pre>'
    assert parse_html(html) == ("x ", [E("pre", 0, 2), E("code", 0, 1)])
    # A language on a lone <code> is dropped.
    assert parse_html('<code class="language-py">x</code>') == ("x", [E("code", 0, 1)])


def test_blockquote_expandable() -> None:
    assert parse_html("<blockquote expandable>q</blockquote>") == (
        "q",
        [E("expandable_blockquote", 0, 1)],
    )
    assert parse_html('<blockquote cite="" foo bar>q</blockquote>') == (
        "q",
        [E("blockquote", 0, 1)],
    )


def test_nested_entities_sorted_like_telegram() -> None:
    text, entities = parse_html("<b>bold <i>both</i></b> <u><s>us</s></u>")
    assert text == "bold both us"
    assert entities == [
        E("bold", 0, 9),
        E("italic", 5, 4),
        E("underline", 10, 2),
        E("strikethrough", 10, 2),
    ]


def test_formatting_inside_code_is_accepted() -> None:
    # Telegram does not refuse this (it drops the inner entity later); we return them as parsed.
    assert parse_html("<code><b>x</b></code>") == ("x", [E("code", 0, 1), E("bold", 0, 1)])


def test_empty_tags_make_no_entity_and_bare_end_tag_closes_anything() -> None:
    assert parse_html("a<b></b>c") == ("ac", [])
    assert parse_html("<i>a</>") == ("a", [E("italic", 0, 1)])
    assert parse_html("<i>a</i   >") == ("a", [E("italic", 0, 1)])


def test_attribute_forms() -> None:
    assert parse_html("<i    aba  =  190azAz-.>a</i>") == ("a", [E("italic", 0, 1)])
    assert parse_html("<i aba='&lt;&gt;&quot;'>a</i>") == ("a", [E("italic", 0, 1)])
    assert parse_html("<b aba   =   caba>a</b>") == ("a", [E("bold", 0, 1)])


# -- UTF-16 offsets -------------------------------------------------------------------------


def test_offsets_count_emoji_as_two_utf16_units() -> None:
    text, entities = parse_html("🏟 🏟<i>🏟 &lt🏟</i>")
    assert text == "🏟 🏟🏟 <🏟"
    assert entities == [E("italic", 5, 6)]


def test_offsets_with_emoji_and_nested_tags() -> None:
    text, entities = parse_html("🏟 🏟<i>🏟 &gt;<b aba   =   caba>&lt🏟</b></i>")
    assert text == "🏟 🏟🏟 ><🏟"
    assert entities == [E("italic", 5, 7), E("bold", 9, 3)]


def test_offsets_with_variation_selector_emoji() -> None:
    assert parse_html("➡️ ➡️<b>➡️ ➡️</b>") == ("➡️ ➡️➡️ ➡️", [E("bold", 5, 5)])


def test_custom_emoji_inside_bold_offsets() -> None:
    _, entities = parse_html('🏟 🏟<b aba   =   caba><tg-emoji emoji-id="1">🏟</tg-emoji>1</b>')
    assert entities == [E("bold", 5, 3), E("custom_emoji", 5, 2, custom_emoji_id="1")]


# -- character references and bare characters -----------------------------------------------


def test_supported_references_are_decoded() -> None:
    assert parse_html("&lt;&gt;&amp;&quot;&#65;&#x42;&#x1F600;") == ('<>&"AB😀', [])


def test_semicolon_is_optional() -> None:
    assert parse_html("&lt5 &amp &#65") == ("<5 & A", [])


def test_unknown_references_stay_text() -> None:
    text = "&ge;&laquo;&nbsp;&foo;&Or;&#12345678;&#X41;&#0;"
    assert parse_html(text) == (text, [])


def test_bare_ampersand_and_greater_than_are_text() -> None:
    assert parse_html("AT&T & co > 5 && x") == ("AT&T & co > 5 && x", [])


def test_reference_offsets() -> None:
    assert parse_html("&lt;<b>&amp;</b>") == ("<&", [E("bold", 1, 1)])


# -- errors ---------------------------------------------------------------------------------


def test_errors_start_with_telegram_prefix() -> None:
    assert error_of("<div>x</div>").startswith("can't parse entities: ")


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("x<br>y", 'Unsupported start tag "br" at byte offset 1'),
        ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("🏟 🏟&lt;<abac aba>", 'Unsupported start tag "abac" at byte offset 13'),
        ("x <br/>", 'Unsupported start tag "br/" at byte offset 2'),
        ("<tg-time unix=1>x</tg-time>", 'Unsupported start tag "tg-time" at byte offset 0'),
    ],
)
def test_unsupported_start_tag(html: str, message: str) -> None:
    assert error_of(html) == "can't parse entities: " + message


def test_bare_less_than_is_an_empty_start_tag() -> None:
    # What Telegram really answers for "a < b" (widely reported by bot authors).
    assert error_of("a < b") == 'can\'t parse entities: Unsupported start tag "" at byte offset 2'
    assert error_of("if a<b") == "can't parse entities: Unclosed start tag at byte offset 4"
    # "b then" reads as tag "b" with a valueless attribute "then", cut off by the end of text.
    assert error_of("if a<b then") == (
        'can\'t parse entities: Unclosed start tag "b" at byte offset 4'
    )
    assert error_of("x <= 5") == 'can\'t parse entities: Unsupported start tag "=" at byte offset 2'


def test_unclosed_tag() -> None:
    assert error_of("<b>bold") == (
        "can't parse entities: Can't find end tag corresponding to start tag \"b\""
    )
    assert error_of("<b><i>x</i>") == (
        "can't parse entities: Can't find end tag corresponding to start tag \"b\""
    )


def test_mismatched_end_tag() -> None:
    assert error_of("<i>italic</b>") == (
        'can\'t parse entities: Unmatched end tag at byte offset 9, expected "</i>", found "</b>"'
    )
    assert error_of("🏟 🏟&lt;<i>a</em   >") == (
        'can\'t parse entities: Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'
    )


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("🏟 🏟&lt;<b></b></", "Unexpected end tag at byte offset 20"),
        ("🏟 🏟&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"),
        ("🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"),
        ("🏟 🏟&lt;<i   =aba>", 'Empty attribute name in the tag "i" at byte offset 13'),
        ("🏟 🏟&lt;<i    aba  =  ", 'Unclosed start tag "i" at byte offset 13'),
        ("🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"),
        ('🏟 🏟&lt;<i    aba  =  "&lt;&gt;&quot;>', "Unclosed start tag at byte offset 13"),
        ("<a href=https://x.org>x</a>", "Unexpected end of name token at byte offset 8"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ('<tg-emoji emoji-id="012">x</tg-emoji>', "Invalid custom emoji identifier specified"),
        (
            "&#57311;",
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units",
        ),
    ],
)
def test_other_errors(html: str, message: str) -> None:
    assert error_of(html) == "can't parse entities: " + message


def test_empty_text() -> None:
    assert parse_html("") == ("", [])


def test_entity_is_frozen() -> None:
    entity = E("bold", 0, 1)
    with pytest.raises(AttributeError):
        entity.offset = 3  # type: ignore[misc]


def test_offsets_count_utf16_units_in_runs_of_any_script() -> None:
    """Text between tags is copied a run at a time: entity offsets and lengths still count
    UTF-16 units (two for a character outside the BMP) whatever the mix of scripts."""
    import html
    import random

    rng = random.Random(7)
    alphabet = "ab <&>\n\téяß中😀🇺🇸\u0301"
    for _ in range(500):
        before = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        inside = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        text, entities = parse_html(f"{html.escape(before)}<b>{html.escape(inside)}</b>")
        assert text == before + inside
        assert [(e.offset, e.length) for e in entities] == [(utf16_len(before), utf16_len(inside))]
