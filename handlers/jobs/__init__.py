"""Job profiles: /newjob (`new`), /jobs and the card (`card`), editing (`edit`); the two flows
ask one prompt at a time (`prompts`)."""

from __future__ import annotations

from typing import Any

from telegram.ext import BaseHandler

from handlers.jobs import card, edit, new
from handlers.kit.flow import Flow


def flows() -> list[Flow]:
    return [new.flow(), edit.flow()]


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return card.handlers()
