"""A typed CallbackContext that hands handlers the services created in post_init."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.ai.gateway import AIGateway
from bot.i18n import Texts, texts
from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas
from bot.services.resume import RetryTexts
from bot.session import UserSession, current
from bot.settings import Settings


@dataclass(slots=True)
class Services:
    settings: Settings
    gateway: AIGateway
    plans: PlanPolicy  # limits, prices and the clock
    quotas: Quotas  # on `plans`
    resume_retries: RetryTexts  # resume texts awaiting Retry: memory only, never stored


class CoachContext(CallbackContext[ExtBot[None], dict, dict, dict]):
    @property
    def services(self) -> Services:
        services: Services = self.application.bot_data["services"]
        return services

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def session(self) -> UserSession:
        """The user of this update, loaded once (see `bot.session`)."""
        session = current()
        if session is None:
            raise RuntimeError("no user session: the update has no user, or it wasn't loaded")
        return session

    @property
    def texts(self) -> Texts:
        """The text catalogue in the user's language."""
        session = current()
        return session.texts if session is not None else texts()


CoachApplication = Application[ExtBot[None], CoachContext, dict, dict, dict, object]
