"""Tests for bot.rendering: hostile model Markdown must always become sendable Telegram HTML."""

import asyncio
import gc
import re
import time

import pytest

import bot.rendering as rendering
from bot.rendering import (
    escape,
    max_html_len,
    plain_text,
    render_markdown,
    render_markdown_off_loop,
)
from bot.telegram_html import MessageEntity, TelegramHTMLError, parse_html, utf16_len


def render_one(md: str) -> str:
    parts = render_markdown(md)
    assert len(parts) == 1, parts
    return parts[0]


def parsed(md: str) -> tuple[str, list[MessageEntity]]:
    return parse_html(render_one(md))


def assert_sendable(parts: list[str], limit: int = 4096) -> None:
    assert parts, "nothing to send"
    for part in parts:
        text, _ = parse_html(part)  # raises if Telegram would refuse it
        assert text.strip(), "Telegram refuses empty messages"
        assert utf16_len(text) <= limit
        assert len(part) <= max_html_len(limit)


# -- hostile inline content -----------------------------------------------------------------


def test_unbalanced_bold_stays_visible() -> None:
    html = render_one("This is **bold but never closed and *also* this")
    assert html == "This is **bold but never closed and <i>also</i> this"


def test_raw_html_is_shown_as_text() -> None:
    html = render_one("Raw <div>html</div> and <b>bold</b> and <script>x</script>")
    assert html == (
        "Raw &lt;div&gt;html&lt;/div&gt; and &lt;b&gt;bold&lt;/b&gt; and "
        "&lt;script&gt;x&lt;/script&gt;"
    )
    text, entities = parse_html(html)
    assert text == "Raw <div>html</div> and <b>bold</b> and <script>x</script>"
    assert entities == []


def test_html_block_is_kept_not_dropped() -> None:
    text, entities = parsed("<div>\nblock content\n</div>\n\ntail <!-- note --> end")
    assert text == "<div>\nblock content\n</div>\n\ntail <!-- note --> end"
    assert entities == []


def test_comparison_operators_and_ampersands() -> None:
    html = render_one("a < b && c > d, AT&T, 5<6, x <= y")
    assert html == "a &lt; b &amp;&amp; c &gt; d, AT&amp;T, 5&lt;6, x &lt;= y"
    assert parse_html(html)[0] == "a < b && c > d, AT&T, 5<6, x <= y"


def test_snake_case_and_dunder_names_are_not_formatted() -> None:
    md = "Use my_var_name, some_func_call(), __init__ and __init__.py with _private_attr"
    text, entities = parsed(md)
    assert text == md
    assert entities == []


def test_real_emphasis_still_works() -> None:
    text, entities = parsed("**strong** and *em* and _em2_ and ~~gone~~ and __two words__")
    assert text == "strong and em and em2 and gone and two words"
    assert [e.type for e in entities] == ["bold", "italic", "italic", "strikethrough", "bold"]


def test_inline_code_keeps_special_characters() -> None:
    html = render_one("Call `x < y && z<div>` now")
    assert html == "Call <code>x &lt; y &amp;&amp; z&lt;div&gt;</code> now"


def test_link() -> None:
    html = render_one("See [the docs](https://example.com/a_b?x=1&y=2).")
    assert html == 'See <a href="https://example.com/a_b?x=1&amp;y=2">the docs</a>.'
    assert parse_html(html)[1] == [
        MessageEntity("text_link", 4, 8, url="https://example.com/a_b?x=1&y=2")
    ]


# -- block structure --------------------------------------------------------------------------


def test_fenced_code_block_with_language_and_special_characters() -> None:
    code = "if a < b and c & d:\n    print('<div>', \"&amp;\")"
    html = render_one(f"Here:\n\n```python\n{code}\n```\n")
    assert html == (
        'Here:\n\n<pre><code class="language-python">'
        "if a &lt; b and c &amp; d:\n    print('&lt;div&gt;', \"&amp;amp;\")</code></pre>"
    )
    text, entities = parse_html(html)
    assert text == "Here:\n\n" + code
    assert entities == [MessageEntity("pre", 7, utf16_len(code), language="python")]


def test_code_block_without_language() -> None:
    assert render_one("```\nx = 1\n```") == "<pre>x = 1</pre>"


def test_nested_lists() -> None:
    md = "- one\n  - sub a\n  - sub b\n- two\n  1. first\n  2. second\n"
    text, entities = parsed(md)
    assert text == "• one\n  • sub a\n  • sub b\n• two\n  1. first\n  2. second"
    assert entities == []


