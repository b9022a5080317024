"""Users' data through the emulator: /mydata's ZIP and its hourly limit, /deleteme's
confirmation and what it leaves behind (table by table), a fresh start afterwards."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from tortoise import connections

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services.account import SYSTEM_ADMIN_ID
from models import Interview, JobInfo, Question, User
from models.admin import AdminAction
from models.answers import Answer
from models.core import InterviewStatus
from models.interviews import InterviewMessage, MessageRole
from models.learning import Reminder, ReviewCard
from models.payments import Payment
from models.resume import ResumeAnalysisRecord
from tests.helpers import RESUME, easy_question, new_job

ANSWER = (
    "A closure keeps references to the variables of the enclosing function scope, so the inner "
    "function can still use them after the outer function returned."
)
REPORT = "# Mock interview report\n\n**Overall rating: 7/10**\n\nClear answers about closures.\n"


async def practised(bot: BotHarness, user: EmulatedUser) -> JobInfo:
    """A job with one answered question, one interview with its report and a resume analysis."""
    job = await new_job(user)
    await easy_question(user)
    await user.send(ANSWER)
    await user.expect("Correct answer")
    interview = await Interview.create(
        job_info=job,
        user_id=user.id,
        status=InterviewStatus.COMPLETED,
        report_json={"markdown": REPORT},
    )
    await InterviewMessage.create(interview=interview, role=MessageRole.CANDIDATE, text="Hi")
    await ResumeAnalysisRecord.create(job_info=job, overall_score=7, result=RESUME, file_kind="pdf")
    return job


def sent_zip(bot: BotHarness, user: EmulatedUser) -> zipfile.ZipFile:
    document = [m for m in user.since_last_action() if m.kind == "document"]
    assert len(document) == 1, user.since_last_action()
    assert document[0].file is not None
    content = bytes(bot.emulator.files[document[0].file["file_id"]]["content"])
    return zipfile.ZipFile(io.BytesIO(content))


async def test_mydata_sends_a_zip_of_the_users_rows_once_an_hour(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await practised(bot, user)
    other = bot.user("Bob")
    await new_job(other, "Bob's job")

    await user.send("/mydata")
    archive = sent_zip(bot, user)
    names = set(archive.namelist())
    assert {"users.json", "job_info.json", "questions.json", "answers.json"} <= names
    jobs = json.loads(archive.read("job_info.json"))
    assert [j["name"] for j in jobs] == ["Acme backend"] and jobs[0]["id"] == str(job.id)
    answers = json.loads(archive.read("answers.json"))
    assert [a["text"] for a in answers] == [ANSWER] and 1 <= answers[0]["rating"] <= 10
    assert json.loads(archive.read("users.json"))[0]["id"] == user.id
    reports = [n for n in names if n.startswith("reports/") and n.endswith(".md")]
    assert len(reports) == 1 and archive.read(reports[0]).decode() == REPORT
    assert "Bob's job" not in "".join(archive.read(n).decode() for n in names)

    await user.send("/mydata")
    await user.expect("less than an hour ago")
    assert not [m for m in user.since_last_action() if m.kind == "document"]
    # An hour later it is allowed again.
    await User.filter(id=user.id).update(
        data_exported_at=(await User.get(id=user.id)).data_exported_at - timedelta(hours=1)
    )
    await user.send("/mydata")
    sent_zip(bot, user)


async def _rows_of(user_id: int) -> dict[str, int]:
    """Every row that names the user, table by table."""
    conn = connections.get("default")
    counts = {
        "users": await User.filter(id=user_id).count(),
        "job_info": await JobInfo.filter(user_id=user_id).count(),
        "questions": await Question.filter(job_info__user_id=user_id).count(),
        "answers": await Answer.filter(question__job_info__user_id=user_id).count(),
        "interviews": await Interview.filter(user_id=user_id).count(),
        "interview_messages": await InterviewMessage.filter(interview__user_id=user_id).count(),
        "resume_analyses": await ResumeAnalysisRecord.filter(job_info__user_id=user_id).count(),
        "payments": await Payment.filter(user_id=user_id).count(),
        "review_cards": await ReviewCard.filter(user_id=user_id).count(),
        "reminders": await Reminder.filter(user_id=user_id).count(),
    }
    # Orphans: rows whose parents are gone would mean a cascade did not run.
    for sql in (
        'SELECT COUNT(*) AS n FROM "questions" WHERE "job_info_id" NOT IN '
        '(SELECT "id" FROM "job_info")',
        'SELECT COUNT(*) AS n FROM "answers" WHERE "question_id" NOT IN '
        '(SELECT "id" FROM "questions")',
        'SELECT COUNT(*) AS n FROM "interview_messages" WHERE "interview_id" NOT IN '
        '(SELECT "id" FROM "interviews")',
    ):
        counts[sql[:60]] = (await conn.execute_query_dict(sql))[0]["n"]
    return counts


async def test_deleteme_removes_every_row_keeps_an_anonymous_payment_and_starts_afresh(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await practised(bot, user)
    await user.send("/upgrade")
    invoice = [m for m in user.since_last_action() if m.kind == "invoice"][-1]
    link = next(b["url"] for b in invoice.buttons if "url" in b)
    paid = await user.pay(link)  # a Stars subscription
    assert paid.ok
    await bot.idle()
    other = bot.user("Bob")
    other_job = await new_job(other, "Bob's job")
    before = await _rows_of(user.id)
    assert all(before[t] for t in ("users", "job_info", "answers", "interviews", "payments"))

    await user.send("/deleteme")
    asked = await user.expect("Delete everything I hold about you?")
    assert "jobs (1)" in asked.text and "answers (1)" in asked.text
    assert user.buttons() == ["🗑 Delete everything", "Keep my data"]
    await user.click("Keep my data")
    await user.expect("Nothing was deleted")
    assert await _rows_of(user.id) == before

    await user.send("/deleteme")
    await user.click("🗑 Delete everything")
    await user.expect("everything I held about you is deleted")
    after = await _rows_of(user.id)
    assert all(n == 0 for n in after.values()), after

    # The subscription renews no more; the payment stays, linked to nobody.
    edits = [c.params for c in bot.emulator.calls if c.method == "editUserStarSubscription"]
    assert edits == [
        {"user_id": user.id, "telegram_payment_charge_id": paid.charge_id, "is_canceled": True}
    ]
    kept = await Payment.get(telegram_payment_charge_id=paid.charge_id)
    assert kept.user_id is None and kept.invoice_payload == "" and kept.amount > 0
    assert str(user.id) not in json.dumps(await Payment.filter(id=kept.id).values(), default=str)

    # Admins see it in the audit trail, without the user's content.
    audit = await AdminAction.get(command="deleteme")
    assert audit.admin_id == SYSTEM_ADMIN_ID and f"user {user.id}" in audit.result
    assert "answers 1" in audit.result and f"subscription {paid.charge_id} cancelled" in (
        audit.result
    )
    assert "Acme" not in audit.result and ANSWER[:20] not in audit.result

    # Others keep everything; the user starts again afresh.
    assert await JobInfo.filter(id=other_job.id).exists()
    await user.send("/start")
    await user.expect("interview coach")
    fresh = await User.get(id=user.id)
    assert fresh.questions_used == 0 and fresh.plan == "free" and fresh.flow is None
    await user.send("/jobs")
    await user.expect("no saved jobs")


async def test_a_stale_delete_button_deletes_nothing(bot: BotHarness, user: EmulatedUser) -> None:
    await new_job(user)
    await user.send("/deleteme")
    await user.expect("Delete everything I hold about you?")
    await user.send("/cancel")
    await user.expect("Nothing was deleted")
    await user.click("🗑 Delete everything")  # the old message's button
    assert await JobInfo.filter(user_id=user.id).count() == 1
    assert not await AdminAction.filter(command="deleteme").exists()
