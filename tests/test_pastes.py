"""A paste over Telegram's 4,096-character limit, which the client sends as consecutive
messages, is taken as one text (`bot.pastes`); the emulator refuses a longer single message,
as Telegram does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.emulator.client import EmulatedUser, client_split
from bot.emulator.harness import BotHarness
from bot.services.answers import MAX_ANSWER_CHARS
from models import JobInfo
from models.answers import Answer
from tests.conftest import make_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI
from tests.helpers import easy_question, new_job
from tests.test_jobs import start_newjob

PARAGRAPH = (
    "You will build and run the payment APIs of a fintech used by 2 million people: design "
    "REST endpoints in Python and Django, model data in PostgreSQL, ship with Docker on AWS, "
    "and keep latency low with caching and asyncio workers. You review code, write pytest "
    "suites and share on-call with five other engineers."
)


def job_ad(chars: int) -> str:
    """A job ad of about `chars` characters: numbered paragraphs, one a line."""
    lines: list[str] = []
    number = 0
    while sum(len(line) + 1 for line in lines) < chars:
        number += 1
        lines.append(f"{number}. {PARAGRAPH}")
    return "\n".join(lines)


def test_the_client_splits_at_a_line_break_within_the_limit() -> None:
    ad = job_ad(6_000)
    parts = client_split(ad)
    assert len(parts) == 2
    assert all(2_048 <= len(part) <= 4_096 for part in parts[:-1])
    assert "\n".join(parts) == ad  # cut at a line break, which the client drops
    assert client_split("short") == ["short"]


async def test_telegram_refuses_a_single_message_over_4096_characters(
    bot: BotHarness, user: EmulatedUser
) -> None:
    with pytest.raises(ValueError, match="at most 4096"):
        await user.send("x" * 4_097)
    with pytest.raises(ValueError):
        await user.send("😀" * 2_049)  # 4,098 UTF-16 code units
    await user.send("/start")
    await user.expect("interview coach")


@pytest.mark.parametrize("backend_kind", ["offline", "model"])
async def test_a_job_ad_pasted_in_two_parts_is_saved_whole(
    backend_kind: str, database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    overrides = (
        {}
        if backend_kind == "offline"
        else {"openai_api_key": "test", "openai_base_url": fake.base_url, "ai_max_retries": 0}
    )
    async with run_harness_clean(make_settings(database_url, tmp_path, **overrides)) as bot:
        user = bot.user("Ada")
        await start_newjob(user, "Acme Payments", "Backend Engineer")
        ad = job_ad(5_952)  # about 6,000 characters: 4,085 + 1,889 (the last part is short)
        sent = await user.paste(ad)
        assert [len(m.text) for m in sent] == [4_085, 1_889]
        await user.expect("Telegram split your text into 2 parts")
        await user.expect("job saved")
        job = await JobInfo.get(user_id=user.id)
        assert job.description == ad
        # One reply for the step, none for the second part on its own.
        texts = [m.text for m in user.since_last_action()]
        assert not any("not waiting" in text for text in texts)
        assert len(texts) == 2, texts


async def test_a_paste_in_three_parts_is_saved_whole(bot: BotHarness, user: EmulatedUser) -> None:
    await start_newjob(user, "Acme Payments")
    ad = job_ad(9_500)
    assert len(client_split(ad)) == 3
    await user.paste(ad)
    await user.expect("into 3 parts")
    await user.expect("job saved")
    assert (await JobInfo.get(user_id=user.id)).description == ad


async def test_a_long_answer_in_two_parts_is_graded_once_as_one(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await easy_question(user)
    answer = job_ad(5_000)
    await user.paste(answer)
    await user.expect("into 2 parts")
    await user.expect("Rating:")
    stored = await Answer.all()
    assert len(stored) == 1
    assert stored[0].text == answer and len(answer) < MAX_ANSWER_CHARS
    texts = [m.text for m in user.since_last_action()]
    assert sum("Rating:" in text for text in texts) == 1
    assert not any("not waiting" in text for text in texts)


async def test_a_long_text_alone_is_handled_once_the_window_passes(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path, paste_window_seconds=0.3)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada")
        await start_newjob(user, "Acme Payments")
        ad = job_ad(3_000)  # long enough to be a first part, and no part follows
        await user.send(ad)
        await user.expect("job saved")
        assert not any("split" in m.text for m in user.since_last_action())
        assert (await JobInfo.get(user_id=user.id)).description == ad


async def test_a_command_after_a_long_text_ends_the_paste(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await start_newjob(user, "Acme Payments")
    ad = job_ad(3_000)
    await user.send(ad, wait=False)
    await user.send("/jobs", wait=False)
    await bot.idle()
    texts = [m.text for m in user.chat if m.from_bot]
    saved = next(i for i, text in enumerate(texts) if "job saved" in text.lower())
    listing = next(i for i, text in enumerate(texts) if "your jobs" in text.lower())
    assert saved < listing  # in the order sent, each handled on its own
    assert (await JobInfo.get(user_id=user.id)).description == ad
