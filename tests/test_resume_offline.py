"""/resume with the offline coach (no AI key) for DOCX and TXT uploads, through the emulator:
the text that reaches the built-in coach (DOCX header and tables, decoded TXT), the report the
user sees and the row that is stored."""

from __future__ import annotations

import io

import docx

from bot.ai.schemas import RESUME_CATEGORIES, ResumeAnalysis
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from handlers.resume.report import LABELS
from models import JobInfo, User
from models.resume import ResumeAnalysisRecord
from tests.fake_openai import FakeOpenAI
from tests.helpers import new_job

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TXT = "text/plain"
JOB_DESCRIPTION = (
    "We are hiring a senior Python developer to build Django services on PostgreSQL, "
    "with Docker, AWS and pytest. Experience with asyncio and REST APIs is a plus."
)
BODY = [
    "Ada Lovelace — Senior Python Developer",
    "Summary",
    "Senior Python developer with 7 years of experience building web services.",
    "Experience",
    "Acme, Backend Engineer, Jan 2019 – Present",
    "- Built REST APIs with Django for 2M monthly users",
    "- Reduced p95 latency by 40% with asyncio and caching",
    "- Led a team of 4 engineers through a database migration",
    "Initech, Developer, Mar 2016 – Dec 2018",
    "- Automated releases, cutting deploy time from 2 hours to 10 minutes",
    "- Designed a reporting service processing 500k rows a day",
    "Education",
    "BSc Computer Science, University of London, 2012 – 2016",
    "Skills",
]
SKILLS = "PostgreSQL, Docker, AWS, pytest"  # the job's keywords, only in the DOCX table


async def add_max_job(user: EmulatedUser) -> JobInfo:
    """A job for the user, who is put on the Max plan (resume analyses come with Max)."""
    job = await new_job(
        user,
        title="Senior Python Developer",
        experience_level="senior",
        description=JOB_DESCRIPTION,
    )
    await User.filter(id=user.id).update(plan="max", plan_expires_at=None)
    return job


async def upload(user: EmulatedUser, content: bytes, filename: str, mime: str) -> str:
    """/resume, the file, and the whole report as text."""
    await user.send("/resume")
    await user.expect("send your resume")
    await user.send_document(content, filename, mime)
    await user.expect("Resume review")
    return "\n".join(m.text for m in user.since_last_action())


async def stored_review(job: JobInfo, kind: str) -> ResumeAnalysis:
    """The one row stored for the job: its kind, its score and a valid review."""
    rows = await ResumeAnalysisRecord.filter(job_info_id=job.id)
    assert len(rows) == 1
    row = rows[0]
    assert (row.file_kind, row.truncated) == (kind, False)
    review = ResumeAnalysis.model_validate(row.result)
    assert row.overall_score == review.overall_score
    assert 1 <= review.overall_score <= 10
    return review


def assert_report_shows(report: str, review: ResumeAnalysis) -> None:
    """The report is the stored review: overall, every category's score and every item."""
    assert f"Overall: {review.overall_score}/10" in report
    assert "Offline mode" in report
    assert [name for name, _ in review.categories()] == list(RESUME_CATEGORIES)
    for key, category in review.categories():
        score = category.score
        assert LABELS[key] in report
        assert "▰" * score + "▱" * (10 - score) + f" {score}/10" in report
        for item in category.feedback:
            assert f"{item.name} — " in report


def item(review: ResumeAnalysis, category: str, name: str) -> tuple[str, str]:
    found = [f for f in getattr(review, category).feedback if f.name == name]
    assert len(found) == 1, (name, getattr(review, category).feedback)
    return found[0].type, found[0].message


