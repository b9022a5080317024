"""The practice feature's buttons (its entry buttons are in `handlers.kit.entry_buttons`)."""

from __future__ import annotations

import uuid
from typing import Any

from bot.services import practice
from handlers.kit.buttons import Button
from models import Difficulty


class DifficultyButton(Button, prefix="practice.diff"):
    """A new question at this difficulty (also the Retry after a failed question)."""

    level: Difficulty


class QuestionButton(Button, prefix="practice.q"):
    """Answer this question (again): Try again, and the past questions list."""

    question_id: uuid.UUID
    missing = "practice-question-not-found"

    async def owned(self, user_id: int) -> Any:
        return await practice.get_question(user_id, self.question_id)


class RetryGradeButton(Button, prefix="practice.grade"):
    """Grade the kept answer again after the coach failed."""


class ShowAnswerButton(Button, prefix="practice.show"):
    """Show a full correct answer to the current question, after "I don't know"."""


class SkipButton(Button, prefix="practice.skip"):
    """Leave the current question unanswered and choose the next."""


class DoneButton(Button, prefix="practice.done"):
    """Finish practising."""
