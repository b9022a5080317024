"""Reads of lists and figures cost a fixed number of queries, however many rows there are
(no query per row): counted from Tortoise's own SQL log."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services import admin, interviews, jobs, practice
from bot.services.plans import PlanPolicy
from bot.settings import Settings
from models import Interview, JobInfo, Question, User
from models.answers import Answer
from tests.helpers import statements_of

DESCRIPTION = "Backend engineer: Python, PostgreSQL, REST APIs and Docker in production."


async def queries(action: Callable[[], Awaitable[Any]]) -> int:
    return len(await statements_of(action))


async def add_rows(user_id: int, jobs_count: int) -> JobInfo:
    """`jobs_count` jobs; the last one with 2 x jobs_count questions, answers and interviews."""
    await User.get_or_create(id=user_id, defaults={"name": "Counted"})
    job = None
    for n in range(jobs_count):
        job = await JobInfo.create(
            user_id=user_id, name=f"Job {n}", experience_level="mid-level", description=DESCRIPTION
        )
    assert job is not None
    for n in range(2 * jobs_count):
        question = await Question.create(job_info=job, text=f"Question {n}?", difficulty="easy")
        await Answer.create(question=question, text="An answer", rating=5, feedback="ok")
        await Interview.create(job_info=job, user_id=user_id, status="completed", overall_rating=6)
    return job


@pytest.mark.parametrize("read", ["jobs page", "job card", "past questions", "history", "stats"])
async def test_reads_cost_the_same_for_few_or_many_rows(db: str, read: str) -> None:
    few, many = await add_rows(1, 6), await add_rows(2, 15)  # both past one page
    policy = PlanPolicy.from_settings(Settings.model_construct())

    def action(user_id: int, job: JobInfo) -> Callable[[], Awaitable[Any]]:
        return {
            "jobs page": lambda: jobs.list_jobs(user_id),
            "job card": lambda: jobs.job_card(user_id, job.id),
            "past questions": lambda: practice.past_questions(user_id, job.id),
            "history": lambda: interviews.history(user_id, job.id),
            "stats": lambda: admin.stats(policy),
        }[read]

    small = await queries(action(1, few))
    large = await queries(action(2, many))
    assert small > 0
    assert large == small, f"{read}: {small} queries for few rows, {large} for many"


# ----- through the bot: what one user action costs -------------------------------------------
async def test_a_stray_message_costs_at_most_two_statements(bot: Any, user: Any) -> None:
    """Outside any flow: the user's row, read once for the whole update; nothing written."""
    await user.send("/start")
    await user.expect("interview coach")

    async def stray() -> None:
        await user.send("hello there")
        await user.expect("not waiting")

    statements = await statements_of(stray)
    assert 0 < len(statements) <= 2, statements


async def test_a_practice_step_costs_at_most_ten_statements_however_long_the_history(
    bot: Any, user: Any
) -> None:
    from tests.helpers import new_job

    job = await new_job(user)
    for n in range(60):  # a long history: more than the prompt's window of earlier questions
        question = await Question.create(job_info=job, text=f"Old question {n}?", difficulty="easy")
        await Answer.create(question=question, text="An answer", rating=5, feedback="ok")
    await user.send("/practice")
    await user.expect("Choose a difficulty")

    async def step() -> None:
        await user.click("Easy")
        await user.expect("Easy question")
        await user.send("A closure is a function that keeps the variables of its enclosing scope.")
        await user.expect("Rating:")

    statements = await statements_of(step)
    assert 0 < len(statements) <= 10, "\n".join(statements)


async def test_a_newjob_step_costs_two_statements(bot: BotHarness, user: EmulatedUser) -> None:
    """One answer in /newjob: the user's row (with the flow) read once, and the flow's new
    step written back in one UPDATE."""
    await user.send("/newjob")
    await user.expect("company or job name")

    async def step() -> None:
        await user.send("Acme")
        await user.expect("job title")

    assert 0 < len(await statements_of(step)) <= 2
    stored = await User.get(id=user.id)
    assert (stored.flow, stored.flow_step) == ("newjob", "title")


async def test_users_writing_at_once_are_read_together(bot: BotHarness) -> None:
    """Updates that arrive together (one getUpdates batch) read their users in one statement:
    returning users cost the database a few statements per batch, not one each."""
    users = [bot.user(f"Crowd{n}") for n in range(40)]
    for someone in users:
        await someone.send("/start")
    await bot.idle()

    async def crowd() -> None:
        for someone in users:
            await someone.send("/help", wait=False)
        await bot.idle()

    statements = await statements_of(crowd)
    assert 1 <= len(statements) <= 4, statements  # 40 users; one getUpdates may cut the batch
    for someone in users:
        await someone.expect("/newjob")  # the /help list
