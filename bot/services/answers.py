"""How much of an answer is kept, graded and sent to a model.

Telegram caps a message at 4,096 characters, but a forged update is not bound by that, and a
long paste may arrive in parts that are joined: an answer is kept up to `MAX_ANSWER_CHARS`
(more than any spoken answer in an interview) and the user is told when it was cut."""

from __future__ import annotations

MAX_ANSWER_CHARS = 6_000


def cap_answer(text: str) -> tuple[str, bool]:
    """The answer as kept, and whether it was cut."""
    if len(text) <= MAX_ANSWER_CHARS:
        return text, False
    return text[:MAX_ANSWER_CHARS].rstrip(), True
