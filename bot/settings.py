"""Settings, read from the environment and `.env` by `load_settings()` (never at import)."""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATA_DIR = Path("data")
# A flow (practice, resume, adding or editing a job) left untouched this long ends by itself,
# so abandoned ones don't stay in memory and in the database (ConversationHandler's
# conversation_timeout, run by the application's JobQueue).
CONVERSATION_TIMEOUT = timedelta(hours=6)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Telegram
    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    port: int = Field(default=8080, ge=1, le=65535)

    # Storage
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str | None = Field(default=None, repr=False)  # may carry a password

    # Language models (any OpenAI-compatible server); no key = the offline coach
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_transcription_model: str = "whisper-1"
    openai_tts_model: str = "tts-1"
    openai_tts_voice: str = "alloy"
    ai_timeout_seconds: float = Field(default=60.0, gt=0)
    ai_max_retries: int = Field(default=3, ge=0, le=10)
    # Longest reply per kind of call, in tokens: a weak model that runs on stops here instead of
    # at the context limit (minutes on a small server). Grading and reports are JSON with prose.
    ai_max_tokens_question: int = Field(default=400, ge=16, le=32_000)
    ai_max_tokens_grade: int = Field(default=1200, ge=64, le=32_000)
    ai_max_tokens_interviewer: int = Field(default=400, ge=16, le=32_000)
    ai_max_tokens_report: int = Field(default=2000, ge=64, le=32_000)
    ai_max_tokens_resume: int = Field(default=2500, ge=64, le=32_000)
    # A user waiting this long for a reply is told the coach is still writing (once per call).
    ai_still_writing_seconds: float = Field(default=8.0, gt=0, le=60)

    # Concurrency: updates handled at once across all users. Mostly waiting on the model
    # (minutes) or the network, so the bound is wide: a low one makes new users wait for
    # others' model calls to finish.
    max_concurrent_updates: int = Field(default=512, ge=1, le=4096)
    # Broadcasts: messages a second overall. Telegram allows about 30 for the whole bot; the
    # rest is left for replies to users while a broadcast runs.
    broadcast_per_second: float = Field(default=10.0, gt=0, le=30)
    # Reminders: how often the scheduler looks for due ones (they go out within this).
    reminder_poll_seconds: float = Field(default=30.0, gt=0, le=3600)

    # Interviews
    interview_max_questions: int = Field(default=6, ge=1, le=30)
    interview_time_limit_minutes: int = Field(default=15, ge=1, le=180)

    # Plans (free limits are lifetime totals; Pro and Max are unlimited) and Stars prices for
    # 30 days (a Stars subscription may not exceed 10,000 Stars)
    free_questions: int = Field(default=5, ge=0, le=10_000)
    free_interviews: int = Field(default=2, ge=0, le=10_000)
    pro_price_stars: int = Field(default=250, ge=1, le=10_000)
    max_price_stars: int = Field(default=500, ge=1, le=10_000)
    pay_support_contact: str | None = None  # shown by /paysupport, e.g. @coach_support
    # Interview starts: a token bucket per user, kept in the database
    interview_bucket_capacity: int = Field(default=12, ge=1, le=1_000)
    interview_bucket_refill_per_day: float = Field(default=4.0, gt=0, le=1_000)
    # Flood control: updates a minute per user before they are dropped
    flood_updates_per_minute: int = Field(default=100, ge=1, le=10_000)
    # Seconds a long text waits for the next part of a paste the client split (bot/pastes.py)
    paste_window_seconds: float = Field(default=2.5, ge=0, le=30)

    # /healthz and /metrics (Prometheus) on this port, in polling and webhook mode; unset = off
    metrics_port: int | None = Field(default=None, ge=1, le=65535)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(p.lstrip("-").isdigit() for p in parts):
                raise ValueError("must be comma-separated Telegram user ids, e.g. 123,456")
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("metrics_port", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        return None if value in ("", "0", 0) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        if value and not value.startswith("https://"):
            raise ValueError("must be an https:// URL (Telegram only delivers webhooks over HTTPS)")
        return value or None

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        # Without it, anyone who finds the port could post forged updates (payments, admins).
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET: required when WEBHOOK_URL is set")
        return self

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str | None) -> str | None:
        if value and value.split("://", 1)[0] not in {
            "postgres",
            "postgresql",
            "asyncpg",
            "sqlite",
        }:
            raise ValueError("must start with postgres://, postgresql:// or sqlite://")
        return value or None

    @property
    def resolved_database_url(self) -> str:
        """The configured database, or an SQLite file under the data folder."""
        if self.database_url:
            url = self.database_url
            if url.startswith("postgresql://"):
                url = "postgres://" + url.removeprefix("postgresql://")
            return url
        return f"sqlite://{(self.data_dir / 'coach.sqlite3').as_posix()}"

    @property
    def offline(self) -> bool:
        """True when no model key is set: the built-in offline coach answers."""
        return self.openai_api_key is None or not self.openai_api_key.get_secret_value()


def load_settings(**overrides: object) -> Settings:
    """Read settings; on a bad value print one line naming it and exit with code 2."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["loc"]:
            message = f"{str(error['loc'][0]).upper()}: {message}"
        print(f"Configuration error: {message}", file=sys.stderr)
        raise SystemExit(2) from None
