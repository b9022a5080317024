"""A typed CallbackContext that hands handlers the services created in post_init."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.ai.gateway import AIGateway
from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas
from bot.settings import Settings


@dataclass(slots=True)
class Services:
    settings: Settings
    gateway: AIGateway
    plans: PlanPolicy  # limits, prices and the clock
    quotas: Quotas  # on `plans`


class CoachContext(CallbackContext[ExtBot[None], dict, dict, dict]):
    @property
    def services(self) -> Services:
        services: Services = self.application.bot_data["services"]
        return services

    @property
    def settings(self) -> Settings:
        return self.services.settings


CoachApplication = Application[ExtBot[None], CoachContext, dict, dict, dict, object]