def test_table_becomes_aligned_preformatted_text() -> None:
    md = "| Name | Score |\n|------|-------|\n| Ann | 5 |\n| Bob_x | <7> & up |\n"
    text, entities = parsed(md)
    lines = text.split("\n")
    assert [line.rstrip() for line in lines] == [
        "Name  | Score",
        "------+---------",
        "Ann   | 5",
        "Bob_x | <7> & up",
    ]
    assert entities == [MessageEntity("pre", 0, utf16_len(text))]


def test_headings_blockquote_and_rule() -> None:
    md = "# Title\n\n## Sub\n\n> quoted **text** <q>\n\n---\n\nend"
    html = render_one(md)
    assert html == (
        "<b><u>Title</u></b>\n\n<b><u>Sub</u></b>\n\n"
        "<blockquote>quoted <b>text</b> &lt;q&gt;</blockquote>\n\n————————\n\nend"
    )


def test_emoji_offsets_survive_rendering() -> None:
    text, entities = parsed("🏟 **bold 🏟** done")
    assert text == "🏟 bold 🏟 done"
    assert entities == [MessageEntity("bold", 3, 7)]


def test_empty_input_gives_no_parts() -> None:
    assert render_markdown("") == []
    assert render_markdown("  \n\n ") == []


# -- splitting ------------------------------------------------------------------------------


PROSE = [
    "Start by restating the problem in your own words so the interviewer knows you understood.",
    "Then describe the brute_force approach and its O(n^2) cost before optimising anything.",
    "Mention edge cases: empty input, duplicates, values where a < b && b > c, and overflow.",
    "Explain **why** a hash map lookup is constant time on average & what the worst case is.",
    "Finally walk through the code with a small example and check the output together.",
]


def long_answer() -> tuple[str, list[str], list[str]]:
    """A ~10,000 character answer with prose, lists and code; returns (md, prose, code lines)."""
    code_lines = [
        f"    result_{i} = items[{i}] < limit and flags & {i}  # <check>" for i in range(70)
    ]
    code = "```python\ndef solve(items, limit, flags):\n" + "\n".join(code_lines) + "\n```"
    blocks = []
    prose_lines = []
    for n in range(4):
        sentences = [f"Step {n}: {line}" for line in PROSE]
        prose_lines += sentences
        blocks.append(f"## Step {n}")
        blocks.append(" ".join(sentences))
        blocks.append("- " + "\n- ".join(sentences[:2]))
        blocks.append(code if n % 2 else "Short note with `inline_code` & <div> text.")
    md = "\n\n".join(blocks)
    return md, prose_lines, code_lines


def test_long_answer_splits_into_valid_parts_without_losing_text() -> None:
    md, prose_lines, code_lines = long_answer()
    assert len(md) >= 10_000
    parts = render_markdown(md)
    assert len(parts) >= 3
    assert_sendable(parts)

    texts = [parse_html(part)[0] for part in parts]
    joined = "\n".join(texts)
    for word in re.findall(r"[A-Za-z0-9_]+", " ".join(prose_lines)):
        assert word in joined
    for sentence in prose_lines:
        assert sentence.replace("**", "") in joined
    for line in code_lines:
        assert line in joined
    assert "<div>" in joined


def test_long_code_block_is_closed_and_reopened_in_each_part() -> None:
    lines = [f"value_{i:03d} = compute({i}) < {i} & mask  # step" for i in range(300)]
    md = "```python\n" + "\n".join(lines) + "\n```"
    parts = render_markdown(md)
    assert len(parts) >= 3
    assert_sendable(parts)
    recovered = []
    for part in parts:
        assert part.startswith('<pre><code class="language-python">')
        assert part.endswith("</code></pre>")
        text, entities = parse_html(part)
        assert entities == [MessageEntity("pre", 0, utf16_len(text), language="python")]
        recovered += text.split("\n")
    assert recovered == lines  # split at line boundaries, nothing lost or duplicated


def test_split_prefers_paragraphs_then_lines_then_words() -> None:
    para_a = "alpha " * 5 + "end_a"
    para_b = "beta line one\nbeta line two\nbeta line three"
    parts = render_markdown(f"{para_a}\n\n{para_b}", limit=40)
    assert [parse_html(p)[0] for p in parts] == [
        para_a,
        "beta line one\nbeta line two",
        "beta line three",
    ]
    words = render_markdown("word " * 20, limit=22)
    assert [parse_html(p)[0] for p in words] == ["word word word word"] * 5


def test_heading_stays_with_the_text_it_introduces() -> None:
    md = "a" * 30 + "\n\n## Title\n\n" + "b" * 30
    parts = render_markdown(md, limit=50)
    assert parts == ["a" * 30, "<b><u>Title</u></b>\n\n" + "b" * 30]
    bold_line = render_markdown("a" * 30 + "\n\n**Answer:**\n\n" + "b" * 30, limit=50)
    assert bold_line == ["a" * 30, "<b>Answer:</b>\n\n" + "b" * 30]


