"""The coach backed by any OpenAI-compatible server (OpenAI, Azure, OpenRouter, Ollama, vLLM,
llama.cpp...).

Text goes through the Chat Completions API only, because it is the one API all those servers
share. Structured results try, in order, a strict JSON schema, llama.cpp's JSON mode with a
schema, plain JSON mode, and a plain-text layout; the first mode the server accepts is
remembered per instance (the ladder, validation and corrective retry live in
`bot.ai.structured`, the plain-text parsers in `bot.ai.text_parsers`).

What servers differ in is discovered, not configured: the structured-output mode (by the first
refusal), whether usage comes with a stream (estimated from the text otherwise), and whether
the speech models exist (`discover()`: one look at `GET /models`; a 404 from an audio endpoint
also turns speech off). Every call is bounded: `max_tokens` per kind of call, a deadline of
`AI_TIMEOUT_SECONDS` for the whole call, retries included, and no retry after a timeout
(`bot.ai.calls`). Streamed replies are cleaned as they arrive (`bot.ai.hygiene`); an
interviewer line empty after cleaning is asked for once more, then taken from the offline
coach's question bank.
Every SDK error becomes `AIUnavailableError`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, TypeVar

import openai

from bot.ai import prompts
from bot.ai.calls import RetryPolicy, error_text, estimate_tokens, with_retries
from bot.ai.errors import AIFailure, AIUnavailableError, SpeechUnavailableError
from bot.ai.hygiene import ANSWER_LABELS, clean_deltas
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
from bot.ai.streams import END_MARKER, TextStream, notify_when_slow
from bot.ai.structured import (
    Mode,
    StructuredCaller,
    grade_task,
    report_task,
    resume_task,
    sdk_messages,
)
from bot.logs import redact
from bot.settings import Settings

log = logging.getLogger(__name__)
usage_log = logging.getLogger("bot.ai.usage")

T = TypeVar("T")

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
            max_retries=0,  # ours instead (`bot.ai.calls`): not on timeouts, not on refusals
        )
        self._retry = RetryPolicy(max_retries=settings.ai_max_retries)
        self._deadline = settings.ai_timeout_seconds
        self._slow_after = settings.ai_still_writing_seconds
        self._max_tokens = {
            "generate_question": settings.ai_max_tokens_question,
            "grade_answer": settings.ai_max_tokens_grade,
            "interviewer_turn": settings.ai_max_tokens_interviewer,
            "interview_report": settings.ai_max_tokens_report,
            "analyze_resume": settings.ai_max_tokens_resume,
        }
        self._model = settings.openai_model
        self._transcription_model = settings.openai_transcription_model
        self._tts_model = settings.openai_tts_model
        self._tts_voice = settings.openai_tts_voice
        self._speech_found: bool | None = None  # None until discovered
        self._structured = StructuredCaller(
            self._client,
            self._model,
            log_usage=self._log_usage,
            unavailable=self._unavailable,
            retry=self._retry,
        )
        self._stream_usage = True  # False once a server rejects stream_options
        self._offline: Any = None  # the offline coach, built when an empty reply needs it
        self.observer: Any = None  # bot.ai.gateway.CallObserver: told of every call (metrics)

    @property
    def has_speech(self) -> bool:
        """Speech models are set and, once discovered, exist on the server."""
        configured = bool(self._transcription_model and self._tts_model)
        return configured and self._speech_found is not False

    async def discover(self) -> None:
        """Find out once whether the server has the speech models (`GET /models`).

        OpenAI lists `whisper-1` and `tts-1`; llama.cpp, Ollama and vLLM list only the models
        they serve, so voice features are hidden there. A server that can't list its models
        keeps speech on until an audio call gets 404. Never raises.
        """
        if self._speech_found is not None or not (self._transcription_model and self._tts_model):
            return
        try:
            async with asyncio.timeout(min(10.0, self._deadline)):
                ids = {model.id async for model in self._client.models.list()}
        except (openai.OpenAIError, TimeoutError) as exc:
            log.info("Model list unavailable (%s); speech stays on until it fails", exc)
            return
        missing = [m for m in (self._transcription_model, self._tts_model) if m not in ids]
        self._speech_found = not missing
        if missing:
            log.info("Speech off: the server has no %s", " or ".join(missing))

    # ----- streamed text ---------------------------------------------------------------

    def generate_question(
        self,
        job: JobContext,
        difficulty: Difficulty,
        previous_questions: Sequence[str],
        *,
        focus: str | None = None,
        skill: str | None = None,
    ) -> TextStream:
        kind = "generate_question"
        messages = prompts.question_messages(
            job, difficulty, previous_questions, focus=focus, skill=skill
        )
        deltas = clean_deltas(lambda: self._deltas(kind, messages), kind=kind, names=ANSWER_LABELS)
        return TextStream(deltas)

    def interviewer_turn(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> TextStream:
        kind = "interviewer_turn"
        messages = prompts.interviewer_messages(job, transcript, plan)

        async def from_the_bank() -> str:
            return await self._offline_line(job, transcript, plan)

        deltas = clean_deltas(
            lambda: self._deltas(kind, messages),
            kind=kind,
            names=(plan.candidate_name,),
            fallback=from_the_bank,
        )
        return TextStream(deltas, end_marker=END_MARKER)

    async def _offline_line(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> str:
        """The offline coach's interviewer line (a question from its bank, or its closing)."""
        from bot.ai.offline.coach import OfflineCoach
        from bot.ai.offline.interviewer import ScriptedInterviewer

        if self._offline is None:
            self._offline = OfflineCoach()
        bank = await self._offline.loaded_bank()
        return await asyncio.to_thread(
            ScriptedInterviewer(bank).next_line, job, list(transcript), plan
        )

    async def _deltas(self, kind: str, messages: list[Message]) -> AsyncIterator[str]:
        """Yield content deltas; SDK errors, also those raised mid-stream, become ours.

        The first words must come within the deadline (the user is staring at "typing…"); after
        that each chunk has the SDK's read timeout and `max_tokens` bounds the whole reply.
        """
        started = time.perf_counter()
        usage: Any = None
        received: list[str] = []
        finish: str | None = None
        stream: Any = None
        complete = False
        refused = False
        try:
            async with notify_when_slow(self._slow_after):
                try:
                    async with asyncio.timeout(self._deadline):
                        stream = await with_retries(
                            self._retry,
                            kind,
                            lambda: self._open_stream(messages, self._max_tokens[kind]),
                        )
                        chunks = aiter(stream)
                        first = await _until_content(chunks)
                except TimeoutError:
                    log.warning("AI call %s: no reply within %.0f s", kind, self._deadline)
                    if stream is not None:
                        await stream.close()
                    raise AIUnavailableError(AIFailure.TIMEOUT) from None
            async with stream:
                async for chunk in _after(first, chunks):
                    usage = chunk.usage or usage
                    for choice in chunk.choices:
                        finish = choice.finish_reason or finish
                        if choice.delta is not None and choice.delta.content:
                            received.append(choice.delta.content)
                            yield choice.delta.content
                        elif choice.delta is not None and getattr(choice.delta, "refusal", None):
                            refused = True
            complete = True
            if refused and not received:  # declined, not failed: say so, not "empty"
                raise AIUnavailableError(AIFailure.REFUSED)
        except openai.OpenAIError as exc:
            raise self._unavailable(kind, exc) from None
        except GeneratorExit:
            complete = True  # the reader stopped early (say, the reply was cut): still log it
            raise
        finally:
            if complete:
                if finish == "length":
                    log.warning("%s reply cut by max_tokens=%s", kind, self._max_tokens[kind])
                self._log_usage(kind, started, usage, sent=messages, received="".join(received))

    async def _open_stream(self, messages: list[Message], max_tokens: int) -> Any:
        while True:
            extra: dict[str, Any] = {"max_tokens": max_tokens}
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

    @property
    def format_refusals(self) -> int:
        """How many times the server refused a structured-output mode (at most once each)."""
        return self._structured.refusals

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        task = grade_task(job, question, answer)
        return await self._bounded(
            task.kind, self._structured.run(task, max_tokens=self._max_tokens[task.kind])
        )

    async def reference_answer(self, job: JobContext, question: str) -> str:
        """The model answer of a grading of no answer: one structured call, rating unused."""
        return (await self.grade_answer(job, question, NO_ATTEMPT)).model_answer

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        task = report_task(job, transcript, candidate_name)
        return await self._bounded(
            task.kind, self._structured.run(task, max_tokens=self._max_tokens[task.kind])
        )

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        task = resume_task(job, resume_text)
        return await self._bounded(
            task.kind, self._structured.run(task, max_tokens=self._max_tokens[task.kind])
        )

    async def _bounded(self, kind: str, call: Awaitable[T]) -> T:
        """`call` within the deadline (retries and the corrective retry included), with the
        still-writing notice if it is slow."""
        try:
            async with notify_when_slow(self._slow_after), asyncio.timeout(self._deadline):
                return await call
        except TimeoutError:
            log.warning("AI call %s: no result within %.0f s", kind, self._deadline)
            raise AIUnavailableError(AIFailure.TIMEOUT) from None

    # ----- speech ----------------------------------------------------------------------

    async def transcribe(self, audio: bytes, mime: str) -> str:
        if not self._transcription_model or self._speech_found is False:
            raise SpeechUnavailableError()
        mime = (mime or "audio/ogg").split(";")[0].strip().lower()
        started = time.perf_counter()
        result = await self._speech_call(
            "transcribe",
            lambda: self._client.audio.transcriptions.create(
                model=self._transcription_model,
                file=(_AUDIO_NAMES.get(mime, "voice.ogg"), audio, mime),
            ),
        )
        self._log_usage("transcribe", started, None, model=self._transcription_model)
        return result.text.strip()

    async def speak(self, text: str) -> bytes:
        if not self._tts_model or self._speech_found is False:
            raise SpeechUnavailableError()
        started = time.perf_counter()
        response = await self._speech_call(
            "speak",
            lambda: self._client.audio.speech.create(
                model=self._tts_model,
                voice=self._tts_voice,
                input=speakable(text),
                response_format="opus",
            ),
        )
        self._log_usage("speak", started, None, model=self._tts_model)
        return response.content

    async def _speech_call(self, kind: str, call: Callable[[], Awaitable[T]]) -> T:
        try:
            return await self._bounded(kind, with_retries(self._retry, kind, call))
        except openai.OpenAIError as exc:
            raise self._unavailable(kind, exc, speech=True) from None

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
        sent: Sequence[Message] = (),
        received: str = "",
    ) -> None:
        """One line per call. Without usage from the server (llama.cpp streams none), tokens
        are estimated from the texts sent and received: `~123` and `usage=estimated`."""
        latency_ms = round((time.perf_counter() - started) * 1000)
        prompt_tokens = getattr(usage, "prompt_tokens", None)
        completion_tokens = getattr(usage, "completion_tokens", None)
        if self.observer is not None:
            self.observer(kind, "ok", latency_ms / 1000, prompt_tokens, completion_tokens)
        source = "server"
        if prompt_tokens is None and completion_tokens is None and (sent or received):
            source = "estimated"
            prompt_tokens = f"~{estimate_tokens(m.get('content', '') for m in sent)}"
            completion_tokens = f"~{estimate_tokens([received])}"
        elif prompt_tokens is None and completion_tokens is None:
            source = "none"
        usage_log.info(
            "ai_call kind=%s model=%s mode=%s prompt_tokens=%s completion_tokens=%s "
            "usage=%s latency_ms=%d",
            kind,
            model or self._model,
            mode or "-",
            "?" if prompt_tokens is None else prompt_tokens,
            "?" if completion_tokens is None else completion_tokens,
            source,
            latency_ms,
        )

    def _unavailable(
        self, kind: str, exc: openai.OpenAIError, *, speech: bool = False
    ) -> AIUnavailableError:
        log.warning("AI call %s failed: %s", kind, self._describe(exc))
        if self.observer is not None:
            self.observer(kind, "error", None, None, None)
        # No such endpoint: the server has no audio API (Ollama, llama.cpp), not an outage;
        # voice features are hidden from now on.
        if speech and isinstance(exc, openai.NotFoundError):
            if self._speech_found is not False:
                log.info("Speech off: the server has no audio endpoint (HTTP 404)")
            self._speech_found = False
            return SpeechUnavailableError()
        if speech:
            return SpeechUnavailableError()
        if isinstance(exc, openai.APITimeoutError):
            return AIUnavailableError(AIFailure.TIMEOUT)
        return AIUnavailableError(AIFailure.UNAVAILABLE)

    def _describe(self, exc: openai.OpenAIError) -> str:
        """Class, status and a short message with anything key-like masked."""
        parts = [type(exc).__name__]
        if isinstance(exc, openai.APIStatusError):
            parts.append(f"HTTP {exc.status_code}")
            if exc.request_id:
                parts.append(f"request_id={exc.request_id}")
        message = redact(str(getattr(exc, "message", exc)), [self._secret])
        parts.append(message[:300])
        return " ".join(parts)


async def _until_content(chunks: AsyncIterator[Any]) -> list[Any]:
    """Read chunks up to and including the first that carries text (or to the end)."""
    read: list[Any] = []
    async for chunk in chunks:
        read.append(chunk)
        if any(
            c.delta is not None and (c.delta.content or getattr(c.delta, "refusal", None))
            for c in chunk.choices
        ):
            break
    return read


async def _after(first: list[Any], rest: AsyncIterator[Any]) -> AsyncIterator[Any]:
    for chunk in first:
        yield chunk
    async for chunk in rest:
        yield chunk


NO_ATTEMPT = "(No answer: the candidate asked to see a full correct answer.)"


def speakable(text: str) -> str:
    """Markdown read aloud sounds wrong ("asterisk"), so drop the markup; respect the limit."""
    plain = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    plain = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", plain)
    plain = re.sub(r"[*_`#>]+", "", plain)
    return re.sub(r"[ \t]+", " ", plain).strip()[:_TTS_MAX_CHARS]
