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
from bot.console.input import (
    ConsoleInput,
    buttons_in_sight,
    first_number,
    latest_buttons,
    latest_keyboard,
    mime_type_for,
    ogg_duration,
    parse_input,
)
from bot.console.render import pressable_buttons, render_entities, render_keyboard
from bot.console.session import ConsoleSession
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness, run_harness
from bot.emulator.server import BotAPIEmulator, ChatMessage
from bot.i18n import texts
from bot.services.plans import Offer
from models.payments import Plan
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


PRO_INVOICE = {
    "title": "Interview Coach Pro",
    "description": "Pro plan for 30 days: unlimited practice questions.",
    "payload": "plan:pro",
    "currency": "XTR",
    "prices": [{"label": "Pro, 30 days", "amount": 250}],
}


async def test_invoices_number_their_pay_buttons_as_one_keyboard(tmp_path: Path) -> None:
    """Pay buttons and invoice links are numbered like other buttons (a test payment); the
    invoices /upgrade sends one after another share one numbering, so each is reachable."""
    session, emulator, out = _session(tmp_path)
    link = await emulator.call("createInvoiceLink", PRO_INVOICE)
    keyboard = {
        "inline_keyboard": [
            [{"text": "Pay 250 ⭐", "pay": True}],
            [{"text": "🔁 Subscribe monthly", "url": link}],
        ]
    }
    chat = {"chat_id": CONSOLE_USER_ID}
    await emulator.call("sendMessage", {**chat, "text": "Upgrade with Telegram Stars"})
    await emulator.call("sendInvoice", {**chat, **PRO_INVOICE, "reply_markup": keyboard})
    max_invoice = {**PRO_INVOICE, "title": "Interview Coach Max", "description": "Max plan."}
    max_invoice["prices"] = [{"label": "Max, 30 days", "amount": 500}]
    await emulator.call("sendInvoice", {**chat, **max_invoice})  # Telegram adds a Pay button
    assert session.flush()
    assert out.getvalue() == (
        "Coach: Upgrade with Telegram Stars\n"
        "Coach: [invoice: Interview Coach Pro, 250 ⭐]\n"
        "Pro plan for 30 days: unlimited practice questions.\n"
        "  [1] Pay 250 ⭐ (test payment)\n"
        "  [2] 🔁 Subscribe monthly (test payment)\n"
        "Coach: [invoice: Interview Coach Max, 500 ⭐]\n"
        "Max plan.\n"
        "  [3] Pay 500 ⭐ (test payment)\n"
    )
    pro, max_ = session.user.chat[-2:]
    pressed = [(m.message_id, b["text"]) for m, b in latest_buttons(session.user.chat)]
    assert pressed == [
        (pro.message_id, "Pay 250 ⭐"),
        (pro.message_id, "🔁 Subscribe monthly"),
        (max_.message_id, "Pay 500 ⭐"),
    ]
    assert first_number(session.user.chat, max_) == 3
    # Once the user sends something, the invoices are out of reach like any keyboard.
    emulator.add_message(ChatMessage(emulator.new_message_id(), CONSOLE_USER_ID, False, "hi"))
    assert latest_buttons(session.user.chat) == []
    session.close()


async def test_console_pays_locally_shows_a_refusal_and_pays_a_subscription_link(
    tmp_path: Path,
) -> None:
    """The real bot. An invoice from before a price change (Max at 400 ⭐, now 500): its Pay
    button is refused at pre-checkout with the bot's reason, nothing is charged. Then /upgrade
    and Subscribe monthly to Pro: pre-checkout, successful_payment, and Pro is active."""
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None, soft_wrap=True)
    settings = make_settings(None, tmp_path, max_price_stars=500)  # SQLite under tmp_path
    async with run_harness(settings, BotAPIEmulator()) as harness:
        emulator = harness.emulator
        user = harness.user("You", user_id=CONSOLE_USER_ID)
        session = ConsoleSession(harness, user, console, settings)
        old = Offer(Plan.MAX, CONSOLE_USER_ID, 400)
        await emulator.call(
            "sendInvoice",
            {
                "chat_id": CONSOLE_USER_ID,
                "title": "Interview Coach Max",
                "description": "Max plan for 30 days.",
                "payload": old.payload,
                "currency": "XTR",
                "prices": [{"label": "Max, 30 days", "amount": 400}],
            },
        )
        session.flush()
        out.truncate(0), out.seek(0)

        await session.handle(parse_input("1"))  # Pay 400 ⭐: refused at pre-checkout
        assert out.getvalue() == (
            "→ Pay 400 ⭐\n"
            "(local test payment: no real Stars are charged)\n"
            f"✗ Payment refused: {texts('en').plain('plans-checkout-price-changed')}\n"
        )
        assert not emulator.charges
        out.truncate(0), out.seek(0)

        await session.handle(parse_input("/upgrade"))
        assert "  [2] 🔁 Subscribe monthly (test payment)\n" in out.getvalue()
        out.truncate(0), out.seek(0)
        await session.handle(parse_input("2"))  # the Pro invoice's subscription link
        shown = out.getvalue()
        assert shown.startswith(
            "→ 🔁 Subscribe monthly\n"
            "(local test payment: no real Stars are charged)\n"
            "✓ Subscribed: 250 ⭐ for Interview Coach Pro, first 30 days (test payment)\n"
            "Coach: ✅ Thank you! Pro is active until "
        ), shown
        [charge] = emulator.charges.values()
        assert charge["payment"]["is_first_recurring"] and charge["user_id"] == CONSOLE_USER_ID
        assert latest_buttons(user.chat) == []  # the payment is the user's newest message
        session.close()


