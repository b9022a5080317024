"""Logging set-up that keeps secrets and users' words out of the logs."""

from __future__ import annotations

import logging
import sys

from bot.settings import Settings

# Libraries that log request URLs (the bot token is in Telegram's) or SQL parameters and API
# payloads (users' answers, resumes) at DEBUG/INFO: never more detailed than this.
_CAPPED = {
    "httpx": logging.WARNING,
    "httpx2": logging.WARNING,
    "httpcore": logging.WARNING,
    "openai": logging.INFO,
    "telegram": logging.INFO,
    "tortoise": logging.INFO,
    "aiosqlite": logging.INFO,
    "asyncpg": logging.INFO,
}


# Shorter values are not treated as secrets: a local server's placeholder key "x" or "test"
# would otherwise turn every "x" in the logs into ***. Real keys and tokens are far longer.
MIN_SECRET_CHARS = 8


def worth_redacting(secrets: list[str]) -> list[str]:
    """The secrets long enough to mask, longest first (one may contain another)."""
    return sorted({s for s in secrets if len(s) >= MIN_SECRET_CHARS}, key=len, reverse=True)


def redact(text: str, secrets: list[str]) -> str:
    """`text` with each secret of at least `MIN_SECRET_CHARS` characters, matched exactly
    (no patterns, no case folding), replaced by ***."""
    for secret in worth_redacting(secrets):
        text = text.replace(secret, "***")
    return text


class RedactSecrets(logging.Filter):
    """Replace any configured secret (bot token, API key, webhook secret) with ***."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = worth_redacting(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            record.msg, record.args = redact(message, self.secrets), ()
        return True


def secrets_of(settings: Settings) -> list[str]:
    values = [settings.telegram_bot_token, settings.openai_api_key, settings.webhook_secret]
    return [v.get_secret_value() for v in values if v is not None]


def configure_logging(settings: Settings, *, level: str | None = None) -> None:
    logging.basicConfig(
        level=level or settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    redact = RedactSecrets(secrets_of(settings))
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    for name, cap in _CAPPED.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(cap, logging.getLogger().level))
