"""Logs carry ids, never users' words: a practice answer and a resume line, handled at DEBUG
with the bot's own logging set-up, appear nowhere in the log output."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from bot.logs import configure_logging
from tests.conftest import make_settings, run_harness_clean
from tests.helpers import new_job
from tests.test_resume import MARKER, TXT, add_job, make_txt, upload

ANSWER = "Quixotic-Marmalade-4417 is how a closure keeps variables of the enclosing scope."


async def test_debug_logs_hold_no_answer_and_no_resume_line(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path, log_level="DEBUG")
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    stream = io.StringIO()
    try:
        configure_logging(settings)
        root.handlers[0].stream = stream  # type: ignore[attr-defined]
        assert root.level == logging.DEBUG
        async with run_harness_clean(settings) as bot:
            user = bot.user("Ada")
            await new_job(user)
            await user.send("/practice")
            await user.click("Easy")
            await user.expect("Easy question")
            await user.send(ANSWER)
            await user.expect("Correct answer")
            other = bot.user("Grace")
            await add_job(other)
            await upload(other, make_txt(), "cv.txt", TXT)
            await other.expect("Resume")
        output = stream.getvalue()
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name in ("telegram", "tortoise", "openai", "httpx", "httpx2", "httpcore", "asyncpg"):
            logging.getLogger(name).setLevel(logging.NOTSET)
    assert "telegram.ext.Application" in output  # the log was captured
    assert "Quixotic-Marmalade" not in output
    assert MARKER not in output
