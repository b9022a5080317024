"""Structured results from an OpenAI-compatible server: validated models, never raw text.

Each result is asked for in the best mode the server accepts, in order: a strict JSON schema
(`json_schema`: OpenAI, vLLM, Ollama), JSON mode carrying the schema (`json_object_schema`:
llama-cpp-python's grammar-enforced `{"type": "json_object", "schema": ...}`), plain JSON mode
(`json_object`), and a plain-text layout (`bot.ai.text_parsers`). The first refusal of a mode —
HTTP 400, 422 or 500 whose body names `response_format` — drops it for good (per
`StructuredCaller`, that is per server and process), without retrying the refusal.

Parsing is tolerant, validation strict: raw control characters inside JSON strings (grammars
let newlines through), code fences and prose around the object are accepted; ranges, names and
non-blank text are still checked, and every text field is cleaned of echoed prompt tags and the
candidate's voice (`bot.ai.hygiene`). A reply that does not validate gets one corrective retry
that shows the model its reply and what was wrong; a second failure is `AIUnavailableError`, so
an invalid result (say, a rating without feedback) is never returned.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, NamedTuple, Protocol, TypeVar, cast

import openai
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError

from bot.ai import prompts
from bot.ai.calls import RetryPolicy, is_context_overflow, is_format_refusal, with_retries
from bot.ai.errors import AIFailure, AIUnavailableError
from bot.ai.hygiene import clean_text
from bot.ai.prompts import Message
from bot.ai.schemas import (
    REPORT_CATEGORIES,
    GradeResult,
    InterviewReport,
    JobContext,
    ReportWire,
    ResumeAnalysis,
    TranscriptLine,
)
from bot.ai.text_parsers import parse_grade_text, parse_report_text, parse_resume_text

log = logging.getLogger(__name__)

Mode = Literal["json_schema", "json_object_schema", "json_object", "text"]
MODES: tuple[Mode, ...] = ("json_schema", "json_object_schema", "json_object", "text")

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

T = TypeVar("T", bound=BaseModel)


class UsageLogger(Protocol):
    """Records one call's tokens and latency (the backend's usage log); `sent` and `received`
    are the texts, for an estimate when the server reports no usage."""

    def __call__(
        self,
        kind: str,
        started: float,
        usage: Any,
        *,
        mode: str | None = None,
        sent: Sequence[Message] = (),
        received: str = "",
    ) -> None: ...


# (kind, SDK error) -> the error to raise; logs the cause.
FailureMapper = Callable[[str, openai.OpenAIError], AIUnavailableError]


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


# ----- the tasks ---------------------------------------------------------------------------


def grade_task(job: JobContext, question: str, answer: str) -> StructuredTask[GradeResult]:
    return StructuredTask(
        kind="grade_answer",
        model=GradeResult,
        schema=strict_schema(GradeResult),
        text_format=prompts.GRADE_TEXT_FORMAT,
        build=lambda output: prompts.grade_messages(job, question, answer, output),
        parse_text=parse_grade_text,
        check=lambda result: result,
    )


def report_task(
    job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str
) -> StructuredTask[InterviewReport]:
    schema = strict_schema(ReportWire)  # fixed keys; InterviewReport reads them (and lists)
    return StructuredTask(
        kind="interview_report",
        model=InterviewReport,
        schema=schema,
        text_format=prompts.REPORT_TEXT_FORMAT,
        build=lambda output: prompts.report_messages(job, transcript, candidate_name, output),
        parse_text=parse_report_text,
        check=check_report,
    )


def resume_task(job: JobContext, resume_text: str) -> StructuredTask[ResumeAnalysis]:
    return StructuredTask(
        kind="analyze_resume",
        model=ResumeAnalysis,
        schema=strict_schema(ResumeAnalysis),
        text_format=prompts.RESUME_TEXT_FORMAT,
        build=lambda output: prompts.resume_messages(job, resume_text, output),
        parse_text=parse_resume_text,
        check=lambda result: result,
    )


# ----- asking: the mode ladder and the corrective retry ------------------------------------


class Correction(NamedTuple):
    """What the corrective retry says of the unusable reply."""

    reply: str
    problem: str
    show_reply: bool


class StructuredCaller:
    """Runs `StructuredTask`s against one client; remembers the best mode the server accepts."""

    def __init__(
        self,
        client: openai.AsyncOpenAI,
        model: str,
        *,
        log_usage: UsageLogger,
        unavailable: FailureMapper,
        retry: RetryPolicy | None = None,
    ) -> None:
        self._client = client
        self._model = model
        self._log_usage = log_usage
        self._unavailable = unavailable
        self._retry = retry or RetryPolicy(max_retries=0)
        self.mode: Mode = "json_schema"
        self.refusals = 0  # format refusals seen: each mode is refused at most once

    async def run(self, task: StructuredTask[T], *, max_tokens: int | None = None) -> T:
        """One reply, and one corrective retry if it was unusable; never an invalid result."""
        correction: Correction | None = None
        for attempt in (1, 2):
            content, mode, cut = await self._reply(task, correction, max_tokens)
            try:
                return parse_reply(task, content, mode)
            except UnusableReply as exc:
                if cut:
                    exc.problem = (
                        f"the reply was cut off at the limit of {max_tokens} tokens "
                        f"({exc.problem}); write it much shorter"
                    )
                log.warning(
                    "Unusable %s reply (mode=%s, attempt %d): %s",
                    task.kind,
                    mode,
                    attempt,
                    exc.problem,
                )
                if exc.not_json and mode != "text" and not cut:
                    self._downgrade(mode, "server ignored the JSON response format")
                # A reply cut at the limit is not shown again (see `correction_messages`).
                correction = Correction(content, exc.problem, show_reply=not cut)
        raise AIUnavailableError(AIFailure.BAD_OUTPUT)

    async def _reply(
        self,
        task: StructuredTask[Any],
        correction: Correction | None,
        max_tokens: int | None,
    ) -> tuple[str, Mode, bool]:
        """Ask in the best mode the server accepts; a refusal moves down a mode for good.

        Returns the content, the mode it was asked in, and whether `max_tokens` cut it.
        """
        for mode in MODES[MODES.index(self.mode) :]:
            output = _output_instructions(task, mode)
            messages = task.build(output)
            if correction is not None:
                messages += prompts.correction_messages(
                    correction.reply, correction.problem, output, show_reply=correction.show_reply
                )
            try:
                completion = await with_retries(
                    self._retry,
                    task.kind,
                    lambda m=messages, md=mode: self._complete(  # type: ignore[misc]
                        task.kind, m, md, task, max_tokens
                    ),
                )
            except openai.OpenAIError as exc:
                if correction is not None and correction.show_reply and is_context_overflow(exc):
                    # The shown reply made it too long for a small context: ask without it.
                    log.warning("%s correction too long for the context: asked anew", task.kind)
                    correction = correction._replace(show_reply=False)
                    return await self._reply(task, correction, max_tokens)
                if mode == "text" or not is_format_refusal(exc):
                    raise self._unavailable(task.kind, exc) from None
                status = getattr(exc, "status_code", "?")
                self.refusals += 1
                self._downgrade(mode, f"server refused it (HTTP {status})")
                continue
            choice = completion.choices[0] if completion.choices else None
            content = (choice.message.content or "") if choice else ""
            cut = choice is not None and choice.finish_reason == "length"
            if cut:
                log.warning("%s reply cut by max_tokens=%s (mode=%s)", task.kind, max_tokens, mode)
            return content, mode, cut
        raise AssertionError("unreachable: text mode is never refused")

    async def _complete(
        self,
        kind: str,
        messages: list[Message],
        mode: Mode,
        task: StructuredTask[Any],
        max_tokens: int | None,
    ) -> ChatCompletion:
        extra: dict[str, Any] = {}
        if mode == "json_schema":
            extra["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": task.model.__name__, "schema": task.schema, "strict": True},
            }
        elif mode == "json_object_schema":
            # llama-cpp-python turns the schema into a grammar; others may ignore the key.
            extra["response_format"] = {
                "type": "json_object",
                "schema": grammar_schema(task.schema),
            }
        elif mode == "json_object":
            extra["response_format"] = {"type": "json_object"}
        if max_tokens is not None:
            extra["max_tokens"] = max_tokens
        started = time.perf_counter()
        completion = await self._client.chat.completions.create(
            model=self._model, messages=sdk_messages(messages), **extra
        )
        choice = completion.choices[0] if completion.choices else None
        received = (choice.message.content or "") if choice else ""
        self._log_usage(
            kind, started, completion.usage, mode=mode, sent=messages, received=received
        )
        return completion

    def _downgrade(self, mode: Mode, why: str) -> None:
        following = MODES[MODES.index(mode) + 1]
        # Concurrent calls may both downgrade; never move back up.
        if MODES.index(following) > MODES.index(self.mode):
            log.info("Structured output: %s unavailable (%s); using %s", mode, why, following)
            self.mode = following


def _output_instructions(task: StructuredTask[Any], mode: Mode) -> str:
    if mode == "text":
        return task.text_format
    return prompts.json_output(task.schema, enforced=mode == "json_schema")


# ----- schema ------------------------------------------------------------------------------
_GRAMMAR_ENUM_MAX = 100  # integer ranges up to this many values are spelled out


def grammar_schema(node: Any) -> Any:
    """The schema for a server that enforces it with a grammar: llama-cpp-python's converter
    ignores `minimum`/`maximum` (a small model on it rated answers 70 out of 10), but keeps an
    `enum`, so a small integer range is spelled out as one."""
    if isinstance(node, list):
        return [grammar_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: grammar_schema(value) for key, value in node.items()}
    low, high = node.get("minimum"), node.get("maximum")
    if (
        node.get("type") == "integer"
        and isinstance(low, int)
        and isinstance(high, int)
        and 0 <= high - low < _GRAMMAR_ENUM_MAX
        and "enum" not in node
    ):
        out["enum"] = list(range(low, high + 1))
    return out


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
        if raw.startswith("{") or mode != "text":
            result = task.model.model_validate(_json_object(raw))
        else:
            result = task.parse_text(raw)
        # Echoed tags and the candidate's voice never reach a user or the database.
        result = task.model.model_validate(_cleaned(result.model_dump()))
    except ValidationError as exc:
        raise UnusableReply(_validation_problem(exc)) from None
    blank = blank_text_fields(result.model_dump())
    if blank:
        raise UnusableReply("; ".join(f"{where}: must not be blank" for where in blank[:5]))
    return task.check(result)


_STRAY_LINE_RE = re.compile(r"^[\s{}\[\],\"`]*$")


def _without_stray_lines(text: str) -> str:
    """Lines of JSON punctuation only ("}", "],", a fence) around a field's text are leftovers
    of a reply the model half wrote as JSON (seen from a small model on llama.cpp)."""
    lines = text.split("\n")
    while lines and _STRAY_LINE_RE.match(lines[0]):
        lines.pop(0)
    while lines and _STRAY_LINE_RE.match(lines[-1]):
        lines.pop()
    return "\n".join(lines)


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return _without_stray_lines(clean_text(value))
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


_DECODER = json.JSONDecoder(strict=False)  # strict=False: raw newlines/tabs inside strings


def _json_object(text: str) -> dict[str, Any]:
    """The first JSON object in `text`: prose before or after it is ignored (some models
    wrap JSON in "Here you go:"), and control characters inside strings are accepted."""
    start = text.find("{")
    if start < 0:
        raise UnusableReply("the reply was not a JSON object", not_json=True)
    try:
        value, _ = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        # Position only: the message would otherwise quote the user's words into logs.
        raise UnusableReply(f"invalid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(value, dict):
        raise UnusableReply("the reply was not a JSON object", not_json=True)
    return value


def blank_text_fields(value: Any, where: str = "") -> list[str]:
    """Where text holds only whitespace, e.g. `feedback` or `categories.2.text`.

    pydantic's `min_length=1` counts spaces, and a rating must never be shown without reasons.
    """
    if isinstance(value, str):
        return [] if value.strip() else [where or "reply"]
    if isinstance(value, dict):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    return [
        path
        for key, item in items
        for path in blank_text_fields(item, f"{where}.{key}" if where else str(key))
    ]


def _strip_code_fence(content: str) -> str:
    """A reply that is one fenced block, unfenced (a fence inside prose is found later, by
    looking for the JSON object itself)."""
    text = content.strip()
    match = re.fullmatch(r"```[\w-]*\s*\n?(.*?)\n?```", text, re.DOTALL)
    return match.group(1).strip() if match else text


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


# ----- SDK helpers -------------------------------------------------------------------------


def sdk_messages(messages: list[Message]) -> list[ChatCompletionMessageParam]:
    return cast("list[ChatCompletionMessageParam]", messages)
