"""Job profiles through the emulator: /newjob, /jobs, the card, edit, delete, forged buttons."""

from __future__ import annotations

import uuid
from pathlib import Path

from fpdf import FPDF

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.types import ChatMessage
from handlers.jobs.buttons import (
    JobDelete,
    JobDeleteConfirm,
    JobEdit,
    JobPage,
    NewJobLevel,
    NewJobSkip,
)
from handlers.kit.entry_buttons import (
    InterviewJob,
    InterviewList,
    PracticeJob,
    PracticeList,
    ResumeJob,
)
from models import ExperienceLevel, Interview, JobInfo, Question
from tests.conftest import make_settings, run_harness_clean
from tests.helpers import new_job

DESCRIPTION = "We build payment APIs in Python and PostgreSQL.\nYou will own services end to end."


def make_pdf(*lines: str, password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    return bytes(pdf.output())


def callback_data(message: ChatMessage) -> dict[str, str]:
    return {b["text"]: b["callback_data"] for b in message.buttons if "callback_data" in b}


async def start_newjob(user: EmulatedUser, name: str = "Acme", title: str | None = None) -> None:
    """/newjob up to the description step."""
    await user.send("/newjob")
    await user.expect("company or job name")
    await user.send(name)
    await user.expect("job title")
    if title is None:
        await user.click("Skip")
    else:
        await user.send(title)
    await user.expect("experience level")
    await user.click("Senior")
    await user.expect("job description")


async def open_card(user: EmulatedUser, job: JobInfo) -> ChatMessage:
    """/jobs, then the job's button: the list message becomes the card."""
    job = await JobInfo.get(id=job.id)
    await user.send("/jobs")
    listing = await user.expect("your jobs")
    await user.press(callback_data(listing)[job_label(job)], listing)
    return listing


def job_label(job: JobInfo) -> str:
    return f"{job.name} — {job.title}" if job.title else job.name


# ----- create ------------------------------------------------------------------------------
async def test_create_with_title_shows_the_card(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user, "Acme Payments", "Backend Engineer")
    await user.send(DESCRIPTION)
    card = await user.expect("job saved")
    job = await JobInfo.get(user_id=user.id)
    assert (job.name, job.title, job.experience_level, job.description) == (
        "Acme Payments",
        "Backend Engineer",
        "senior",
        DESCRIPTION,
    )
    assert "Backend Engineer" in card.text and "Senior" in card.text
    assert "payment APIs" in card.text
    assert "0 questions asked" in card.text and "0 interviews run" in card.text
    data = callback_data(card)
    assert data["🧠 Practice"] == PracticeJob(job_id=job.id).pack()
    assert data["🎤 Interview"] == InterviewJob(job_id=job.id).pack()
    assert data["📄 Resume"] == ResumeJob(job_id=job.id).pack()
    assert data["Past questions"] == PracticeList(job_id=job.id).pack()
    assert data["Past interviews"] == InterviewList(job_id=job.id).pack()
    assert data["✏️ Edit"] == JobEdit(job_id=job.id).pack()
    assert data["🗑 Delete"] == JobDelete(job_id=job.id).pack()
    assert data["« All jobs"] == JobPage(page=0).pack()
    assert all(len(d.encode()) <= 64 for d in data.values())
    await user.send("hello")  # the flow is over
    await user.expect("not waiting")


async def test_create_without_title(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user, "Globex")
    await user.send(DESCRIPTION)
    card = await user.expect("job saved")
    job = await JobInfo.get(user_id=user.id)
    assert job.title is None and job.name == "Globex"
    assert "💼" not in card.text


async def test_every_wrong_answer_is_explained_and_asked_again(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send("/newjob")
    await user.send("   ")
    again = await user.expect("can't be empty")
    assert "company or job name" in again.text
    await user.send("N" * 101)
    again = await user.expect("at most 100 characters")
    assert "company or job name" in again.text
    await user.send_sticker()
    again = await user.expect("can't use a sticker here")
    assert "company or job name" in again.text
    await user.send("  Acme   Corp ")

    skip_prompt = await user.expect("job title")
    await user.send("T" * 101)
    again = await user.expect("title must be at most 100")
    assert "job title" in again.text and user.buttons(again) == ["Skip"]
    assert skip_prompt.buttons == []  # the old prompt's button is gone
    await user.send_photo()
    await user.expect("can't use a photo here")
    await user.send("Platform Engineer")

    await user.expect("experience level")
    await user.send("wizard")
    again = await user.expect("Choose Junior, Mid-level or Senior")
    assert user.buttons(again) == ["Junior", "Mid-level", "Senior"]
    query = await user.press(NewJobSkip().pack(), skip_prompt)  # a button of an old message
    assert "old message" in user.callback_answer(query)["text"]  # type: ignore[index]
    again = await user.expect("old message")
    assert "experience level" in again.text
    await user.send("mid level")  # typed instead of tapped is fine

    await user.expect("job description")
    await user.send("too short")
    await user.expect("at least 20 characters")
    await user.send_document(b"PK\x03\x04", "jd.docx", "application/msword")
    await user.expect(".txt and .pdf files only")
    await user.send_document(b"x" * 100, "jd.pdf", "application/pdf", reported_size=11 << 20)
    await user.expect("over 10 MB")
    assert not any(c.method == "getFile" for c in bot.emulator.calls)  # refused before download
    await user.send_document(b"a" * 10_001, "jd.txt", "text/plain")
    again = await user.expect("at most 10,000 characters")
    assert "job description" in again.text
    await user.send_voice(b"OggS")
    await user.expect("can't use a voice message here")
    query = await user.press("job.open:" + uuid.uuid4().hex)
    assert "old message" in user.callback_answer(query)["text"]  # type: ignore[index]
    await user.send("/jobs")
    await user.expect("You're creating a job")
    assert await JobInfo.filter(user_id=user.id).count() == 0  # nothing saved on the way

    await user.send(DESCRIPTION)
    await user.expect("job saved")
    job = await JobInfo.get(user_id=user.id)
    assert (job.name, job.title, job.experience_level) == (
        "Acme Corp",
        "Platform Engineer",
        "mid-level",
    )


async def test_description_from_a_txt_file(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user)
    text = "Senior Go developer.\nKubernetes, gRPC and PostgreSQL — on call one week in six."
    await user.send_document(text.encode(), "job.txt", "text/plain")
    await user.expect("job saved")
    assert (await JobInfo.get(user_id=user.id)).description == text


async def test_description_from_a_pdf(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user)
    pdf = make_pdf("Data engineer at Initech.", "Spark, Airflow and dbt; SQL every day.")
    await user.send_document(pdf, "posting.pdf", "application/pdf")
    await user.expect("job saved")
    description = (await JobInfo.get(user_id=user.id)).description
    assert "Data engineer at Initech." in description and "Airflow" in description


async def test_unreadable_pdfs_get_a_reason(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user)
    await user.send_document(b"%PDF-1.4 this is not really a pdf", "broken.pdf", "application/pdf")
    again = await user.expect("couldn't read that PDF")
    assert "job description" in again.text
    locked = make_pdf("Secret stuff that is long enough", password="hunter2")
    await user.send_document(locked, "locked.pdf", "application/pdf")
    await user.expect("password-protected")
    await user.send_document(make_pdf(), "blank.pdf", "application/pdf")
    await user.expect("no selectable text")
    assert await JobInfo.filter(user_id=user.id).count() == 0


async def test_file_reasons_come_from_the_shared_extractor(
    bot: BotHarness, user: EmulatedUser
) -> None:
    """Job descriptions are read by `bot.services.documents` with the job's own length rules."""
    await start_newjob(user)
    await user.send_document(bytes(range(256)) * 8, "jd.txt", "text/plain")
    again = await user.expect("doesn't look like a text file")
    assert "job description" in again.text
    await user.send_document(b" \n\t ", "blank.txt", "text/plain")
    await user.expect("file is empty")
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(31):  # past the extractor's page cap: too long for a description
        pdf.add_page()
        pdf.cell(0, 10, f"Page {number}")
    await user.send_document(bytes(pdf.output()), "long.pdf", "application/pdf")
    await user.expect("at most 10,000 characters")
    assert await JobInfo.filter(user_id=user.id).count() == 0
    short = "Go, gRPC, on call.\r\n\r\n\r\nRemote.  "  # short for a resume, fine for a job
    await user.send_document(short.encode(), "jd.txt", "text/plain")
    await user.expect("job saved")
    assert (await JobInfo.get(user_id=user.id)).description == "Go, gRPC, on call.\n\nRemote."


async def test_file_type_follows_the_resume_rule_and_empty_files_are_refused_before_download(
    bot: BotHarness, user: EmulatedUser
) -> None:
    """The extension decides (the sender's MIME type only counts without one), and a file
    Telegram reports as empty is refused without downloading it."""
    await start_newjob(user)
    text = b"Senior Go developer: Kubernetes, gRPC and PostgreSQL."
    for name, mime in (("setup.exe", "text/plain"), ("jd.docx", "application/pdf")):
        await user.send_document(text, name, mime)
        again = await user.expect(".txt and .pdf files only")
        assert "job description" in again.text, name
    await user.send_document(b"", "jd.txt", "text/plain")
    again = await user.expect("That file is empty")
    assert "job description" in again.text
    assert not any(c.method == "getFile" for c in bot.emulator.calls)  # refused before download
    assert await JobInfo.filter(user_id=user.id).count() == 0

    await user.send_document(text, "job-ad", "text/plain")  # no extension: the type counts
    await user.expect("job saved")
    assert (await JobInfo.get(user_id=user.id)).description == text.decode()


async def test_cancel_midway_saves_nothing(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/newjob")
    await user.send("Acme")
    await user.send("Engineer")
    prompt = await user.expect("experience level")
    await user.send("/cancel")
    await user.expect("no job was saved")
    assert await JobInfo.filter(user_id=user.id).count() == 0
    assert prompt.buttons == []  # the open step's buttons are removed
    query = await user.press(
        NewJobLevel(level=ExperienceLevel.SENIOR).pack(), prompt
    )  # and pressing one anyway is stale
    assert "no longer active" in user.callback_answer(query)["text"]  # type: ignore[index]


async def test_newjob_again_midway_starts_over(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user, "First")
    await user.send("/newjob")
    await user.expect("starting over")
    await user.send("Second")
    await user.click("Skip")
    await user.click("Junior")
    await user.send(DESCRIPTION)
    await user.expect("job saved")
    jobs = await JobInfo.filter(user_id=user.id)
    assert [(j.name, j.experience_level) for j in jobs] == [("Second", "junior")]


async def test_a_draft_survives_a_restart(database_url: str, tmp_path: Path) -> None:
    """The step and the draft are persisted: after a restart the flow goes on."""
    settings = make_settings(database_url, tmp_path)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada", user_id=990_101)
        await user.send("/newjob")
        await user.send("Umbrella")
        await user.send("Biologist")
        await user.expect("experience level")
    async with run_harness_clean(settings, wipe=False) as bot:  # a new process, same database
        user = bot.user("Ada", user_id=990_101)
        await user.send("Junior")
        await user.expect("job description")
        await user.send(DESCRIPTION)
        await user.expect("job saved")
        job = await JobInfo.get(user_id=user.id)
        assert (job.name, job.title, job.experience_level) == ("Umbrella", "Biologist", "junior")


# ----- list and card ---------------------------------------------------------------------
async def test_no_jobs_points_to_newjob(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/jobs")
    await user.expect("Create one with /newjob")


async def test_list_is_paginated_newest_first(bot: BotHarness, user: EmulatedUser) -> None:
    for number in range(10):
        await new_job(user, f"Job {number}", title="Dev" if number == 9 else None)
    await user.send("/jobs")
    listing = await user.expect("your jobs")
    assert "(10)" in listing.text and "page 1 of 2" in listing.text
    labels = user.buttons(listing)
    assert labels == ["Job 9 — Dev", *(f"Job {n}" for n in range(8, 1, -1)), "▶"]
    await user.click("▶", in_message=listing)
    assert "page 2 of 2" in listing.text  # the same message, edited
    assert user.buttons(listing) == ["Job 1", "Job 0", "◀"]
    await user.click("◀", in_message=listing)
    assert user.buttons(listing)[0] == "Job 9 — Dev"
    await user.press(JobPage(page=7).pack(), listing)  # past the end: the last page
    assert user.buttons(listing) == ["Job 1", "Job 0", "◀"]


async def test_card_shows_counts_and_goes_back(bot: BotHarness, user: EmulatedUser) -> None:
    long_text = "Line one <b>not bold</b> & more\n" + "\n".join(f"line {n}" for n in range(30))
    job = await new_job(user, "Initech", title="SRE", description=long_text)
    other = await new_job(user, "Other")
    for text in ("Q1", "Q2", "Q3"):
        await Question.create(job_info=job, text=text, difficulty="easy")
    await Question.create(job_info=other, text="Q4", difficulty="hard")
    await Interview.create(job_info=job)
    listing = await open_card(user, job)
    card = listing  # opened in place
    assert "Initech" in card.text and "SRE" in card.text and "Mid-level" in card.text
    assert "Line one <b>not bold</b> & more" in card.text  # escaped, shown as typed
    assert "line 2" in card.text and "line 29" not in card.text  # the first lines only
    assert "3 questions asked" in card.text and "1 interview run" in card.text
    await user.click("« All jobs", in_message=card)
    assert "Your jobs" in listing.text


# ----- edit --------------------------------------------------------------------------------
async def edit(user: EmulatedUser, job: JobInfo, field: str) -> None:
    card = await open_card(user, job)
    await user.click("Edit", in_message=card)
    await user.expect("What would you like to change")
    await user.click(field)


async def test_edit_each_field(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user, title="Engineer")

    await edit(user, job, "Name")
    await user.send("N" * 101)
    await user.expect("at most 100 characters")
    await user.send("Acme Rockets")
    card = await user.expect("saved")
    assert (
        "Acme Rockets" in card.text
        and callback_data(card)["✏️ Edit"] == JobEdit(job_id=job.id).pack()
    )

    await edit(user, job, "Title")
    await user.click("Clear title")
    await user.expect("saved")
    assert (await JobInfo.get(id=job.id)).title is None

    await edit(user, job, "Title")
    await user.send("Staff Engineer")
    await user.expect("Staff Engineer")

    await edit(user, job, "Level")
    await user.send_sticker()
    await user.expect("can't use a sticker here")
    await user.click("Junior")
    card = await user.expect("saved")
    assert "Junior" in card.text

    await edit(user, job, "Description")
    await user.send("short")
    await user.expect("at least 20 characters")
    await user.send_document(b"Rockets, Rust and a lot of telemetry.", "new.txt", "text/plain")
    await user.expect("saved")

    stored = await JobInfo.get(id=job.id)
    assert (stored.name, stored.title, stored.experience_level, stored.description) == (
        "Acme Rockets",
        "Staff Engineer",
        "junior",
        "Rockets, Rust and a lot of telemetry.",
    )


async def test_edit_cancel_changes_nothing(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user, "Acme")
    await edit(user, job, "Name")
    await user.send("/newjob")
    await user.expect("You're editing a job")
    await user.send("/cancel")
    await user.expect("wasn't changed")
    assert (await JobInfo.get(id=job.id)).name == "Acme"
    await user.send("Renamed")
    await user.expect("not waiting")


async def test_edit_button_mid_newjob_is_an_old_button(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user)
    await user.send("/newjob")
    query = await user.press(JobEdit(job_id=job.id).pack())
    assert "old message" in user.callback_answer(query)["text"]  # type: ignore[index]
    await user.expect("company or job name")
    await user.send("Still creating")
    await user.expect("job title")


# ----- delete ------------------------------------------------------------------------------
async def test_delete_asks_then_cascades(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user, "Doomed")
    kept = await new_job(user, "Kept")
    await Question.create(job_info=job, text="Q1", difficulty="easy")
    await Question.create(job_info=job, text="Q2", difficulty="medium")
    await Question.create(job_info=kept, text="Q3", difficulty="hard")
    await Interview.create(job_info=job)
    card = await open_card(user, job)
    await user.click("Delete", in_message=card)
    assert "Delete Doomed?" in card.text and "2 questions and 1 interview" in card.text
    await user.click("Keep", in_message=card)
    assert "Doomed" in card.text and "2 questions asked" in card.text
    await user.click("Delete", in_message=card)
    await user.click("Yes, delete", in_message=card)
    assert "Deleted Doomed, with 2 questions and 1 interview." in card.text
    assert not await JobInfo.filter(id=job.id).exists()
    assert await Question.filter(job_info_id=job.id).count() == 0
    assert await Interview.filter(job_info_id=job.id).count() == 0
    assert await Question.filter(job_info_id=kept.id).count() == 1
    query = await user.press(JobDeleteConfirm(job_id=job.id).pack(), card)  # pressed twice
    assert user.callback_answer(query)["text"].startswith("Job not found")  # type: ignore[index]


# ----- forged buttons ----------------------------------------------------------------------
async def test_forged_buttons_find_nothing(bot: BotHarness, user: EmulatedUser) -> None:
    eve = bot.user("Eve")
    theirs = await new_job(eve, "Eve's secret job", title="Spy")
    mine = await new_job(user)
    await Question.create(job_info=theirs, text="Q", difficulty="easy")
    gone = uuid.uuid4()
    await user.send("/jobs")
    listing = await user.expect("your jobs")
    before = listing.text
    actions = ("job.open", "job.del", "job.delok", "job.edit")
    # Well-formed, but not the user's job (or no job at all): "not found".
    forged = [f"{action}:{job_id.hex}" for action in actions for job_id in (theirs.id, gone)]
    forged += ["job.page:-1", "job.page:99999999999"]
    # Not even well-formed: the kind of button is known, what it names is not.
    unreadable = [f"{action}:{job_id}" for action in actions for job_id in ("xyz", "")]
    unreadable += ["job.page:abc", "job.page:"]
    for data in forged + unreadable:
        query = await user.press(data, listing)
        answer = user.callback_answer(query)
        assert answer is not None and "not found" in answer["text"].lower(), data
        assert user.since_last_action() == [], data
    assert listing.text == before and listing.edits == 0
    stored = await JobInfo.get(id=theirs.id)
    assert (stored.name, stored.title) == ("Eve's secret job", "Spy")
    assert await Question.filter(job_info_id=theirs.id).count() == 1
    assert await JobInfo.filter(id=mine.id).exists()
    assert "secret" not in " ".join(m.text for m in user.chat)
