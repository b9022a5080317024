"""The one error type features see from the AI gateway, and the AI layer's user-facing words.

Every sentence the AI layer may show a user is in `MESSAGES`, so it can move to the message
catalogue in one step.
"""

MESSAGES: dict[str, str] = {
    # The server failed, refused or is unreachable (after the retries that make sense).
    "unavailable": "The AI coach is not answering right now. Please try again in a minute.",
    # No usable reply within AI_TIMEOUT_SECONDS.
    "timeout": "The AI coach took too long to answer. Please try again in a minute.",
    # Two replies in a row could not be turned into a valid result.
    "bad_output": "The AI coach gave an answer I couldn't use. Please try again in a minute.",
    # The server has no speech endpoints (or the speech models are not set).
    "no_speech": "Voice messages aren't available with this AI setup. Please type instead.",
    # Shown while a slow model is still writing (see `bot.ai.streams.notify_when_slow`).
    "still_writing": "⏳ The coach is still writing — this model is slow today. One moment…",
    # Prepended to feedback whose model rating was capped by the relevance check.
    "rating_capped": (
        "**Rated {rating}/10: this answer barely touches the question.** Most of what it says "
        "has nothing to do with what was asked, so it can't score higher. Answer the question "
        "itself: name the key idea, explain it, give an example."
    ),
}


class AIUnavailableError(Exception):
    """The model could not produce a usable result (after retries). Nothing should be saved.

    `user_message` is safe to show; the cause is for logs.
    """

    def __init__(self, user_message: str = MESSAGES["unavailable"]) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class SpeechUnavailableError(AIUnavailableError):
    """The backend has no speech (transcription or text-to-speech)."""