# ----- the whole bot, as a script ------------------------------------------------------------
JOB_SCRIPT = [
    "/newjob",
    "Backend Developer at Acme",
    "1",  # skip the title
    "2",  # a level
    "We build data services in Python with PostgreSQL and SQL reporting for clients.",
]


def run_console(tmp_path: Path, lines: list[str]) -> subprocess.CompletedProcess[str]:
    """`python -m bot console` in `tmp_path` with `lines` piped in: offline coach, its own
    SQLite under `tmp_path/data`, nothing from the developer's environment."""
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
    return subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input="\n".join([*lines, ""]),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )


def test_console_runs_a_job_and_a_practice_question(tmp_path: Path) -> None:
    """`python -m bot console` with piped input: save a job, practise one question, get a
    rating out of 10, leave with exit code 0 (the same handlers and database as in Telegram)."""
    result = run_console(
        tmp_path,
        [
            "/start",
            *JOB_SCRIPT,
            "/practice",
            "1",  # Easy
            "A primary key uniquely identifies each row; in SQL it is unique and not null, and "
            "Python code reads rows by it.",
            ":help",
            ":quit",
        ],
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


RESUME_LINES = [
    "Ada Lovelace",
    "ada.lovelace@example.com | +44 20 7946 0000 | London",
    "Experience",
    "Backend Developer, Northwind Data (2020-2024): built Python data services on PostgreSQL "
    "for twelve clients, wrote SQL reports used by finance teams every week, cut query times "
    "by 40 percent with better indexes, designed REST APIs with FastAPI, and mentored two "
    "junior developers through code review and pairing. Led the move to PostgreSQL 15 with "
    "no downtime.",
    "Junior Developer, Blue Harbor (2018-2020): maintained Django applications, wrote unit "
    "tests with pytest, automated deployments with Docker and GitHub Actions, and migrated "
    "monthly reports from spreadsheets to SQL views.",
    "Education",
    "BSc Computer Science, University of Leeds (2015-2018). Final project on query "
    "optimisation in relational databases, graded first class; teaching assistant for the "
    "second-year databases course.",
    "Skills",
    "Python, SQL, PostgreSQL, Django, FastAPI, Docker, Git, pytest, REST APIs, data "
    "modelling, performance tuning, code review, Linux, Redis, clear written communication "
    "with clients and teammates.",
]


def make_resume_pdf(path: Path) -> int:
    """A one-page resume PDF (made with fpdf2); returns its word count."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for line in RESUME_LINES:
        heading = line in {"Experience", "Education", "Skills"}
        pdf.set_font("Helvetica", style="B" if heading else "", size=13 if heading else 11)
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return sum(len(line.split()) for line in RESUME_LINES)


def test_console_pays_for_max_locally_and_reviews_a_resume(tmp_path: Path) -> None:
    """Piped: save a job, /upgrade, press Max's Pay button (a local test payment through
    pre-checkout and successful_payment), then /resume with a PDF scores it out of 10."""
    assert 140 <= make_resume_pdf(tmp_path / "cv.pdf") <= 170
    result = run_console(
        tmp_path,
        [*JOB_SCRIPT, "/upgrade", "3", "/resume", ":file cv.pdf", ":quit"],
    )
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    assert "  [3] Pay 500 ⭐ (test payment)\n" in output, output
    assert "→ Pay 500 ⭐\n(local test payment: no real Stars are charged)\n" in output
    assert "Max is active until" in output, output
    assert "Resume analysis comes with the Max plan" not in output
    scores = [int(s) for s in re.findall(r"Overall: (\d+)/10", output)]
    assert len(scores) == 1, output + result.stderr
    assert 1 <= scores[0] <= 10


def test_console_takes_a_long_paste_whole(tmp_path: Path) -> None:
    """A line over Telegram's 4,096 characters is sent as a client would, in parts, and the
    bot joins them: the job keeps the whole description."""
    import sqlite3

    description = " ".join(
        f"{n}. We build data services in Python with PostgreSQL and SQL reporting."
        for n in range(80)
    )
    assert len(description) > 5_500
    result = run_console(tmp_path, [*JOB_SCRIPT[:-1], description, ":quit"])
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    assert "Telegram split your text into 2 parts" in output, output
    assert "Job saved" in output
    with sqlite3.connect(tmp_path / "data" / "coach.sqlite3") as db:
        (saved,) = db.execute("SELECT description FROM job_info").fetchone()
    assert saved == description