def make_docx() -> bytes:
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = "ada@example.com | +44 20 7946 0958 | github.com/ada-dev"
    for line in BODY:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Languages and tools"
    table.cell(0, 1).text = SKILLS
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def test_docx_resume_offline_reads_header_and_table(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await add_max_job(user)
    report = await upload(user, make_docx(), "ada_cv.docx", DOCX)
    review = await stored_review(job, "docx")
    assert_report_shows(report, review)
    assert (await User.get(id=user.id)).resumes_used == 1

    # The contact line is only in the page header: it was read.
    assert "✅ Email — An email address is present." in report
    assert item(review, "ats", "Email")[0] == "strength"
    assert not any(f.name == "Phone" for f in review.ats.feedback)
    assert "✅ Links — Links to your work: github.com/ada-dev." in report
    # PostgreSQL, Docker, AWS and pytest are only in the table: it was read too.
    assert "Your resume mentions 9 of the job's 9 keywords." in report
    assert review.keyword_coverage.score == 10
    sections = "Experience, Education, Skills, Summary"
    assert f"✅ Sections — Standard headings found: {sections}." in report
    assert "✅ Dates — Dates are present in a consistent format." in report
    assert "✅ Seniority — About 7 years of experience shown." in report
    # A short resume is told so, and it costs the ATS score.
    kind, message = item(review, "ats", "Length")
    assert kind == "major-improvement" and message.startswith("Only 1")
    assert review.ats.score == 7


# Word's own lists: the bullet is drawn by Word, the paragraph text has no marker.
WORD_BULLETS = [
    "Built REST APIs with Django and PostgreSQL serving 2M monthly users across 12 countries",
    "Reduced p95 latency by 40% by moving report generation to asyncio workers and caching",
    "Led a team of 4 engineers through a zero-downtime migration of 300 GB of billing data",
    "Automated releases with Docker and AWS, cutting deploy time from 2 hours to 10 minutes",
    "Designed a reporting service in Python processing 500k rows a day for the finance team",
    "Introduced pytest fixtures and contract tests, raising coverage from 35% to 85% in a year",
    "Mentored 3 junior developers through code review, pairing and a weekly Python study hour",
    "Replaced a cron-based importer with an event queue, removing 20 hours of manual fixes monthly",
]


def word_list_docx() -> bytes:
    """A resume whose achievements are Word list items: six in the "List Bullet" style, two
    "List Paragraph"s numbered directly (how Word's bullet button formats a paragraph)."""
    document = docx.Document()
    document.add_paragraph("ada@example.com | +44 20 7946 0958 | github.com/ada-dev")
    for line in (*BODY[:4], "Acme, Backend Engineer, Jan 2019 – Present"):
        document.add_paragraph(line)
    for index, line in enumerate(WORD_BULLETS):
        if index < 6:
            document.add_paragraph(line, style="List Bullet")
            continue
        paragraph = document.add_paragraph(line, style="List Paragraph")
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = 1
        if index == 6:
            document.add_paragraph("Initech, Developer, Mar 2016 – Dec 2018")
    for line in BODY[-3:]:
        document.add_paragraph(line)
    document.add_paragraph(f"{SKILLS}, Django, asyncio, REST APIs, Python")
    # An indented "List Paragraph" with numbering switched off is not an item.
    plain = document.add_paragraph("Open-source contributor since 2015", style="List Paragraph")
    plain._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def test_word_list_bullets_count_as_bullets(bot: BotHarness, user: EmulatedUser) -> None:
    await add_max_job(user)
    report = await upload(user, word_list_docx(), "ada_cv.docx", DOCX)
    # Every Word list item is a bullet, all of one style; the unnumbered paragraph is not.
    assert "No bullet points found" not in report
    assert "Bullet style" not in report
    assert "✅ Quantified results — 8 of 8 lines quantify impact." in report
    assert "✅ Action verbs — 7 of 8 lines open with a strong action verb." in report


TXT_LINES = [
    "Jürgen Müller",
    "Python developer · Portfolio: jürgen-müller.dev",
    "Experience",
    "Globex, Developer, Jan 2019 – Present",
    "- Built Django views and templates for the internal shop",
    "• Responsible for fixing bugs in the billing scripts",
    "Initech, Junior developer, 03/2016 – 12/2018",
    "- Worked on the PostgreSQL reports",
    "Education",
    "BSc Informatik, Universität Wien",
]


async def test_txt_resume_offline_is_decoded_and_its_problems_reported(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await add_max_job(user)
    content = "\n".join(TXT_LINES).encode("utf-16")  # with a BOM, two bytes a character
    report = await upload(user, content, "müller.txt", TXT)
    review = await stored_review(job, "txt")
    assert_report_shows(report, review)
    assert (await User.get(id=user.id)).resumes_used == 1

    # Decoded, not mojibake: the link with umlauts is quoted back as written.
    assert "✅ Links — Links to your work: jürgen-müller.dev." in report
    # What this resume lacks, each said once and scored as such.
    assert item(review, "ats", "Email") == (
        "major-improvement",
        "No email address found — recruiters and ATS need it to contact you.",
    )
    assert "🔴 Skills section — No “Skills” heading found." in report
    assert item(review, "ats", "Phone")[0] == "minor-improvement"
    assert item(review, "ats", "Date format") == (
        "minor-improvement",
        "Dates mix formats (Month YYYY, MM/YYYY); pick one and use it everywhere.",
    )
    assert item(review, "ats", "Bullet style") == (
        "minor-improvement",
        "Bullets use several markers (- •); use one style throughout.",
    )
    assert item(review, "writing_and_formatting", "Passive phrasing")[0] == "minor-improvement"
    assert review.ats.score <= 3
    assert review.overall_score <= 3  # far too short and failing the ATS checks
    _, missing = item(review, "keyword_coverage", "Missing keywords")
    for keyword in ("Docker", "AWS", "pytest"):
        assert keyword in missing


# ----- a document that isn't a resume (issue 16.6) ------------------------------------

RECIPE = (
    "Fluffy pancakes\n\nIngredients\n200 g flour, 2 eggs, 300 ml milk, a pinch of salt, "
    "1 tbsp sugar, butter for the pan.\n\nMethod\nWhisk the flour, sugar and salt. Beat in "
    "the eggs and milk until smooth and rest the batter for 10 minutes. Heat a little butter "
    "in a pan and cook ladlefuls for a minute on each side until golden. Serve with lemon."
)


async def test_a_recipe_is_not_reviewed_as_a_resume(bot: BotHarness, user: EmulatedUser) -> None:
    job = await add_max_job(user)
    await user.send("/resume")
    await user.expect("send your resume")
    await user.send_document(RECIPE.encode(), "pancakes.txt", TXT)
    await user.expect("doesn't look like a resume")
    assert await ResumeAnalysisRecord.filter(job_info_id=job.id).count() == 0
    assert (await User.get(id=user.id)).resumes_used == 0


async def test_a_recipe_is_refused_before_the_model(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await add_max_job(user)
    await user.send("/resume")
    await user.expect("send your resume")
    await user.send_document(RECIPE.encode(), "pancakes.txt", TXT)
    await user.expect("doesn't look like a resume")
    assert fake.chat_bodies == []  # no model call for a recipe
    assert await ResumeAnalysisRecord.filter(job_info_id=job.id).count() == 0
