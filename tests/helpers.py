"""Plain helpers shared by the tests: users who have started the bot, a saved job, valid model
replies, the database's index definitions and the SQL statements an action sends. Fixtures
live in `tests/conftest.py`."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from tortoise import connections

from bot.ai.schemas import REPORT_CATEGORIES, RESUME_CATEGORIES
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.services.jobs import create_job
from models import JobInfo

JOB_DESCRIPTION = (
    "We build Python web services with Django and PostgreSQL, deployed with Docker on AWS. "
    "You will design REST APIs, write tests and review code with the team."
)

# A valid reply of the model for the interview report and for the resume analysis.
REPORT: dict[str, Any] = {
    "overall_rating": 6,
    "summary": "A solid interview with some vague answers.",
    "categories": [
        {"name": name, "rating": 6, "text": 'You said "I used asyncio".'}
        for name in REPORT_CATEGORIES
    ],
}
RESUME_CATEGORY: dict[str, Any] = {
    "score": 7,
    "summary": "Mostly solid.",
    "feedback": [{"type": "strength", "name": "Clear headings", "message": "Easy to scan."}],
}
RESUME: dict[str, Any] = {"overall_score": 7, **{key: RESUME_CATEGORY for key in RESUME_CATEGORIES}}


async def started(bot: BotHarness, name: str, *, user_id: int | None = None) -> EmulatedUser:
    """A user who has sent /start."""
    user = bot.user(name, user_id=user_id)
    await user.send("/start")
    return user


async def new_job(
    user: EmulatedUser,
    name: str = "Acme backend",
    *,
    title: str | None = "Python Developer",
    experience_level: str = "mid-level",
    description: str = JOB_DESCRIPTION,
) -> JobInfo:
    """/start, then a job saved for the user through the jobs service."""
    await user.send("/start")
    return await create_job(
        user.id,
        name=name,
        title=title,
        experience_level=experience_level,
        description=description,
    )


async def easy_question(user: EmulatedUser) -> None:
    """/practice, then Easy: the user has a question waiting for an answer."""
    await user.send("/practice")
    await user.click("Easy")
    await user.expect("Easy question")


async def index_definitions(table: str | None = None) -> list[str]:
    """The SQL of every index (of `table`, if given), on PostgreSQL or SQLite."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        query = "SELECT indexdef AS sql FROM pg_indexes"
        if table:
            query += f" WHERE tablename = '{table}'"
    else:
        query = "SELECT sql FROM sqlite_master WHERE type = 'index'"
        if table:
            query += f" AND tbl_name = '{table}'"
    return [row["sql"] or "" for row in await conn.execute_query_dict(query)]


class StatementLog(logging.Handler):
    """Every SQL statement Tortoise sends, as text (it logs each one at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.statements.append(record.getMessage())


async def statements_of(action: Callable[[], Awaitable[Any]]) -> list[str]:
    logger = logging.getLogger("tortoise.db_client")
    log, level = StatementLog(), logger.level
    logger.addHandler(log)
    logger.setLevel(logging.DEBUG)
    try:
        await action()
    finally:
        logger.removeHandler(log)
        logger.setLevel(level)
    return log.statements
