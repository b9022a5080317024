"""Secrets never reach the logs, even at DEBUG."""

from __future__ import annotations

import io
import logging

from pydantic import SecretStr

from bot.logs import configure_logging
from bot.settings import Settings


def test_secrets_are_redacted_and_chatty_libraries_capped() -> None:
    token = "123456:AAH-very-secret-token"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=SecretStr(token),
        openai_api_key=SecretStr("sk-test-key-1234567890"),
        log_level="DEBUG",
        database_url="postgres://coach:hunter2@db:5432/coach",
    )
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    try:
        configure_logging(settings)
        stream = io.StringIO()
        root.handlers[0].stream = stream  # type: ignore[attr-defined]
        logging.getLogger("telegram.ext.ExtBot").info("Set Bot API URL: https://x/bot%s", token)
        logging.getLogger("bot.ai").warning("key sk-test-key-1234567890 refused")
        logging.getLogger("tortoise.db_client").debug("SELECT ... params: my private answer")
        output = stream.getvalue()
        assert token not in output and "sk-test-key-1234567890" not in output
        assert output.count("***") == 2
        assert "my private answer" not in output  # SQL parameters stay out, even at DEBUG
        assert "hunter2" not in repr(settings)
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name in ("telegram", "tortoise", "openai", "httpx", "httpx2", "httpcore"):
            logging.getLogger(name).setLevel(logging.NOTSET)
