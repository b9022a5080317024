"""Console mode: input parsing, rendering of the chat, and the whole bot driven through
`python -m bot console` with piped input (its own SQLite, never parametrized over databases)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from bot.console import CONSOLE_USER_ID
from bot.console_input import (
    ConsoleInput,
    buttons_in_sight,
    latest_keyboard,
    mime_type_for,
    ogg_duration,
    parse_input,
)
from bot.console_render import pressable_buttons, render_entities, render_keyboard
from bot.console_session import ConsoleSession
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator, ChatMessage
from tests.conftest import make_settings

REPO = Path(__file__).resolve().parent.parent
LEVELS = {
    "inline_keyboard": [
        [
            {"text": "Easy", "callback_data": "practice:level:easy"},
            {"text": "Medium", "callback_data": "practice:level:medium"},
        ],
        [
            {"text": "Hard", "callback_data": "practice:level:hard"},
            {"text": "Docs", "url": "https://example.com/docs"},
        ],
    ]
}


# ----- input ---------------------------------------------------------------------------------
def test_parse_input() -> None:
    assert parse_input("  hello there \n") == ConsoleInput("text", "hello there")
    assert parse_input("/newjob\n") == ConsoleInput("text", "/newjob")
    assert parse_input("2\n") == ConsoleInput("number", "2", 2)
    assert parse_input(" 12 ") == ConsoleInput("number", "12", 12)
    assert parse_input("²").kind == "text"  # a digit to str.isdigit, not a number to press
    assert parse_input("\n") == ConsoleInput("empty")
    assert parse_input(":quit") == ConsoleInput("quit")
    assert parse_input(":Q") == ConsoleInput("quit")
    assert parse_input(":help") == ConsoleInput("help")
    assert parse_input(":file ~/My CV.pdf") == ConsoleInput("file", "~/My CV.pdf")
    assert parse_input(':voice "/tmp/a b.ogg"') == ConsoleInput("voice", "/tmp/a b.ogg")
    assert parse_input(":say 5") == ConsoleInput("text", "5")
    assert parse_input(":say :quit") == ConsoleInput("text", ":quit")
    assert parse_input(":file").kind == "error"
    assert parse_input(":say").kind == "error"
    unknown = parse_input(":bogus x")
    assert unknown.kind == "error" and ":bogus" in unknown.value
    assert parse_input(":) thanks") == ConsoleInput("text", ":) thanks")  # not a command


def test_mime_types_and_voice_duration() -> None:
    assert mime_type_for(Path("cv.PDF")) == "application/pdf"
    assert mime_type_for(Path("cv.docx")).endswith("wordprocessingml.document")
    assert mime_type_for(Path("notes.txt")) == "text/plain"
    assert mime_type_for(Path("blob.unknownext")) == "application/octet-stream"
    # Ogg pages: "OggS", version, flags, then the granule position (48 kHz for Opus).
    page = b"OggS\x00\x04" + (48_000 * 3).to_bytes(8, "little") + b"\x00" * 20
    assert ogg_duration(b"OggS\x00\x02" + (0).to_bytes(8, "little") + b"x" * 30 + page) == 3
    assert ogg_duration(b"not an ogg file") is None


# ----- rendering -----------------------------------------------------------------------------
def test_entities_use_utf16_offsets() -> None:
    # 👍 is two UTF-16 code units: "bold" starts at UTF-16 offset 3, Python index 2.
    text = "👍 bold and code 🎉 end"
    entities = [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "code", "offset": 12, "length": 4},
        {"type": "italic", "offset": 17, "length": 6},  # "🎉 end": the emoji counts twice
    ]
    rendered = render_entities(text, entities)
    assert rendered.plain == text
    spans = {(text[s.start : s.end], str(s.style)) for s in rendered.spans}
    assert spans == {("bold", "bold"), ("code", "cyan"), ("🎉 end", "italic")}


def test_links_show_their_address_and_bad_entities_are_ignored() -> None:
    text = "See the guide or https://example.org now"
    entities = [
        {"type": "text_link", "offset": 8, "length": 5, "url": "https://example.com/g"},
        {"type": "url", "offset": 17, "length": 19},
        {"type": "bold", "offset": 400, "length": 3},  # out of range: ignored, no crash
        {"type": "custom_emoji", "offset": 0, "length": 3, "custom_emoji_id": "1"},
    ]
    rendered = render_entities(text, entities)
    assert rendered.plain == "See the guide (https://example.com/g) or https://example.org now"
    links = [
        (rendered.plain[span.start : span.end], getattr(span.style, "link", None))
        for span in rendered.spans
    ]
    assert [link for link in links if link[1]] == [
        ("guide", "https://example.com/g"),
        ("https://example.org", "https://example.org"),
    ]


def test_keyboard_numbering_counts_pressable_buttons_across_rows() -> None:
    keyboard = render_keyboard(LEVELS)
    assert keyboard is not None
    assert keyboard.plain.splitlines() == [
        "  [1] Easy  [2] Medium",
        "  [3] Hard  🔗 Docs (https://example.com/docs)",
    ]
    message = ChatMessage(1, 5, True, "Pick a level", reply_markup=LEVELS)
    assert [b["text"] for b in pressable_buttons(message)] == ["Easy", "Medium", "Hard"]
    assert render_keyboard(None) is None


def test_numbers_press_only_keyboards_since_the_users_last_message() -> None:
    levels = ChatMessage(2, 5, True, "Pick a level", reply_markup=LEVELS)
    question = ChatMessage(3, 5, True, "Explain joins")
    assert latest_keyboard([ChatMessage(1, 5, False, "/practice"), levels]) is levels
    assert latest_keyboard([levels, question]) is levels  # a newer plain message: still it
    assert latest_keyboard([levels, ChatMessage(4, 5, False, "an answer"), question]) is None
    assert latest_keyboard([]) is None
    assert buttons_in_sight([levels, question])
    assert not buttons_in_sight([levels, ChatMessage(4, 5, False, "an answer"), question])


def _session(tmp_path: Path) -> tuple[ConsoleSession, BotAPIEmulator, io.StringIO]:
    emulator = BotAPIEmulator()
    harness = BotHarness(None, emulator)  # type: ignore[arg-type]  # flush needs no app
    user = EmulatedUser(harness, CONSOLE_USER_ID, "You")
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None, soft_wrap=True)
    settings = make_settings("sqlite://:memory:", tmp_path)
    return ConsoleSession(harness, user, console, settings), emulator, out


async def test_session_prints_new_messages_edits_deletes_and_files(tmp_path: Path) -> None:
    session, emulator, out = _session(tmp_path)
    chat = {"chat_id": CONSOLE_USER_ID}
    sent = await emulator.call(
        "sendMessage",
        {**chat, "text": "Pick a <b>level</b>", "parse_mode": "HTML", "reply_markup": LEVELS},
    )
    assert session.flush()
    assert out.getvalue() == (
        "Coach: Pick a level\n  [1] Easy  [2] Medium\n  [3] Hard  🔗 Docs (https://example.com/docs)\n"
    )
    out.truncate(0), out.seek(0)
    ids = {**chat, "message_id": sent["message_id"]}

    await emulator.call("editMessageText", {**ids, "text": "Level: Easy", "reply_markup": LEVELS})
    await emulator.call("editMessageReplyMarkup", {**ids})
    session.flush()
    assert out.getvalue() == "✎ edited: Level: Easy\n"  # two edits, one update: the last state
    out.truncate(0), out.seek(0)

    await emulator.call("editMessageReplyMarkup", {**ids, "reply_markup": LEVELS})
    session.flush()
    assert out.getvalue().startswith("✎ new buttons on “Level: Easy”:\n  [1] Easy")
    out.truncate(0), out.seek(0)

    await emulator.call("editMessageReplyMarkup", ids)  # a flow closing its old prompt's buttons
    assert not session.flush()
    assert out.getvalue() == ""
    assert latest_keyboard(session.user.chat) is None  # numbers no longer reach them

    await emulator.call("deleteMessage", ids)
    session.flush()
    assert out.getvalue() == "✗ deleted: “Level: Easy”\n"
    out.truncate(0), out.seek(0)

    # A preview sent and deleted between two flushes never shows.
    preview = await emulator.call("sendMessage", {**chat, "text": "thinking…"})
    await emulator.call("deleteMessage", {**chat, "message_id": preview["message_id"]})
    assert not session.flush()
    assert out.getvalue() == ""

    report = {"document": ("report.txt", b"hello report", "text/plain")}
    await emulator.call("sendDocument", {**chat, "document": "<file>", "caption": "Report"}, report)
    again = {"document": ("report.txt", b"v2", "text/plain")}
    await emulator.call("sendDocument", {**chat, "document": "<file>"}, again)
    session.flush()
    saved = tmp_path / "console-files"
    assert out.getvalue() == (
        f"Coach: [document: report.txt, 12 bytes] saved to {saved / 'report.txt'}\nReport\n"
        f"Coach: [document: report.txt, 2 bytes] saved to {saved / 'report-2.txt'}\n"
    )
    assert (saved / "report.txt").read_bytes() == b"hello report"
    assert (saved / "report-2.txt").read_bytes() == b"v2"
    session.close()
    assert not emulator.listeners


async def test_invoices_show_their_description_and_say_paying_needs_telegram(
    tmp_path: Path,
) -> None:
    session, emulator, out = _session(tmp_path)
    invoice = {
        "title": "Interview Coach Pro",
        "description": "Pro plan for 30 days: unlimited practice questions.",
        "payload": "plan:pro",
        "currency": "XTR",
        "prices": [{"label": "Pro, 30 days", "amount": 250}],
    }
    link = await emulator.call("createInvoiceLink", invoice)
    keyboard = {
        "inline_keyboard": [
            [{"text": "Pay 250 ⭐", "pay": True}],
            [{"text": "🔁 Subscribe monthly", "url": link}],
        ]
    }
    await emulator.call(
        "sendInvoice", {"chat_id": CONSOLE_USER_ID, **invoice, "reply_markup": keyboard}
    )
    assert session.flush()
    assert out.getvalue() == (
        "Coach: [invoice: Interview Coach Pro, 250 ⭐]\n"
        "Pro plan for 30 days: unlimited practice questions.\n"
        "  (Pay 250 ⭐ — only in Telegram)\n"
        "  (🔁 Subscribe monthly — only in Telegram)\n"
    )
    assert latest_keyboard(session.user.chat) is None  # nothing a number could press
    assert buttons_in_sight(session.user.chat)  # "1" is sent as text, with a note saying why
    session.close()


# ----- the whole bot, as a script ------------------------------------------------------------
def test_console_runs_a_job_and_a_practice_question(tmp_path: Path) -> None:
    """`python -m bot console` with piped input: save a job, practise one question, get a
    rating out of 10, leave with exit code 0 (the same handlers and database as in Telegram)."""
    script = "\n".join(
        [
            "/start",
            "/newjob",
            "Backend Developer at Acme",
            "1",  # skip the title
            "2",  # a level
            "We build data services in Python with PostgreSQL and SQL reporting for clients.",
            "/practice",
            "1",  # Easy
            "A primary key uniquely identifies each row; in SQL it is unique and not null, and "
            "Python code reads rows by it.",
            ":help",
            ":quit",
            "",
        ]
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "OPENAI_API_KEY",
            "OPENAI_BASE_URL",
            "TELEGRAM_BOT_TOKEN",
            "DATABASE_URL",
            "LOG_LEVEL",
        }
    }
    env.update(DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(REPO), WEBHOOK_URL="", ADMIN_IDS="")
    # A checkout without the Bot API description (the tests' `../shared/…`) runs just the same.
    env["TELEGRAM_BOT_API_SPEC"] = str(tmp_path / "no-such-spec.json")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=script,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    assert "console mode" in output and "offline" in output.lower()
    assert "\x1b[" not in output  # no ANSI codes without a terminal
    ratings = [int(r) for r in re.findall(r"Rating: (\d+)/10", output)]
    assert ratings, output + result.stderr
    assert 1 <= ratings[-1] <= 10
    assert "You: :help\n" in output  # a piped log shows what each reply answers
    assert "Bot API description" not in result.stderr  # a developer's concern, not a user's
    assert (tmp_path / "data" / "coach.sqlite3").exists()
