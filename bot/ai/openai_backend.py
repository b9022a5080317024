"""The coach backed by any OpenAI-compatible server (OpenAI, Azure, OpenRouter, Ollama, vLLM...).

Text goes through the Chat Completions API only, because it is the one API all those servers
share. Structured results try, in order, a strict JSON schema, JSON mode with the schema in the
prompt, and a plain-text layout; the first mode the server accepts is remembered per instance
(the ladder, validation and corrective retry live in `bot.ai.structured`, the plain-text parsers
in `bot.ai.text_parsers`).
Every SDK error (after the SDK's own retries with backoff) becomes `AIUnavailableError`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import openai

from bot.ai import prompts
from bot.ai.errors import AIUnavailableError, SpeechUnavailableError
from bot.ai.prompts import Message
from bot.ai.schemas import (
    Difficulty,
    GradeResult,
    InterviewPlan,
    InterviewReport,
    JobContext,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.ai.streams import END_MARKER, TextStream
from bot.ai.structured import (
    Mode,
    StructuredCaller,
    error_text,
    grade_task,
    report_task,
    resume_task,
    sdk_messages,
)
from bot.settings import Settings

log = logging.getLogger(__name__)
usage_log = logging.getLogger("bot.ai.usage")

UNAVAILABLE_MESSAGE = "The AI coach is not answering right now. Please try again in a minute."
NO_SPEECH_MESSAGE = "Voice messages aren't available with this AI setup. Please type instead."

_TTS_MAX_CHARS = 4096  # OpenAI's speech input limit
_AUDIO_NAMES = {
    "audio/ogg": "voice.ogg",
    "audio/opus": "voice.ogg",
    "audio/mpeg": "voice.mp3",
    "audio/mp3": "voice.mp3",
    "audio/mp4": "voice.m4a",
    "audio/x-m4a": "voice.m4a",
    "audio/m4a": "voice.m4a",
    "audio/wav": "voice.wav",
    "audio/x-wav": "voice.wav",
    "audio/webm": "voice.webm",
}


class OpenAIBackend:
    """`CoachBackend` over the Chat Completions and audio endpoints of an OpenAI-style server."""

    name = "openai"

    def __init__(self, settings: Settings) -> None:
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
        self._secret = key
        self._client = openai.AsyncOpenAI(
            # Local servers (Ollama, llama.cpp) ignore the key, but the SDK insists on one.
            api_key=key or "unused",
            base_url=settings.openai_base_url,
            timeout=settings.ai_timeout_seconds,
            max_retries=settings.ai_max_retries,
        )
        self._model = settings.openai_model
        self._transcription_model = settings.openai_transcription_model
        self._tts_model = settings.openai_tts_model
        self._tts_voice = settings.openai_tts_voice
        self.has_speech = bool(self._transcription_model and self._tts_model)
        self._structured = StructuredCaller(
            self._client,
            self._model,
            log_usage=self._log_usage,
            unavailable=self._unavailable,
        )
        self._stream_usage = True  # False once a server rejects stream_options
        self.observer: Any = None  # bot.ai.gateway.CallObserver: told of every call (metrics)

    # ----- streamed text ---------------------------------------------------------------

    def generate_question(
        self, job: JobContext, difficulty: Difficulty, previous_questions: Sequence[str]
    ) -> TextStream:
        messages = prompts.question_messages(job, difficulty, previous_questions)
        return TextStream(self._deltas("generate_question", messages))

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        messages = prompts.interviewer_messages(job, transcript, plan)
        return TextStream(self._deltas("interviewer_turn", messages), end_marker=END_MARKER)

    async def _deltas(self, kind: str, messages: list[Message]) -> AsyncIterator[str]:
        """Yield content deltas; SDK errors, also those raised mid-stream, become ours."""
        started = time.perf_counter()
        usage: Any = None
        try:
            stream = await self._open_stream(messages)
            async with stream:
                async for chunk in stream:
                    usage = chunk.usage or usage
                    for choice in chunk.choices:
                        if choice.delta is not None and choice.delta.content:
                            yield choice.delta.content
        except openai.OpenAIError as exc:
            raise self._unavailable(kind, exc) from None
        self._log_usage(kind, started, usage)

    async def _open_stream(self, messages: list[Message]) -> Any:
        while True:
            extra: dict[str, Any] = {}
            if self._stream_usage:
                extra["stream_options"] = {"include_usage": True}
            try:
                return await self._client.chat.completions.create(
                    model=self._model, messages=sdk_messages(messages), stream=True, **extra
                )
            except openai.BadRequestError as exc:
                # A few servers reject stream_options outright; usage is optional, so drop it.
                if not self._stream_usage or "stream_options" not in error_text(exc):
                    raise
                log.info("Server rejects stream_options; streaming without usage")
                self._stream_usage = False

    # ----- structured results ----------------------------------------------------------

    @property
    def mode(self) -> Mode:
        """The structured-output mode the server accepts (see `bot.ai.structured`)."""
        return self._structured.mode

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        return await self._structured.run(grade_task(job, question, answer))

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        return await self._structured.run(report_task(job, transcript, candidate_name))

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        return await self._structured.run(resume_task(job, resume_text))

    # ----- speech ----------------------------------------------------------------------

    async def transcribe(self, audio: bytes, mime: str) -> str:
        if not self._transcription_model:
            raise SpeechUnavailableError(NO_SPEECH_MESSAGE)
        mime = (mime or "audio/ogg").split(";")[0].strip().lower()
        started = time.perf_counter()
        try:
            result = await self._client.audio.transcriptions.create(
                model=self._transcription_model,
                file=(_AUDIO_NAMES.get(mime, "voice.ogg"), audio, mime),
            )
        except openai.OpenAIError as exc:
            raise self._unavailable("transcribe", exc, speech=True) from None
        self._log_usage("transcribe", started, None, model=self._transcription_model)
        return result.text.strip()

    async def speak(self, text: str) -> bytes:
        if not self._tts_model:
            raise SpeechUnavailableError(NO_SPEECH_MESSAGE)
        started = time.perf_counter()
        try:
            response = await self._client.audio.speech.create(
                model=self._tts_model,
                voice=self._tts_voice,
                input=speakable(text),
                response_format="opus",
            )
        except openai.OpenAIError as exc:
            raise self._unavailable("speak", exc, speech=True) from None
        self._log_usage("speak", started, None, model=self._tts_model)
        return response.content

    async def aclose(self) -> None:
        await self._client.close()

    # ----- logging and errors ----------------------------------------------------------

    def _log_usage(
        self,
        kind: str,
        started: float,
        usage: Any,
        *,
        mode: str | None = None,
        model: str | None = None,
    ) -> None:
        latency_ms = round((time.perf_counter() - started) * 1000)
        prompt_tokens = getattr(usage, "prompt_tokens", None)
        completion_tokens = getattr(usage, "completion_tokens", None)
        if self.observer is not None:
            self.observer(kind, "ok", latency_ms / 1000, prompt_tokens, completion_tokens)
        usage_log.info(
            "ai_call kind=%s model=%s mode=%s prompt_tokens=%s completion_tokens=%s latency_ms=%d",
            kind,
            model or self._model,
            mode or "-",
            "?" if prompt_tokens is None else prompt_tokens,
            "?" if completion_tokens is None else completion_tokens,
            latency_ms,
        )

    def _unavailable(
        self, kind: str, exc: openai.OpenAIError, *, speech: bool = False
    ) -> AIUnavailableError:
        log.warning("AI call %s failed: %s", kind, self._describe(exc))
        if self.observer is not None:
            self.observer(kind, "error", None, None, None)
        # No such endpoint: the server has no audio API (Ollama, llama.cpp), not an outage.
        if speech and isinstance(exc, openai.NotFoundError):
            return SpeechUnavailableError(NO_SPEECH_MESSAGE)
        return AIUnavailableError(UNAVAILABLE_MESSAGE)

    def _describe(self, exc: openai.OpenAIError) -> str:
        """Class, status and a short message with anything key-like masked."""
        parts = [type(exc).__name__]
        if isinstance(exc, openai.APIStatusError):
            parts.append(f"HTTP {exc.status_code}")
            if exc.request_id:
                parts.append(f"request_id={exc.request_id}")
        message = str(getattr(exc, "message", exc))
        if self._secret:
            message = message.replace(self._secret, "***")
        message = re.sub(r"\b(sk|key)-[\w*\-]+", r"\1-***", message)
        parts.append(message[:300])
        return " ".join(parts)


def speakable(text: str) -> str:
    """Markdown read aloud sounds wrong ("asterisk"), so drop the markup; respect the limit."""
    plain = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    plain = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", plain)
    plain = re.sub(r"[*_`#>]+", "", plain)
    return re.sub(r"[ \t]+", " ", plain).strip()[:_TTS_MAX_CHARS]
