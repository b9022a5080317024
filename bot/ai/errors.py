"""The one error type features see from the AI gateway, and what kind of failure it was.

The AI layer words nothing for users: an `AIUnavailableError` carries its `kind` (an
`AIFailure`) and the handlers word it from the catalogue as `ai-error-<kind>`
(`handlers.kit.errors.ai_reason`, keys in `bot/locale/en/ai.ftl`).
"""

from enum import StrEnum


class AIFailure(StrEnum):
    """Why the model produced nothing usable; each has the catalogue key `ai-error-<value>`."""

    # The server failed, refused or is unreachable (after the retries that make sense).
    UNAVAILABLE = "unavailable"
    # No usable reply within AI_TIMEOUT_SECONDS.
    TIMEOUT = "timeout"
    # Two replies in a row could not be turned into a valid result.
    BAD_OUTPUT = "bad-output"
    # The server has no speech endpoints (or the speech models are not set).
    NO_SPEECH = "no-speech"
    # The offline coach (no AI key) has no speech at all.
    NO_SPEECH_OFFLINE = "no-speech-offline"
    # A practice question came back empty.
    EMPTY_QUESTION = "empty-question"
    # The interviewer's line came back empty (an empty reply, or a refusal).
    EMPTY_REPLY = "empty-reply"
    # The model declined to write it (an OpenAI-style `refusal` instead of content).
    REFUSED = "refused"


# Model content, not UI: prepended to feedback whose model rating was capped by the relevance
# check (it becomes part of the stored feedback, in the language the model writes in).
MESSAGES: dict[str, str] = {
    "rating_capped": (
        "**Rated {rating}/10: this answer barely touches the question.** Most of what it says "
        "has nothing to do with what was asked, so it can't score higher. Answer the question "
        "itself: name the key idea, explain it, give an example."
    ),
}


class AIUnavailableError(Exception):
    """The model could not produce a usable result (after retries). Nothing should be saved.

    `kind` says why (handlers word it); the cause is for logs.
    """

    def __init__(self, kind: AIFailure = AIFailure.UNAVAILABLE) -> None:
        super().__init__(kind.value)
        self.kind = kind


class SpeechUnavailableError(AIUnavailableError):
    """The backend has no speech (transcription or text-to-speech)."""

    def __init__(self, kind: AIFailure = AIFailure.NO_SPEECH) -> None:
        super().__init__(kind)
