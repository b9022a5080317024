"""The learning loop through the emulator: /progress (a PNG chart and the figures), /review in
the order FSRS schedules, "Next for me" on the weakest skill, daily reminders on the clock."""

from __future__ import annotations

import asyncio
import struct
import time
import uuid
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator
from models import Question, User
from models.learning import Reminder, ReviewCard
from tests.conftest import make_settings, model_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI
from tests.helpers import new_job

GIT = "How does git rebase differ from git merge, and when would you use each?"
DOCKER = "How do Docker containers isolate processes from the host?"
PYTHON = "What does the Python GIL protect, and how does it affect threads?"
ANSWERS = {
    GIT: "Rebase rewrites my commits on top of the target branch; merge adds a merge commit.",
    DOCKER: "Containers use kernel namespaces and cgroups, so processes see their own view.",
    PYTHON: "The GIL lets one thread run Python bytecode at a time, protecting refcounts.",
}


class Clock:
    """The bot's one clock (`services.plans.clock`), moved by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at


def use_clock(bot: BotHarness, clock: Clock) -> None:
    bot.app.bot_data["services"].plans.clock = clock


def grade(rating: int) -> dict[str, Any]:
    return {"rating": rating, "feedback": f"Rated {rating}.", "model_answer": "A model answer."}


async def until(check: Callable[[], Any], what: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG, each CRC checked (fails on anything that is not one)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append(kind)
        at += 12 + length
    return chunks


async def answer_rated(user: EmulatedUser, fake: FakeOpenAI, level: str, text: str, rating: int):
    fake.reply_text(text)
    fake.reply_json(grade(rating))
    await user.click(level)
    await user.expect(text[:20])
    await user.send(ANSWERS[text])
    await user.expect("Correct answer")


# ----- progress, review, next for me -------------------------------------------------------


async def test_progress_review_order_and_next_for_me(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    emulator = BotAPIEmulator()
    async with run_harness_clean(model_settings(database_url, tmp_path, fake), emulator) as bot:
        clock = Clock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
        use_clock(bot, clock)
        user = bot.user("Ada")
        job = await new_job(user)
        await user.send("/practice")
        await user.expect("Choose a difficulty")
        await answer_rated(user, fake, "Easy", GIT, 2)
        # after a 2 on git, the suggested next difficulty (for git) is Easy
        assert user.buttons()[:3] == ["Easy ⭐", "Medium", "Hard"]
        clock.set(clock.at + timedelta(minutes=5))
        await answer_rated(user, fake, "Medium", DOCKER, 5)
        clock.set(clock.at + timedelta(minutes=5))
        await answer_rated(user, fake, "Hard", PYTHON, 9)
        assert user.buttons()[:3] == ["Easy", "Medium", "Hard ⭐"]
        skills = dict(await Question.filter(job_info_id=job.id).values_list("text", "skill"))
        assert skills == {GIT: "git", DOCKER: "containers", PYTHON: "python"}

        # the rating 2 comes back within hours, the 9 after days
        cards = ReviewCard.filter(user_id=user.id)
        due = dict(await cards.values_list("question__text", "due"))
        assert due[GIT] < due[DOCKER] < due[PYTHON]
        assert due[GIT] - clock.at <= timedelta(hours=4)
        assert due[PYTHON] - clock.at >= timedelta(days=3)

        # /progress: a PNG chart, then the figures with the weakest skill first
        await user.send("/progress")
        text = await user.expect("Weakest skills")
        photo = next(m for m in user.since_last_action() if m.kind == "photo")
        png = emulator.files[photo.file[0]["file_id"]]["content"]
        chunks = png_chunks(png)
        assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND" and b"IDAT" in chunks
        assert "Questions answered: 3" in text.text and "average 5.3/10" in text.text
        assert "Weakest skills: git, containers, python" in text.text
        assert "Streak: 1 day" in text.text

        # Next for me: the weakest skill (git), at its suggested difficulty (Easy)
        fake.reply_text("When would you choose git cherry-pick over a merge?")
        await user.click("Next for me")
        asked = await user.expect("cherry-pick")
        assert "For you: git" in asked.text and "Easy question" in asked.text
        prompt = str(fake.chat_bodies[-1]["messages"])
        assert "weakest at: git" in prompt
        newest = await Question.filter(job_info_id=job.id).order_by("-created_at").first()
        assert newest is not None and (newest.skill, newest.difficulty) == ("git", "easy")
        await user.send("/cancel")

        # ten days on, all three are due: the one rated 2 comes first, the 9 last
        clock.set(clock.at + timedelta(days=10))
        await user.send("/review")
        first = await user.expect("Review")
        assert GIT in first.text and "3 due" in first.text
        fake.reply_json(grade(8))
        await user.send(ANSWERS[GIT])
        await user.expect("Correct answer")
        await user.click("Review (2 due)")
        assert DOCKER in (await user.expect("Review")).text
        fake.reply_json(grade(8))
        await user.send(ANSWERS[DOCKER])
        await user.expect("Correct answer")
        await user.click("Review (1 due)")
        assert PYTHON in (await user.expect("Review")).text


async def test_progress_and_review_on_an_empty_account(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/progress")
    await user.expect("No progress to show yet. Send /practice")
    assert not [m for m in user.bot_messages if m.kind == "photo"]
    await user.send("/review")
    await user.expect("Nothing to review yet")


async def test_job_card_shows_reviews_due_and_opens_the_jobs_progress(
    bot: BotHarness, user: EmulatedUser
) -> None:
    from handlers.kit.entry_buttons import ProgressJob

    clock = Clock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
    use_clock(bot, clock)
    await new_job(user)
    other = await new_job(user, "Globex data")
    await user.send("/practice")
    await user.click("Acme backend")
    await user.click("Easy")
    await user.expect("Easy question")
    await user.send(ANSWERS[PYTHON])
    await user.expect("Correct answer")
    await user.send("/cancel")

    clock.set(clock.at + timedelta(days=30))  # whatever the rating, the question is due now
    await user.send("/jobs")
    await user.click("Acme backend")
    card = await user.expect("1 question due for review")
    await user.click("📈 Progress", in_message=card)
    shown = await user.expect("Your progress")
    assert "Acme backend" in shown.text and "Questions answered: 1" in shown.text
    assert "1 question is due for review" in shown.text
    assert any(m.kind == "photo" for m in user.since_last_action())

    await user.press(ProgressJob(job_id=other.id).pack())  # a job without answers
    await user.expect("No progress to show yet")
    await user.press(ProgressJob(job_id=uuid.uuid4()).pack())  # not a job of theirs
    assert not [m for m in user.since_last_action() if m.from_bot]


# ----- reminders ---------------------------------------------------------------------------


def reminders_seen(user: EmulatedUser) -> int:
    return sum("Time to practise" in m.text for m in user.bot_messages)


async def test_reminder_fires_once_survives_restart_skips_after_practice_stops_when_blocked(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path, reminder_poll_seconds=0.05)
    emulator = BotAPIEmulator()
    clock = Clock(datetime(2026, 12, 7, 10, 0, tzinfo=UTC))  # 11:00 in Berlin (UTC+1)
    async with run_harness_clean(settings, emulator) as bot:
        use_clock(bot, clock)
        user = bot.user("Ada", user_id=990_101)
        await user.send("/remind")
        await user.expect("Which time zone")
        await user.click("Europe/Berlin")
        await user.expect("At what time")
        await user.send("19:00")
        await user.expect("every day at 19:00 (Europe/Berlin)")
        reminder = await Reminder.get(user_id=user.id)
        assert reminder.next_at == datetime(2026, 12, 7, 18, 0, tzinfo=UTC)

        async def moved_on() -> bool:
            row = await Reminder.get(user_id=user.id)
            return row.next_at is None or row.next_at > clock.at

        clock.set(datetime(2026, 12, 7, 17, 59, tzinfo=UTC))  # 18:59 local: not yet
        await asyncio.sleep(0.3)
        assert reminders_seen(user) == 0
        clock.set(datetime(2026, 12, 7, 18, 0, 20, tzinfo=UTC))  # 19:00 local
        shown = await user.expect("Time to practise")
        assert user.buttons(shown) == ["🧠 Practice now"]  # nothing due for review
        await until(moved_on, "the reminder to move to the next day")
        await asyncio.sleep(0.3)  # several polls later: still one
        assert reminders_seen(user) == 1

    # a new process, same database: tomorrow's reminder still comes
    async with run_harness_clean(settings, emulator, wipe=False) as bot:
        use_clock(bot, clock)
        user = bot.user("Ada", user_id=990_101)
        clock.set(datetime(2026, 12, 8, 18, 0, 20, tzinfo=UTC))

        # (the reminder is claimed, then sent: wait for the message itself)
        async def second() -> bool:
            return reminders_seen(user) == 2

        await until(second, "the second reminder")

        # the day after, the user practises at noon: no reminder that evening
        clock.set(datetime(2026, 12, 9, 11, 0, tzinfo=UTC))
        await new_job(user)
        await user.send("/practice")
        await user.click("Easy")
        await user.expect("Easy question")
        await user.send(ANSWERS[PYTHON])
        await user.expect("Correct answer")
        clock.set(datetime(2026, 12, 9, 18, 0, 20, tzinfo=UTC))
        await until(moved_on, "the skipped reminder to move to the next day")
        await asyncio.sleep(0.3)  # several polls later: nothing was sent
        assert reminders_seen(user) == 2

        # blocked: the send fails with Forbidden and the reminders stop
        user.block_bot()
        clock.set(datetime(2026, 12, 10, 18, 0, 20, tzinfo=UTC))

        async def stopped() -> bool:
            return not (await Reminder.get(user_id=user.id)).enabled

        await until(stopped, "the reminder to stop")
        assert not (await User.get(id=user.id)).is_active
        emulator.blocked.discard(user.id)
        await user.send("/remind off")
        await user.expect("no reminder on")


async def test_remind_checks_what_is_typed_and_the_zone_can_change(
    bot: BotHarness, user: EmulatedUser
) -> None:
    use_clock(bot, Clock(datetime(2026, 7, 1, 11, 0, tzinfo=UTC)))
    await user.send("/remind 25:00")
    await user.expect("as HH:MM")
    await user.send("/remind 7:30")  # the time first: the zone is asked, then it is set
    await user.send("Mars/Olympus")
    await user.expect("don't know that time zone")
    await user.send("Europe/Berlin")
    await user.expect("every day at 07:30 (Europe/Berlin)")
    reminder = await Reminder.get(user_id=user.id)
    assert reminder.next_at == datetime(2026, 7, 2, 5, 30, tzinfo=UTC)  # summer: UTC+2

    await user.send("/remind zone")
    await user.click("America/New York")
    await user.expect("At what time")
    await user.click("08:00")
    await user.expect("every day at 08:00 (America/New_York)")
    reminder = await Reminder.get(user_id=user.id)
    assert reminder.next_at == datetime(2026, 7, 1, 12, 0, tzinfo=UTC)  # 08:00 EDT, today
    assert (reminder.hour, reminder.minute, reminder.enabled) == (8, 0, True)

    await user.send("/remind off")
    await user.expect("Reminders are off")
    assert not (await Reminder.get(user_id=user.id)).enabled
