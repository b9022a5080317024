"""The one error type features see from the AI gateway."""


class AIUnavailableError(Exception):
    """The model could not produce a usable result (after retries). Nothing should be saved.

    `user_message` is safe to show; the cause is for logs.
    """

    def __init__(self, user_message: str = "The AI coach is not answering right now.") -> None:
        super().__init__(user_message)
        self.user_message = user_message


class SpeechUnavailableError(AIUnavailableError):
    """The backend has no speech (transcription or text-to-speech)."""
