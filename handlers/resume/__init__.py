"""Resume analysis: /resume, the upload flow, reports and the "Show last review" button."""

from __future__ import annotations

from typing import Any

from telegram.ext import BaseHandler

from handlers.kit.buttons import on_press
from handlers.kit.flow import Flow
from handlers.resume.buttons import ResumeLast
from handlers.resume.report import show_last
from handlers.resume.upload import flow


def flows() -> list[Flow]:
    return [flow()]


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """Buttons outside the flow: the latest stored review of a job."""
    return [on_press(ResumeLast, show_last)]