def test_hard_split_of_unbreakable_text() -> None:
    parts = render_markdown("x" * 25, limit=10)
    assert parts == ["x" * 10, "x" * 10, "x" * 5]


def test_limit_counts_utf16_units() -> None:
    parts = render_markdown("🏟" * 30, limit=10)  # each emoji is two UTF-16 units
    assert_sendable(parts, limit=10)
    assert [parse_html(p)[0] for p in parts] == ["🏟" * 5] * 6


def test_formatting_spanning_a_split_is_closed_and_reopened() -> None:
    parts = render_markdown("**" + ("bold words here " * 4).strip() + "**", limit=20)
    assert_sendable(parts, limit=20)
    assert all(p.startswith("<b>") and p.endswith("</b>") for p in parts)
    assert " ".join(parse_html(p)[0] for p in parts).split() == ["bold", "words", "here"] * 4


def test_raw_html_size_is_bounded() -> None:
    # "&<>" escapes to 13 characters for 3 of text: more than the HTML budget allows per part.
    parts = render_markdown("&<>" * 2000, limit=1000)
    assert_sendable(parts, limit=1000)
    assert max(len(p) for p in parts) <= max_html_len(1000) == 3000
    assert len(parts) >= 9
    assert "".join(parse_html(p)[0] for p in parts) == "&<>" * 2000


def test_link_with_huge_url_under_tiny_limit_degrades_to_text() -> None:
    url = "https://example.com/" + "a" * 400
    parts = render_markdown(f"[go]({url})", limit=5)
    assert parts == ["g", "o"]


# -- safety nets and helpers ----------------------------------------------------------------


def test_part_that_fails_parsing_falls_back_to_escaped_text() -> None:
    # The converter accepts any 19-digit custom emoji id; Telegram only accepts an int64, so
    # this markup is refused and the part must degrade to its escaped text, formatting dropped.
    too_big = "9" * 19  # > 2**63 - 1
    with pytest.raises(TelegramHTMLError, match="Invalid custom emoji identifier"):
        parse_html(f'<tg-emoji emoji-id="{too_big}">👍</tg-emoji>')
    md = f"**hi** a < b ![👍](tg://emoji?id={too_big})"
    assert render_markdown(md) == ["hi a &lt; b 👍"]
    # The same text with a valid id keeps its formatting: the fallback is for refusals only.
    valid = "5368324170671202286"
    assert render_markdown(f"**hi** a < b ![👍](tg://emoji?id={valid})") == [
        f'<b>hi</b> a &lt; b <tg-emoji emoji-id="{valid}">👍</tg-emoji>'
    ]


def test_converter_crash_falls_back_to_raw_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("converter bug")

    monkeypatch.setattr(rendering.telegramify_markdown, "convert", boom)
    assert render_markdown("**hi** <div>") == ["**hi** &lt;div&gt;"]


def test_escape() -> None:
    assert escape("a < b & c > d \"q\" 'x'") == "a &lt; b &amp; c &gt; d \"q\" 'x'"
    assert escape('say "hi"', quote=True) == "say &quot;hi&quot;"
    user = "<script>alert(1)</script> & co"
    assert parse_html(f"<b>{escape(user)}</b>") == (user, [MessageEntity("bold", 0, len(user))])


def test_plain_text() -> None:
    assert plain_text("# Hi\n\n**bold** and `code` <div>") == "Hi\n\nbold and code <div>"


def test_invalid_limit() -> None:
    with pytest.raises(ValueError):
        render_markdown("x", limit=0)


async def test_long_markdown_is_rendered_off_the_event_loop() -> None:
    """A long reply is rendered in a worker thread: the loop keeps ticking meanwhile (with
    the GIL it gets a turn every few ms), where rendering on it would stall every user for
    the whole render. The same parts either way."""
    block = (
        "## Heading\n\nSome **bold** text with `code` and a [link](https://example.com).\n\n"
        "- item one\n- item two with *emphasis*\n\n```python\nprint(1)\n```\n\n"
    )
    md = block * 900  # ~128,000 characters: ~0.2 s to render on this machine
    # A garbage collection in a big test process holds the GIL for as long as the render
    # itself: that is not what this test is about.
    gc.disable()
    try:
        await _render_while_ticking(md)
    finally:
        gc.enable()


async def _render_while_ticking(md: str) -> None:
    started = time.perf_counter()
    expected = render_markdown(md)
    on_loop = time.perf_counter() - started

    gaps: list[float] = []

    async def tick() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0)
    parts = await render_markdown_off_loop(md)
    ticker.cancel()
    assert parts == expected
    # A guard far from both: the loop was never held for half the render.
    assert max(gaps) < on_loop / 2, (max(gaps), on_loop)
    assert await render_markdown_off_loop("**short**") == render_markdown("**short**")
