"""The coach backed by any OpenAI-compatible server (OpenAI, Azure, OpenRouter, Ollama, vLLM...).

Text goes through the Chat Completions API only, because it is the one API all those servers
share. Structured results try, in order, a strict JSON schema, JSON mode with the schema in the
prompt, and a plain-text layout; the first mode the server accepts is remembered per instance.
Every SDK error (after the SDK's own retries with backoff) becomes `AIUnavailableError`.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast

import openai
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError

from bot.ai import prompts
from bot.ai.errors import AIUnavailableError, SpeechUnavailableError
from bot.ai.prompts import Message
from bot.ai.schemas import (
    REPORT_CATEGORIES,
    RESUME_CATEGORIES,
    Difficulty,
    GradeResult,
    InterviewPlan,
    InterviewReport,
    JobContext,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.ai.streams import END_MARKER, TextStream
from bot.settings import Settings

log = logging.getLogger(__name__)
usage_log = logging.getLogger("bot.ai.usage")

UNAVAILABLE_MESSAGE = "The AI coach is not answering right now. Please try again in a minute."
BAD_OUTPUT_MESSAGE = "The AI coach gave an answer I couldn't use. Please try again in a minute."
NO_SPEECH_MESSAGE = "Voice messages aren't available with this AI setup. Please type instead."

Mode = Literal["json_schema", "json_object", "text"]
MODES: tuple[Mode, ...] = ("json_schema", "json_object", "text")

# Keywords OpenAI's strict structured outputs accept; the rest (minLength, title...) is dropped
# from the sent schema and still enforced locally by pydantic.
_SCHEMA_KEYS = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "description",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "anyOf",
}
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

T = TypeVar("T", bound=BaseModel)


class UnusableReply(Exception):
    """A reply that could not be turned into a valid result; `problem` is safe to log."""

    def __init__(self, problem: str, *, not_json: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.not_json = not_json  # prose where JSON was asked: the server ignored the format


@dataclass(frozen=True, slots=True)
class StructuredTask(Generic[T]):
    kind: str
    model: type[T]
    schema: dict[str, Any]
    text_format: str
    build: Callable[[str], list[Message]]  # output instructions -> messages
    parse_text: Callable[[str], T]
    check: Callable[[T], T]  # checks beyond the pydantic model; may normalise


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
        self.mode: Mode = "json_schema"
        self._stream_usage = True  # False once a server rejects stream_options

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
                    model=self._model, messages=_sdk(messages), stream=True, **extra
                )
            except openai.BadRequestError as exc:
                # A few servers reject stream_options outright; usage is optional, so drop it.
                if not self._stream_usage or "stream_options" not in _error_text(exc):
                    raise
                log.info("Server rejects stream_options; streaming without usage")
                self._stream_usage = False

    # ----- structured results ----------------------------------------------------------

    async def grade_answer(self, job: JobContext, question: str, answer: str) -> GradeResult:
        task = StructuredTask(
            kind="grade_answer",
            model=GradeResult,
            schema=strict_schema(GradeResult),
            text_format=prompts.GRADE_TEXT_FORMAT,
            build=lambda output: prompts.grade_messages(job, question, answer, output),
            parse_text=parse_grade_text,
            check=lambda result: result,
        )
        return await self._structured(task)

    async def interview_report(
        self, job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
    ) -> InterviewReport:
        schema = strict_schema(InterviewReport)
        category = schema["properties"]["categories"]["items"]
        category["properties"]["name"]["enum"] = list(REPORT_CATEGORIES)
        task = StructuredTask(
            kind="interview_report",
            model=InterviewReport,
            schema=schema,
            text_format=prompts.REPORT_TEXT_FORMAT,
            build=lambda output: prompts.report_messages(job, transcript, candidate_name, output),
            parse_text=parse_report_text,
            check=check_report,
        )
        return await self._structured(task)

    async def analyze_resume(self, job: JobContext, resume_text: str) -> ResumeAnalysis:
        task = StructuredTask(
            kind="analyze_resume",
            model=ResumeAnalysis,
            schema=strict_schema(ResumeAnalysis),
            text_format=prompts.RESUME_TEXT_FORMAT,
            build=lambda output: prompts.resume_messages(job, resume_text, output),
            parse_text=parse_resume_text,
            check=lambda result: result,
        )
        return await self._structured(task)

    async def _structured(self, task: StructuredTask[T]) -> T:
        """One reply, and one corrective retry if it was unusable; never an invalid result."""
        correction: tuple[str, str] | None = None
        for attempt in (1, 2):
            content, mode = await self._structured_reply(task, correction)
            try:
                return parse_reply(task, content, mode)
            except UnusableReply as exc:
                log.warning(
                    "Unusable %s reply (mode=%s, attempt %d): %s",
                    task.kind,
                    mode,
                    attempt,
                    exc.problem,
                )
                if exc.not_json and mode != "text":
                    self._downgrade(mode, "server ignored the JSON response format")
                correction = (content, exc.problem)
        raise AIUnavailableError(BAD_OUTPUT_MESSAGE)

    async def _structured_reply(
        self, task: StructuredTask[Any], correction: tuple[str, str] | None
    ) -> tuple[str, Mode]:
        """Ask in the best mode the server accepts; a refusal moves down a mode for good."""
        for mode in MODES[MODES.index(self.mode) :]:
            output = self._output_instructions(task, mode)
            messages = task.build(output)
            if correction is not None:
                messages += prompts.correction_messages(correction[0], correction[1], output)
            try:
                completion = await self._complete(task.kind, messages, mode, task)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                if mode == "text" or not _is_format_refusal(exc):
                    raise self._unavailable(task.kind, exc) from None
                self._downgrade(mode, f"server refused it (HTTP {exc.status_code})")
                continue
            except openai.OpenAIError as exc:
                raise self._unavailable(task.kind, exc) from None
            choice = completion.choices[0] if completion.choices else None
            return (choice.message.content or "") if choice else "", mode
        raise AssertionError("unreachable: text mode is never refused")

    async def _complete(
        self, kind: str, messages: list[Message], mode: Mode, task: StructuredTask[Any]
    ) -> ChatCompletion:
        extra: dict[str, Any] = {}
        if mode == "json_schema":
            extra["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": task.model.__name__, "schema": task.schema, "strict": True},
            }
        elif mode == "json_object":
            extra["response_format"] = {"type": "json_object"}
        started = time.perf_counter()
        completion = await self._client.chat.completions.create(
            model=self._model, messages=_sdk(messages), **extra
        )
        self._log_usage(kind, started, completion.usage, mode=mode)
        return completion

    @staticmethod
    def _output_instructions(task: StructuredTask[Any], mode: Mode) -> str:
        if mode == "text":
            return task.text_format
        return prompts.json_output(task.schema, enforced=mode == "json_schema")

    def _downgrade(self, mode: Mode, why: str) -> None:
        following = MODES[MODES.index(mode) + 1]
        # Concurrent calls may both downgrade; never move back up.
        if MODES.index(following) > MODES.index(self.mode):
            log.info("Structured output: %s unavailable (%s); using %s", mode, why, following)
            self.mode = following

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


# ----- schema ------------------------------------------------------------------------------


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the shape strict structured outputs require.

    Every object closes (`additionalProperties: false`) and lists all properties as required;
    `$defs` are inlined because some OpenAI-compatible servers resolve `$ref` poorly.
    """
    raw = model.model_json_schema()
    return _strict_node(raw, raw.get("$defs", {}))


