"""Resume analysis: real PDF, DOCX and TXT uploads through the emulator, bad input of every
kind, the stored review, comparison with the last score, Retry after an AI failure."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import multiprocessing
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from tortoise import connections
from tortoise.exceptions import IntegrityError

from bot.ai.schemas import RESUME_CATEGORIES, ResumeAnalysis
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services import documents
from bot.services.documents import DocumentKind, ExtractedText
from bot.services.resume import RetryTexts
from handlers.kit.entry_buttons import ResumeJob
from handlers.resume.buttons import ResumeLast, ResumeRetry
from handlers.resume.report import LABELS, pack
from models import JobInfo, User
from models.resume import ResumeAnalysisRecord
from tests.conftest import make_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI
from tests.helpers import index_definitions, new_job, started

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TXT = "text/plain"
MARKER = "Zanzibar-Quokka-7731"  # a resume line that must never reach the database or logs
RESUME_LINES = [
    "Ada Lovelace",
    "Senior Python Developer | ada@example.com | github.com/ada",
    "Summary: 6 years of experience building Python services with Django and PostgreSQL.",
    "Experience",
    "2019 - present  Backend engineer, Acme: cut API latency by 40% with asyncio and Redis.",
    "2017 - 2019  Developer, Initech: built REST APIs, Docker images and CI pipelines.",
    f"Projects: {MARKER} open-source task queue used by 300 companies.",
    "Skills: Python, Django, PostgreSQL, Docker, AWS, Git, testing with pytest.",
    "Education: BSc Computer Science, University of London.",
]
JOB_DESCRIPTION = (
    "We are hiring a senior Python developer to build Django services on PostgreSQL, "
    "with Docker, AWS and pytest. Experience with asyncio and REST APIs is a plus."
)


# ----- documents made for the tests ---------------------------------------------------------


def make_pdf(lines: list[str], *, pages: int = 1) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(1, pages + 1):
        pdf.add_page()
        body = lines if number == 1 else [f"Page marker P{number:03d}", *lines[:3]]
        for line in body:
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypt_pdf(content: bytes, user_password: str, owner_password: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    writer.encrypt(user_password, owner_password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def drawing_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="D")
    return bytes(pdf.output())


def slow_pdf(operators: int = 20_000, pages: int = 30) -> bytes:
    """A crafted PDF: one long content stream (`operators` text moves) that every page shares,
    so a few hundred KB cost pypdf many seconds (about 20 s as made here)."""
    stream = b"BT /F1 12 Tf " + b"(ab) Tj 1 0 Td " * operators + b"ET"
    page = b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] >>" % (kids, pages),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *[page] * pages,
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def make_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Contact: ada@example.com"
    for line in lines[:4]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Skills"
    table.cell(0, 1).text = lines[-2]
    for line in lines[4:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def resume_text() -> str:
    return "\n".join(RESUME_LINES)


def category(score: int, items: list[tuple[str, str, str]] | None = None) -> dict[str, Any]:
    feedback = items or [("strength", "Clear headings", "Easy to scan.")]
    return {
        "score": score,
        "summary": f"Scored {score} for a reason.",
        "feedback": [{"type": t, "name": n, "message": m} for t, n, m in feedback],
    }


def analysis(overall: int, **categories: dict[str, Any]) -> dict[str, Any]:
    return {
        "overall_score": overall,
        **{k: categories.get(k, category(6)) for k in RESUME_CATEGORIES},
    }


# ----- helpers ------------------------------------------------------------------------------


async def on_plan(user: EmulatedUser, plan: str) -> None:
    await User.get_or_create(id=user.id, defaults={"name": user.profile["first_name"]})
    await User.filter(id=user.id).update(plan=plan, plan_expires_at=None)


async def add_job(user: EmulatedUser, name: str = "Acme backend", plan: str = "max") -> JobInfo:
    """A job for the user, who is put on `plan` (resume analyses come with Max)."""
    job = await new_job(
        user,
        name,
        title="Senior Python Developer",
        experience_level="senior",
        description=JOB_DESCRIPTION,
    )
    await on_plan(user, plan)
    return job


async def start_upload(user: EmulatedUser) -> None:
    await user.send("/resume")
    await user.expect("send your resume")


async def upload(user: EmulatedUser, content: bytes, filename: str, mime: str) -> None:
    """/resume, then the file."""
    await start_upload(user)
    await user.send_document(content, filename, mime)


async def rows(job: JobInfo) -> list[ResumeAnalysisRecord]:
    return await ResumeAnalysisRecord.filter(job_info_id=job.id).order_by("created_at")


def last_prompt(fake: FakeOpenAI) -> str:
    """What the model was sent last, as text."""
    return json.dumps(fake.chat_bodies[-1]["messages"], ensure_ascii=False)


def report_text(user: EmulatedUser) -> str:
    return "\n".join(m.text for m in user.since_last_action())


async def bot_state_dump() -> str:
    """Every user's stored conversation state (the flow on the users row)."""
    conn = connections.get("default")
    found = await conn.execute_query_dict('SELECT "flow", "flow_step", "flow_data" FROM "users"')
    return json.dumps(found, default=str, ensure_ascii=False)


# ----- happy paths, offline coach -----------------------------------------------------------


async def test_pdf_resume_gets_a_report_and_only_the_review_is_stored(
    bot: BotHarness, user: EmulatedUser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    job = await add_job(user)
    await upload(user, make_pdf(RESUME_LINES), "ada_cv.pdf", PDF)
    text = (await user.expect("Resume review")).text
    full = report_text(user)
    stored = await rows(job)
    assert len(stored) == 1
    row = stored[0]
    review = ResumeAnalysis.model_validate(row.result)
    assert row.overall_score == review.overall_score and row.file_kind == "pdf"
    assert not row.truncated
    assert f"Overall: {review.overall_score}/10" in text
    assert "Offline mode" in text
    assert "last time" not in full  # no earlier review to compare with
    for key, label in LABELS.items():
        score = getattr(review, key).score
        assert label in full
        assert "▰" * score + "▱" * (10 - score) + f" {score}/10" in full
    assert "✅" in full
    assert user.buttons(user.last) == ["📤 Check a new version"]
    # The file and its text are kept nowhere: not in the row, the bot state or the logs.
    assert MARKER not in json.dumps(row.result)
    assert MARKER not in await bot_state_dump()
    assert MARKER not in caplog.text


async def test_docx_resume_is_read_with_header_and_table(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await add_job(user)
    fake.reply_json(analysis(6))
    await upload(user, make_docx(RESUME_LINES), "cv.docx", DOCX)
    await user.expect("Overall: 6/10")
    prompt = last_prompt(fake)
    assert "Contact: ada@example.com" in prompt  # header
    assert "Skills | Skills: Python, Django" in prompt  # table row, in document order
    assert MARKER in prompt
    assert [r.file_kind for r in await rows(job)] == ["docx"]


async def test_word_list_items_reach_the_model_as_bullets(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    from tests.test_resume_offline import WORD_BULLETS, word_list_docx

    user = model_bot.user("Ada")
    await add_job(user)
    fake.reply_json(analysis(7))
    await upload(user, word_list_docx(), "cv.docx", DOCX)
    await user.expect("Overall: 7/10")
    prompt = last_prompt(fake)
    for line in WORD_BULLETS:
        assert f"• {line}" in prompt
    assert "• Open-source contributor" not in prompt  # numbering switched off: no item


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-8", "Иван Петров"), ("cp1251", "Иван Петров"), ("utf-16", "José Müller")],
)
async def test_txt_resume_in_other_encodings_is_decoded(
    model_bot: BotHarness, fake: FakeOpenAI, encoding: str, name: str
) -> None:
    user = model_bot.user("Ivan")
    job = await add_job(user)
    fake.reply_json(analysis(8))
    body = "\n".join([name, "Старший разработчик Python" if "Иван" in name else "Développeur"])
    content = (body + "\n" + resume_text()).encode(encoding)
    await upload(user, content, "resume.txt", TXT)
    await user.expect("Overall: 8/10")
    prompt = last_prompt(fake)
    assert name in prompt
    assert [r.file_kind for r in await rows(job)] == ["txt"]


async def test_owner_password_only_pdf_is_readable(bot: BotHarness, user: EmulatedUser) -> None:
    job = await add_job(user)
    content = encrypt_pdf(make_pdf(RESUME_LINES), "", "owner-secret")
    await upload(user, content, "locked-for-editing.pdf", PDF)
    await user.expect("Resume review")
    assert len(await rows(job)) == 1


# ----- the model's review, rendered ---------------------------------------------------------


async def test_report_groups_items_escapes_model_text_and_compares_scores(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await add_job(user)
    ats = category(
        7,
        [
            ("major-improvement", "Tables <b>", "Avoid <table> & columns."),
            ("strength", "Headings", "Standard headings."),
            ("minor-improvement", "Dates", "Use one date format."),
        ],
    )
    fake.reply_json(analysis(5, ats=ats))
    await upload(user, make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("Overall: 5/10")
    full = report_text(user)
    assert "Offline mode" not in full
    assert "▰▰▰▰▰▰▰▱▱▱ 7/10" in full
    ats_part = full[full.index(LABELS["ats"]) : full.index(LABELS["job_match"])]
    lines = ats_part.splitlines()
    marks = [line[0] for line in lines if line[:1] in {"✅", "🟡", "🔴"}]
    assert marks == ["✅", "🟡", "🔴"]
    assert "🔴 Tables <b> — Avoid <table> & columns." in lines  # shown literally, not as HTML

    fake.reply_json(analysis(7))
    await user.click("Check a new version")
    await user.expect("send your resume")
    assert "Last review: 5/10" in user.last.text
    await user.send_document(make_pdf(RESUME_LINES), "cv-v2.pdf", PDF)
    await user.expect("Up 2 from 5/10 last time")

    fake.reply_json(analysis(4))
    await upload(user, make_pdf(RESUME_LINES), "cv-v3.pdf", PDF)
    await user.expect("Down 3 from 7/10 last time")
    assert [r.overall_score for r in await rows(job)] == [5, 7, 4]

    await start_upload(user)
    await user.click("Show last review")
    last = await user.expect("Last review (")
    assert "Overall: 4/10" in last.text and "Down 3 from 7/10 last time" in last.text
    await user.send("/cancel")
    await user.expect("cancelled")


async def test_long_report_is_split_under_telegram_limit(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    await add_job(user)
    long_items = [
        ("minor-improvement", f"Point {i}", f"Item {i}: " + "reword this bullet & " * 40)
        for i in range(12)
    ]
    fake.reply_json(analysis(6, **{k: category(6, long_items) for k in RESUME_CATEGORIES}))
    await upload(user, make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("Overall: 6/10")
    parts = user.since_last_action()
    assert len(parts) > 3
    assert all(len(p.text) <= 4096 for p in parts)
    full = "\n".join(p.text for p in parts)
    assert all(label in full for label in LABELS.values())
    assert full.count("Item 11:") == len(RESUME_CATEGORIES)
    assert [bool(p.buttons) for p in parts] == [False] * (len(parts) - 1) + [True]


def test_pack_keeps_blocks_whole_and_splits_only_oversized_ones() -> None:
    a, b = "a" * 30, "b" * 30
    assert pack([a, b], limit=70) == [f"{a}\n\n{b}"]
    assert pack([a, "b" * 50], limit=70) == [a, "b" * 50]
    line = "x" * 20
    big = "\n".join([line] * 5)
    assert pack([big], limit=50) == [f"{line}\n{line}", f"{line}\n{line}", line]
    assert pack([a, big], limit=60) == [f"{a}\n\n{line}", f"{line}\n{line}", f"{line}\n{line}"]


# ----- AI failure and Retry -----------------------------------------------------------------


async def test_ai_failure_saves_nothing_and_retry_uses_the_same_text(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await add_job(user)
    fake.reply_status(500)
    await upload(user, make_txt(), "cv.txt", TXT)
    failure = await user.expect("Nothing was saved")
    assert "not answering" in failure.text
    assert user.buttons(failure) == ["🔁 Retry"]
    retry_data = failure.buttons[0]["callback_data"]
    assert await rows(job) == []
    assert MARKER not in await bot_state_dump()  # the text is kept in memory only
    assert (await User.get(id=user.id)).resumes_used == 0  # the failed analysis cost nothing

    fake.reply_json(analysis(6))
    await user.click("Retry")
    await user.expect("Overall: 6/10")
    assert user.buttons(failure) == []  # the pressed Retry button is gone
    first, second = fake.chat_bodies[-2:]
    assert first["messages"] == second["messages"]  # the very same resume text again
    assert MARKER in json.dumps(second["messages"])
    assert len(await rows(job)) == 1

    # The same button again (a second tap, or after a restart): the text is gone, so nothing
    # is analysed; the user is told to send the file again.
    await user.press(retry_data, failure)
    await user.expect("no longer have that file")
    assert len(fake.chat_bodies) == 2


async def test_retry_after_the_flow_was_forgotten_asks_for_the_file(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    await add_job(user)
    fake.reply_status(503)
    await upload(user, make_txt(), "cv.txt", TXT)
    failure = await user.expect("Nothing was saved")
    model_bot.app.bot_data["services"].resume_retries = RetryTexts()  # as after a restart
    await user.click("Retry", in_message=failure)
    await user.expect("no longer have that file")
    await user.expect("send your resume")
    fake.reply_json(analysis(9))
    await user.send_document(make_txt(), "cv.txt", TXT)
    await user.expect("Overall: 9/10")


def make_txt() -> bytes:
    return resume_text().encode()


def test_retry_texts_are_per_user_single_use_and_bounded() -> None:
    texts = RetryTexts(max_items=2)
    extracted = ExtractedText("text", DocumentKind.TXT, None, False)
    token = texts.put(1, "job", extracted)
    assert texts.take(2, token) is None  # another user's token
    again = texts.put(1, "job", extracted)  # a new failure replaces the old one
    assert texts.take(1, token) is None
    texts.put(2, "job", extracted)
    texts.put(3, "job", extracted)  # evicts the oldest
    assert len(texts) == 2 and texts.take(1, again) is None
    fresh = texts.put(4, "job", extracted)
    item = texts.take(4, fresh)
    assert item is not None and item.extracted.text == "text"
    assert texts.take(4, fresh) is None
    expired = RetryTexts(ttl=0)
    assert expired.take(5, expired.put(5, "job", extracted)) is None


# ----- bad input ----------------------------------------------------------------------------


async def test_every_bad_upload_gets_a_reason_and_the_same_question(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await add_job(user)
    await start_upload(user)
    good_pdf = make_pdf(RESUME_LINES)

    def upload(content: bytes, name: str, mime: str, **kw: Any) -> Callable[[], Awaitable[Any]]:
        return lambda: user.send_document(content, name, mime, **kw)

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    odt = "application/vnd.oasis.opendocument.text"
    cases: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
        ("that's a photo", user.send_photo),
        ("not as a text message", lambda: user.send("My resume: Python, Django, 6 years")),
        ("isn't a document", user.send_sticker),
        ("PDF, DOCX and TXT files only", upload(b"\x89PNG....", "scan.png", "image/png")),
        ("Old Word .doc", upload(ole, "cv.doc", "application/msword")),
        ("ODT files", upload(b"PK\x03\x04", "cv.odt", odt)),
        ("over the 10 MB limit", upload(good_pdf, "big.pdf", PDF, reported_size=11 << 20)),
        ("password-protected", upload(encrypt_pdf(good_pdf, "s3cret"), "cv.pdf", PDF)),
        ("no selectable text", upload(drawing_pdf(), "scan.pdf", PDF)),
        ("seems damaged", upload(good_pdf[: len(good_pdf) // 3], "cut.pdf", PDF)),
        ("isn't a valid PDF", upload(b"<html>not a pdf</html>" * 10, "cv.pdf", PDF)),
        ("seems damaged", upload(b"PK\x03\x04broken zip", "cv.docx", DOCX)),
        ("password-protected", upload(ole, "cv.docx", DOCX)),
        ("is empty", upload(b"", "empty.txt", TXT)),
        ("is empty", upload(b" \n\t\n ", "blank.txt", TXT)),
        ("too little text", upload(b"Ada, Python dev.", "short.txt", TXT)),
        ("doesn't look like a text file", upload(bytes(range(256)) * 8, "bin.txt", TXT)),
    ]
    for reason, action in cases:
        await action()
        answer = user.since_last_action()
        assert len(answer) == 1, (reason, user.transcript())
        assert reason.lower() in answer[0].text.lower(), (reason, answer[0].text)
        assert "please send your resume as a pdf, docx or txt file" in answer[0].text.lower()
    assert await rows(job) == []
    # Refused from the size Telegram reported: the big file was never downloaded.
    assert sum(1 for call in bot.emulator.calls if call.method == "getFile") == 9
    # Still waiting for the resume: a good one now goes through.
    await user.send_document(good_pdf, "cv.pdf", PDF)
    await user.expect("Resume review")
    assert len(await rows(job)) == 1


async def test_a_file_just_over_the_size_limit_is_called_over_the_limit(
    bot: BotHarness, user: EmulatedUser
) -> None:
    """10 MB + 1 byte was refused as "That file is 10.0 MB; the limit is 10 MB"; exactly 10 MB
    is not refused for its size."""
    assert documents.check_upload("cv.pdf", PDF, documents.MAX_BYTES) is DocumentKind.PDF
    with pytest.raises(documents.TooLarge) as refused:
        documents.check_upload("cv.pdf", PDF, documents.MAX_BYTES + 1)
    assert refused.value.details == {"limit_mb": 10}
    await add_job(user)
    await start_upload(user)
    await user.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF, reported_size=(10 << 20) + 1)
    refusal = await user.expect("That file is over the 10 MB limit.")
    assert "10.0 MB" not in refusal.text


async def test_parsing_is_stopped_at_its_time_limit_and_the_parsers_are_free_again() -> None:
    """A crafted file would keep pypdf busy for ~20 s: it is stopped at the limit (the parser
    process killed), and files sent meanwhile or after are read as usual."""
    crafted = slow_pdf()
    began = time.monotonic()
    with pytest.raises(documents.TooSlow) as refused:
        await documents.extract_text(crafted, DocumentKind.PDF, timeout=1.0)
    assert time.monotonic() - began < 3
    assert refused.value.problem == "too-slow"
    assert [p for p in multiprocessing.active_children() if p.name == "document-parser"] == []

    # As many crafted files as there are parsers, and a good one beside them: each slow one is
    # stopped at its own limit and the good one is read.
    slow = [
        documents.extract_text(crafted, DocumentKind.PDF, timeout=1.0)
        for _ in range(documents.PARSE_WORKERS)
    ]
    good = documents.extract_text(make_pdf(RESUME_LINES), DocumentKind.PDF, timeout=5.0)
    *stopped, read = await asyncio.gather(*slow, good, return_exceptions=True)
    assert all(isinstance(e, documents.TooSlow) for e in stopped), stopped
    assert isinstance(read, ExtractedText) and MARKER in read.text
    assert [p for p in multiprocessing.active_children() if p.name == "document-parser"] == []


async def test_resume_over_30_pages_is_cut_with_a_notice(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await add_job(user)
    fake.reply_json(analysis(6))
    await upload(user, make_pdf(RESUME_LINES, pages=32), "cv-long.pdf", PDF)
    report = await user.expect("Overall: 6/10")
    assert "I reviewed the first 30" in report.text
    prompt = last_prompt(fake)
    assert "P030" in prompt and "P031" not in prompt and "P032" not in prompt
    assert [r.truncated for r in await rows(job)] == [True]
    await start_upload(user)
    await user.click("Show last review")
    await user.expect("I reviewed the first 30")


# ----- jobs, ownership and the flow ---------------------------------------------------------


async def test_forged_and_foreign_ids_show_nothing(bot: BotHarness, user: EmulatedUser) -> None:
    mallory = await started(bot, "Mallory")
    victim_job = await add_job(user, "Victim job")
    await upload(user, make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("Resume review")
    await add_job(mallory, "Mallory job")

    for data in (
        ResumeJob(job_id=victim_job.id).pack(),
        ResumeJob(job_id=uuid.uuid4()).pack(),
    ):
        query = await mallory.press(data)
        answer = mallory.callback_answer(query)
        assert answer is not None and "found" in answer["text"].lower(), data
        assert mallory.since_last_action() == []
    # unreadable: "not found" for a known kind of button, "no longer active" for no kind at all
    for data in ("resume.job:not-a-uuid", "resume.job", "resume.last:zzz"):
        query = await mallory.press(data)
        answer = mallory.callback_answer(query)
        text = answer["text"].lower() if answer else ""
        assert any(w in text for w in ("found", "no longer active", "no saved review")), data
        assert mallory.since_last_action() == []
    for data in (ResumeLast(job_id=victim_job.id).pack(), ResumeLast(job_id=uuid.uuid4()).pack()):
        query = await mallory.press(data)
        answer = mallory.callback_answer(query)
        assert answer is not None and "no saved review" in answer["text"]
        assert mallory.since_last_action() == []
    query = await mallory.press(ResumeRetry(token="guess", job_id=victim_job.id).pack())
    assert mallory.callback_answer(query) is not None
    await mallory.expect("no longer have that file")
    # Mallory's own documents are never checked against the victim's job.
    await mallory.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await mallory.expect("not waiting")
    assert len(await rows(victim_job)) == 1


async def test_picker_with_several_jobs_and_no_jobs(bot: BotHarness, user: EmulatedUser) -> None:
    await on_plan(user, "max")
    await user.send("/resume")
    await user.expect("/newjob")
    await add_job(user, "Acme backend")
    other = await add_job(user, "Globex data")
    await user.send("/resume")
    await user.expect("Which job")
    await user.click("Globex data")
    await user.expect("Globex data")
    await user.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("Resume review — Globex data")
    assert len(await rows(other)) == 1
    assert await ResumeAnalysisRecord.all().count() == 1


async def test_cancel_ends_the_flow(bot: BotHarness, user: EmulatedUser) -> None:
    job = await add_job(user)
    await start_upload(user)
    await user.send("/cancel")
    await user.expect("cancelled")
    await user.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("not waiting")
    assert await rows(job) == []


async def test_waiting_for_the_file_survives_a_restart(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path)
    async with run_harness_clean(settings) as first:
        user = first.user("Ada")
        job = await add_job(user)
        await start_upload(user)
    async with run_harness_clean(settings, wipe=False) as second:
        again = second.user("Ada", user_id=user.id)
        await again.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF)
        await again.expect("Resume review")
        assert len(await rows(job)) == 1


async def test_job_deleted_while_waiting(bot: BotHarness, user: EmulatedUser) -> None:
    job = await add_job(user)
    await start_upload(user)
    await job.delete()
    await user.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("no longer exists")
    assert await ResumeAnalysisRecord.all().count() == 0


async def test_plans_without_resume_analyses_are_told_and_spend_nothing(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await add_job(user, plan="free")
    await user.send("/resume")
    await user.expect("not part of the Free plan")
    assert user.buttons(user.last) == ["⭐ Get Max"]  # only Max includes resume analysis
    await user.press(ResumeJob(job_id=job.id).pack())
    await user.expect("not part of the Free plan")
    await user.send_document(make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("not waiting")
    assert await rows(job) == []
    # Max counts each stored analysis once (a failed one would be given back).
    await on_plan(user, "max")
    await upload(user, make_pdf(RESUME_LINES), "cv.pdf", PDF)
    await user.expect("Resume review")
    assert (await User.get(id=user.id)).resumes_used == 1


# ----- schema -------------------------------------------------------------------------------


async def test_schema_checks_score_and_kind_and_cascades(db: str) -> None:
    user = await User.create(id=42, name="A")
    job = await JobInfo.create(
        user=user, name="X", experience_level="junior", description=JOB_DESCRIPTION
    )
    valid = analysis(5)
    await ResumeAnalysisRecord.create(job_info=job, overall_score=5, result=valid, file_kind="pdf")
    with pytest.raises(IntegrityError):
        await ResumeAnalysisRecord.create(
            job_info=job, overall_score=11, result=valid, file_kind="pdf"
        )
    with pytest.raises(IntegrityError):
        await ResumeAnalysisRecord.create(
            job_info=job, overall_score=0, result=valid, file_kind="pdf"
        )
    conn = connections.get("default")
    with pytest.raises(IntegrityError):
        await conn.execute_query(
            "INSERT INTO resume_analyses (id, job_info_id, overall_score, result, file_kind,"
            f" truncated, created_at) VALUES ('{uuid.uuid4()}', '{job.id}', 5, '{{}}', 'rtf',"
            " FALSE, CURRENT_TIMESTAMP)"
        )
    assert any("job_info_id" in sql for sql in await index_definitions("resume_analyses"))
    await job.delete()
    assert await ResumeAnalysisRecord.all().count() == 0