def _strict_node(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        resolved = _strict_node(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        if "description" in node:
            resolved["description"] = node["description"]
        return resolved
    out = {key: value for key, value in node.items() if key in _SCHEMA_KEYS}
    if "properties" in node:
        out["properties"] = {k: _strict_node(v, defs) for k, v in node["properties"].items()}
        out["required"] = list(node["properties"])
        out["additionalProperties"] = False
    if "items" in node:
        out["items"] = _strict_node(node["items"], defs)
    if "anyOf" in node:
        out["anyOf"] = [_strict_node(option, defs) for option in node["anyOf"]]
    return out


# ----- parsing replies ---------------------------------------------------------------------


def parse_reply(task: StructuredTask[T], content: str, mode: Mode) -> T:
    """Validate a reply into the task's model, or raise `UnusableReply` saying why."""
    raw = _strip_code_fence(content)
    if not raw:
        raise UnusableReply("the reply was empty")
    try:
        if raw.startswith("{"):
            result = task.model.model_validate_json(raw)
        elif mode == "text":
            result = task.parse_text(raw)
        else:
            result = task.model.model_validate_json(_embedded_json(raw))
    except ValidationError as exc:
        raise UnusableReply(_validation_problem(exc)) from None
    return task.check(result)


def _strip_code_fence(content: str) -> str:
    text = content.strip()
    match = re.fullmatch(r"```[\w-]*\s*\n?(.*?)\n?```", text, re.DOTALL)
    return match.group(1).strip() if match else text


def _embedded_json(text: str) -> str:
    """JSON wrapped in prose ("Here you go: {...}"), which some models produce in JSON mode."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise UnusableReply("the reply was not a JSON object", not_json=True)
    return text[start : end + 1]


def _validation_problem(exc: ValidationError) -> str:
    # Locations and messages only: pydantic's str() would echo input values into logs.
    problems = []
    for error in exc.errors()[:5]:
        where = ".".join(str(part) for part in error["loc"]) or "reply"
        problems.append(f"{where}: {error['msg']}")
    return "; ".join(problems)


def check_report(report: InterviewReport) -> InterviewReport:
    """Require exactly the seven category names; tolerate case, spacing and order."""
    by_name = {_norm(c.name): c for c in report.categories}
    if set(by_name) != {_norm(name) for name in REPORT_CATEGORIES}:
        raise UnusableReply("categories must be exactly: " + "; ".join(REPORT_CATEGORIES))
    ordered = [by_name[_norm(name)].model_copy(update={"name": name}) for name in REPORT_CATEGORIES]
    return report.model_copy(update={"categories": ordered})


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.casefold()).strip()


# ----- plain-text layouts (the last fallback) ----------------------------------------------


def parse_grade_text(text: str) -> GradeResult:
    parts = sections(text, ["Rating", "Feedback", "Model answer"])
    return GradeResult.model_validate(
        {
            "rating": _score(parts.get("Rating", "")),
            "feedback": parts.get("Feedback", ""),
            "model_answer": parts.get("Model answer", ""),
        }
    )


def parse_report_text(text: str) -> InterviewReport:
    parts = sections(text, ["Overall rating", "Summary", *REPORT_CATEGORIES])
    categories = []
    for name in REPORT_CATEGORIES:
        body = parts.get(name, "")
        rating, rest = _take_score_line(body, "Rating")
        categories.append({"name": name, "rating": rating, "text": rest})
    return InterviewReport.model_validate(
        {
            "overall_rating": _score(parts.get("Overall rating", "")),
            "summary": parts.get("Summary", ""),
            "categories": categories,
        }
    )


def parse_resume_text(text: str) -> ResumeAnalysis:
    parts = sections(text, ["Overall score", *RESUME_CATEGORIES])
    data: dict[str, Any] = {"overall_score": _score(parts.get("Overall score", ""))}
    for key in RESUME_CATEGORIES:
        score, rest = _take_score_line(parts.get(key, ""), "Score")
        summary = re.search(r"^\s*\**summary\**\s*:\s*(.+)$", rest, re.IGNORECASE | re.MULTILINE)
        items = [
            {"type": m["type"].lower(), "name": m["name"].strip(" *"), "message": m["msg"].strip()}
            for m in _FEEDBACK_ITEM.finditer(rest)
        ]
        data[key] = {
            "score": score,
            "summary": summary.group(1).strip() if summary else "",
            "feedback": items,
        }
    return ResumeAnalysis.model_validate(data)


_FEEDBACK_ITEM = re.compile(
    r"^\s*[-*•]\s*\[?(?P<type>strength|minor-improvement|major-improvement)\]?\s*[|:\-–—]?\s*"
    r"(?P<name>[^:\n]+?)\s*:\s*(?P<msg>.+)$",
    re.IGNORECASE | re.MULTILINE,
)


def sections(text: str, headings: Sequence[str]) -> dict[str, str]:
    """Split a reply into the named sections; a heading line may carry inline content.

    A heading is a line (optionally with #, ** or numbering) that is the name alone or the
    name followed by ':' or a dash, e.g. `### Feedback`, `**Rating:** 7/10`, `ats — 6/10`.
    """
    patterns = [(name, _heading_pattern(name)) for name in headings]
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        cleaned = re.sub(r"^\s*(?:#+\s*|\d+[.)]\s*)?\**\s*", "", line).rstrip()
        for name, pattern in patterns:
            match = pattern.match(cleaned)
            if match and name not in found:
                current = found[name] = [match.group(1) or ""]
                break
        else:
            if current is not None:
                current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


def _heading_pattern(name: str) -> re.Pattern[str]:
    words = r"[\s_&/,-]+".join(re.escape(w) for w in re.findall(r"[A-Za-z0-9]+", name))
    return re.compile(rf"^{words}\**\s*(?:[:\-–—]\s*\**\s*(.*?)\s*\**)?$", re.IGNORECASE)


def _score(text: str) -> int | None:
    match = re.search(r"(\d+(?:\.\d+)?)", text)
    return round(float(match.group(1))) if match else None


def _take_score_line(body: str, label: str) -> tuple[int | None, str]:
    """The score from `Rating: 7/10` (or a bare `7/10` first line) and the remaining text."""
    lines = body.splitlines()
    for index, line in enumerate(lines[:3]):
        if re.match(rf"^\s*\**{label}\**\s*:|^\s*\d+(?:\.\d+)?\s*/\s*10\b", line, re.IGNORECASE):
            return _score(line), "\n".join(lines[:index] + lines[index + 1 :]).strip()
    return None, body.strip()


# ----- helpers -----------------------------------------------------------------------------


def _is_format_refusal(exc: openai.APIStatusError) -> bool:
    text = _error_text(exc)
    return any(word in text for word in ("response_format", "json_schema", "json_object", "schema"))


def _error_text(exc: openai.APIStatusError) -> str:
    body = json.dumps(exc.body) if isinstance(exc.body, dict) else str(exc.body or "")
    return f"{exc.message} {body}".lower()


def _sdk(messages: list[Message]) -> list[ChatCompletionMessageParam]:
    return cast("list[ChatCompletionMessageParam]", messages)


def speakable(text: str) -> str:
    """Markdown read aloud sounds wrong ("asterisk"), so drop the markup; respect the limit."""
    plain = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    plain = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", plain)
    plain = re.sub(r"[*_`#>]+", "", plain)
    return re.sub(r"[ \t]+", " ", plain).strip()[:_TTS_MAX_CHARS]
