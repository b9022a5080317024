"""A scriptable OpenAI-compatible HTTP server on loopback, for tests that use the real SDK.

Usage::

    async with FakeOpenAI() as fake:
        fake.reply_text(["Hello", ", world"])      # exact stream deltas (or one string)
        fake.reply_json({"rating": 7, ...})         # content = json.dumps(obj)
        fake.reply_status(429)                      # the SDK retries it
        settings = Settings(openai_api_key="test", openai_base_url=fake.base_url)
        ...
        assert fake.chat_bodies[0]["messages"][0]["role"] == "system"

Each endpoint has a FIFO queue of scripted replies; one reply answers one request. When the
chat queue is empty, `fake.default(body)` answers (so a feature test can script a whole
conversation); transcription and speech fall back to `default_transcription` / `default_speech`.
A chat request with no scripted reply and no default gets HTTP 418, which the SDK does not retry,
so a missing script fails fast instead of hanging.

Endpoints: POST /v1/chat/completions (JSON or SSE, depending on the request's `stream`),
POST /v1/audio/transcriptions (multipart), POST /v1/audio/speech (returns `FAKE_OGG` bytes),
GET /v1/models (the profile's model list; recorded in `model_listings`, not `requests`).

Server profiles (`FakeOpenAI(profile="llama-cpp-python")`, see `PROFILES`) make the server
refuse and answer as that server does: which `response_format` forms it accepts and the status
and body of its refusal, raw newlines inside JSON strings (a grammar lets them through), no
usage chunk when streaming, echoed prompt tags from the weak model it serves, and no audio
endpoints. The behaviour of each is taken from its documentation and, for llama-cpp-python
0.3.x serving SmolLM2-135M-Instruct, from a trial of the bot against it (issue 20).
`reply_runaway()` imitates a model that never stops: it writes until the request's
`max_tokens` (one word a token), or until a context limit of `RUNAWAY_CONTEXT` tokens.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any, Literal, Self

from aiohttp import web

Endpoint = Literal["chat", "transcriptions", "speech"]
DefaultResponder = Callable[[dict[str, Any]], "str | dict[str, Any] | Reply | None"]

# "OggS" capture pattern plus an Opus head: enough for code that sniffs the container type.
FAKE_OGG = b"OggS\x00\x02" + bytes(20) + b"OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00"

_PATHS: dict[str, Endpoint] = {
    "/v1/chat/completions": "chat",
    "/v1/audio/transcriptions": "transcriptions",
    "/v1/audio/speech": "speech",
}
RUNAWAY_CONTEXT = 4096  # tokens a runaway reply runs to without max_tokens
RUNAWAY_WORD = "blah "


@dataclass(frozen=True, slots=True)
class ServerProfile:
    """How one kind of server treats what the bot sends (see the module docstring).

    `formats` are the structured-output forms accepted: "json_schema", "json_object_schema"
    (`{"type": "json_object", "schema": ...}`) and "json_object"; any other is refused with
    `refusal_status` and a body naming `response_format`.
    """

    name: str
    formats: frozenset[str]
    refusal_status: int
    refusal_message: str
    models: tuple[str, ...]
    audio: bool = True
    stream_usage: bool = True  # honours stream_options.include_usage
    raw_newlines: bool = False  # newlines inside JSON strings sent raw, not as \n
    echo_tags: bool = False  # the served model echoes the prompt's tags and plays the candidate
    not_found_body: str = ""  # body of a 404 for a route the server lacks (empty: OpenAI style)


PROFILES: dict[str, ServerProfile] = {
    profile.name: profile
    for profile in (
        ServerProfile(
            name="openai",
            formats=frozenset({"json_schema", "json_object"}),
            refusal_status=400,
            refusal_message="Unknown parameter: 'response_format.schema'.",
            models=("gpt-4o-mini", "whisper-1", "tts-1"),
        ),
        ServerProfile(
            # llama-cpp-python 0.3.x (`python -m llama_cpp.server`): its route handler turns
            # the request's validation error into HTTP 500.
            name="llama-cpp-python",
            formats=frozenset({"json_object_schema", "json_object"}),
            refusal_status=500,
            refusal_message=(
                "[{'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
                "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}]"
            ),
            models=("SmolLM2-135M-Instruct-Q8_0.gguf",),
            audio=False,
            stream_usage=False,
            raw_newlines=True,
            echo_tags=True,
            not_found_body='{"detail":"Not Found"}',
        ),
        ServerProfile(
            # Ollama (0.5+): JSON schema via `format`; no audio endpoints.
            name="ollama",
            formats=frozenset({"json_schema", "json_object_schema", "json_object"}),
            refusal_status=400,
            refusal_message="invalid response_format type",
            models=("qwen2.5:0.5b",),
            audio=False,
            not_found_body="404 page not found",
        ),
        ServerProfile(
            # vLLM's OpenAI server: guided decoding for json_schema; validation errors are 400.
            name="vllm",
            formats=frozenset({"json_schema", "json_object_schema", "json_object"}),
            refusal_status=400,
            refusal_message="1 validation error for ChatCompletionRequest\nresponse_format",
            models=("Qwen/Qwen2.5-0.5B-Instruct",),
            audio=False,
            not_found_body='{"detail":"Not Found"}',
        ),
    )
}


@dataclass(slots=True)
class Reply:
    """One scripted answer. Build them with the `FakeOpenAI.reply_*` helpers."""

    chunks: list[str] = field(default_factory=list)  # chat content, split as stream deltas
    status: int = 200
    error_message: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    usage: tuple[int, int] | None = None  # (prompt, completion); None = estimated
    finish_reason: str = "stop"
    fail_after: int | None = None  # stream: send an in-band error event after N deltas
    drop_after: int | None = None  # stream: cut the connection after N deltas
    text: str = ""  # transcription text
    audio: bytes = b""  # speech bytes
    refusal: bool = False  # chat: the chunks are the model's refusal, not content
    runaway: bool = False  # write RUNAWAY_WORD until max_tokens or RUNAWAY_CONTEXT
    token_delay: float = 0.0  # seconds per runaway token

    @property
    def content(self) -> str:
        return "".join(self.chunks)


@dataclass(slots=True)
class ReceivedRequest:
    """What the server got. `body` is the JSON body, or the multipart fields for audio."""

    endpoint: Endpoint | None
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    audio: bytes | None = None  # the uploaded file of a transcription request


class FakeOpenAI:
    """Async context manager running the fake server; see the module docstring."""

    def __init__(self, *, model_name: str | None = None, profile: str = "openai") -> None:
        self.profile = PROFILES[profile]
        self.requests: list[ReceivedRequest] = []
        self.model_listings = 0  # GET /v1/models requests
        self.default: DefaultResponder | None = None
        self.default_transcription = "This is a fake transcription."
        self.default_speech = FAKE_OGG
        # False imitates servers that ignore `stream_options` and never report usage.
        self.include_usage = self.profile.stream_usage
        self.refused_formats: dict[str, int] = {}  # response_format type -> refusal status
        self._model_name = model_name
        self._queues: dict[Endpoint, deque[Reply]] = {
            "chat": deque(),
            "transcriptions": deque(),
            "speech": deque(),
        }
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._ids = 0

    # ----- lifecycle -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if not self._port:
            raise RuntimeError("FakeOpenAI is not running; use `async with FakeOpenAI()`")
        return f"http://127.0.0.1:{self._port}/v1"

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        # Cancel handlers whose client went away (timeouts), and don't wait for them on exit.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, shutdown_timeout=0.1, access_log=None
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self._port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ----- scripting -------------------------------------------------------------------

    def reply_text(
        self,
        text: str | Sequence[str],
        *,
        delay: float = 0.0,
        times: int = 1,
        usage: tuple[int, int] | None = None,
        finish_reason: str = "stop",
        fail_after: int | None = None,
        drop_after: int | None = None,
    ) -> None:
        """Queue a chat reply. A list gives the exact stream deltas; a string is split in 8s.

        `fail_after` / `drop_after` (streaming only) break the stream after that many deltas,
        with an in-band error event or by closing the connection.
        """
        chunks = (
            [text[i : i + 8] for i in range(0, len(text), 8)]
            if isinstance(text, str)
            else list(text)
        )
        reply = Reply(
            chunks=chunks or [""],
            delay=delay,
            usage=usage,
            finish_reason=finish_reason,
            fail_after=fail_after,
            drop_after=drop_after,
        )
        self._enqueue("chat", reply, times)

    def reply_refusal(self, text: str = "I'm sorry, I can't help with that.") -> None:
        """Queue a chat reply in which the model refuses: the text comes as `refusal` (deltas
        of `delta.refusal`, `message.refusal`) and the content is empty."""
        self._enqueue("chat", Reply(chunks=_split(text), refusal=True), 1)

    def reply_json(self, obj: Any, *, delay: float = 0.0, times: int = 1) -> None:
        """Queue a chat reply whose content is `json.dumps(obj)`."""
        self.reply_text(json.dumps(obj), delay=delay, times=times)

    def reply_status(
        self,
        status: int,
        message: str | None = None,
        *,
        retry_after: float | None = 0.0,
        endpoint: Endpoint = "chat",
        times: int = 1,
    ) -> None:
        """Queue an HTTP error with an OpenAI-style error body.

        `retry_after` is seconds, sent as `retry-after-ms`; 0 is sent as 1 ms because the SDK
        treats 0 as absent and would fall back to its 0.5 s+ backoff. None sends no header.
        """
        headers: dict[str, str] = {}
        if retry_after is not None:
            headers["retry-after-ms"] = str(max(1, round(retry_after * 1000)))
        reply = Reply(
            status=status, error_message=message or f"Fake error {status}", headers=headers
        )
        self._enqueue(endpoint, reply, times)

    def reply_delay(
        self, seconds: float, text: str = "Sorry, that took a while.", *, times: int = 1
    ) -> None:
        """Queue a chat reply that only starts after `seconds` (to trigger client timeouts)."""
        self.reply_text(text, delay=seconds, times=times)

    def reply_transcription(self, text: str, *, delay: float = 0.0, times: int = 1) -> None:
        self._enqueue("transcriptions", Reply(text=text, delay=delay), times)

    def reply_speech(self, audio: bytes = FAKE_OGG, *, delay: float = 0.0, times: int = 1) -> None:
        self._enqueue("speech", Reply(audio=audio, delay=delay), times)

    def refuse_json_schema(self) -> None:
        """Answer 400 to every chat request with `response_format` of type json_schema."""
        self.refuse_response_format("json_schema")

    def refuse_response_format(self, *types: str, status: int = 400) -> None:
        """Answer `status` to chat requests whose `response_format.type` is one of `types`
        ("json_object" covers the form with a schema too; "json_object_schema" only that one).

        Refusals don't consume scripted replies.
        """
        for kind in types:
            self.refused_formats[kind] = status

    def reply_runaway(self, *, token_delay: float = 0.0, times: int = 1) -> None:
        """Queue a reply that never stops by itself (see the module docstring)."""
        self._enqueue("chat", Reply(runaway=True, token_delay=token_delay), times)

    def pending(self, endpoint: Endpoint = "chat") -> int:
        """Scripted replies not yet used (assert 0 to check a script was fully consumed)."""
        return len(self._queues[endpoint])

    @property
    def chat_bodies(self) -> list[dict[str, Any]]:
        """JSON bodies of the chat requests received, oldest first."""
        return [r.body for r in self.requests if r.endpoint == "chat"]

    def _enqueue(self, endpoint: Endpoint, reply: Reply, times: int) -> None:
        for _ in range(times):
            self._queues[endpoint].append(reply)

    # ----- serving ---------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        if request.method == "GET" and request.path == "/v1/models":
            self.model_listings += 1
            return web.json_response(self._model_list())
        endpoint = _PATHS.get(request.path)
        if endpoint in ("transcriptions", "speech") and not self.profile.audio:
            self.requests.append(ReceivedRequest(None, request.path, {}, dict(request.headers)))
            return self._not_found(request)
        if request.method != "POST" or endpoint is None:
            self.requests.append(ReceivedRequest(None, request.path, {}, dict(request.headers)))
            return _error(404, f"FakeOpenAI has no route {request.method} {request.path}")
        if endpoint == "transcriptions":
            return await self._transcriptions(request)
        body = await request.json()
        self.requests.append(ReceivedRequest(endpoint, request.path, body, dict(request.headers)))
        if endpoint == "speech":
            return await self._speech()
        return await self._chat(request, body)

    def _model_list(self) -> dict[str, Any]:
        names = list(self.profile.models)
        if self._model_name and self._model_name not in names:
            names.insert(0, self._model_name)
        return {
            "object": "list",
            "data": [{"id": n, "object": "model", "created": 0, "owned_by": "fake"} for n in names],
        }

    def _not_found(self, request: web.Request) -> web.Response:
        if self.profile.not_found_body.startswith("{"):
            return web.Response(
                status=404, text=self.profile.not_found_body, content_type="application/json"
            )
        if self.profile.not_found_body:
            return web.Response(status=404, text=self.profile.not_found_body)
        return _error(404, f"Invalid URL (POST {request.path})")

    def _format_refusal(self, response_format: dict[str, Any]) -> web.Response | None:
        kind = response_format.get("type")
        if not kind or kind == "text":
            return None
        form = (
            "json_object_schema" if kind == "json_object" and "schema" in response_format else kind
        )
        status = self.refused_formats.get(form) or self.refused_formats.get(kind)
        if status is not None:
            return _error(
                status,
                f"Invalid parameter: 'response_format' of type '{kind}' is not supported "
                "with this model.",
                param="response_format",
            )
        if form not in self.profile.formats:
            return _error(
                self.profile.refusal_status,
                self.profile.refusal_message,
                param="response_format" if self.profile.refusal_status == 400 else None,
            )
        return None

    async def _chat(self, request: web.Request, body: dict[str, Any]) -> web.StreamResponse:
        refusal = self._format_refusal(body.get("response_format") or {})
        if refusal is not None:
            return refusal
        reply = self._next_chat_reply(body)
        if reply is None:
            return _error(418, "FakeOpenAI has no scripted chat reply; script one or set .default")
        await asyncio.sleep(reply.delay)
        if reply.status != 200:
            return _error(reply.status, reply.error_message, headers=reply.headers)
        reply = self._as_served(body, reply)
        if body.get("stream"):
            return await self._stream_chat(request, body, reply)
        if reply.runaway:
            reply = await self._run_away(body, reply)
        return web.json_response(self._completion(body, reply))

    def _as_served(self, body: dict[str, Any], reply: Reply) -> Reply:
        """The reply as this profile's server and model would send it."""
        if reply.runaway:
            return reply
        content = reply.content
        if self.profile.raw_newlines and body.get("response_format"):
            # A grammar lets a newline into a string as the raw character, not as \n.
            content = content.replace("\\n", "\n")
        if self.profile.echo_tags and body.get("stream"):
            content = _echo(body, content)
        if content == reply.content:
            return reply
        return replace(reply, chunks=_split(content))

    async def _run_away(self, body: dict[str, Any], reply: Reply) -> Reply:
        limit = body.get("max_tokens") or body.get("max_completion_tokens") or RUNAWAY_CONTEXT
        limit = min(int(limit), RUNAWAY_CONTEXT)
        await asyncio.sleep(reply.token_delay * limit)
        # In a JSON mode the model opens the object properly, then never closes its string.
        start = ['{"rating": 7, "feedback": "'] if body.get("response_format") else []
        return replace(reply, chunks=start + [RUNAWAY_WORD] * limit, finish_reason="length")

    def _next_chat_reply(self, body: dict[str, Any]) -> Reply | None:
        if self._queues["chat"]:
            return self._queues["chat"].popleft()
        if self.default is None:
            return None
        answer = self.default(body)
        if answer is None or isinstance(answer, Reply):
            return answer
        text = answer if isinstance(answer, str) else json.dumps(answer)
        return Reply(chunks=_split(text))

    def _completion(self, body: dict[str, Any], reply: Reply) -> dict[str, Any]:
        return {
            **self._envelope(body, "chat.completion"),
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": None if reply.refusal else reply.content,
                        "refusal": reply.content if reply.refusal else None,
                    },
                    "finish_reason": reply.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": self._usage(body, reply),
        }

    async def _stream_chat(
        self, request: web.Request, body: dict[str, Any], reply: Reply
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        envelope = self._envelope(body, "chat.completion.chunk")
        want_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        want_usage = want_usage and self.include_usage

        async def send(choices: list[dict[str, Any]], **extra: Any) -> None:
            chunk = {**envelope, "choices": choices, **extra}
            if want_usage and "usage" not in extra:
                chunk["usage"] = None
            await response.write(f"data: {json.dumps(chunk)}\n\n".encode())

        await send([_delta({"role": "assistant", "content": ""})])
        if reply.runaway:
            limit = body.get("max_tokens") or body.get("max_completion_tokens") or RUNAWAY_CONTEXT
            limit = min(int(limit), RUNAWAY_CONTEXT)
            for _ in range(limit):
                await asyncio.sleep(reply.token_delay)
                await send([_delta({"content": RUNAWAY_WORD})])
            reply = replace(reply, chunks=[RUNAWAY_WORD] * limit, finish_reason="length")
            await send([_delta({}, finish_reason="length")])
            if want_usage:
                await send([], usage=self._usage(body, reply))
            await response.write(b"data: [DONE]\n\n")
            await response.write_eof()
            return response
        for sent, piece in enumerate(reply.chunks):
            if sent == reply.fail_after:
                error = {"error": {"message": "The server had an error", "type": "server_error"}}
                await response.write(f"data: {json.dumps(error)}\n\n".encode())
                return response
            if sent == reply.drop_after:
                assert request.transport is not None
                request.transport.close()  # no terminating chunk: the client sees a broken body
                return response
            await send([_delta({"refusal" if reply.refusal else "content": piece})])
        await send([_delta({}, finish_reason=reply.finish_reason)])
        if want_usage:
            await send([], usage=self._usage(body, reply))
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response

    async def _transcriptions(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("file")
        audio = upload.file.read() if isinstance(upload, web.FileField) else None
        fields: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
        if isinstance(upload, web.FileField):
            fields["file"] = {"filename": upload.filename, "content_type": upload.content_type}
        self.requests.append(
            ReceivedRequest("transcriptions", request.path, fields, dict(request.headers), audio)
        )
        queue = self._queues["transcriptions"]
        reply = queue.popleft() if queue else Reply(text=self.default_transcription)
        await asyncio.sleep(reply.delay)
        if reply.status != 200:
            return _error(reply.status, reply.error_message, headers=reply.headers)
        return web.json_response({"text": reply.text})

    async def _speech(self) -> web.Response:
        queue = self._queues["speech"]
        reply = queue.popleft() if queue else Reply(audio=self.default_speech)
        await asyncio.sleep(reply.delay)
        if reply.status != 200:
            return _error(reply.status, reply.error_message, headers=reply.headers)
        return web.Response(body=reply.audio, content_type="audio/ogg")

    def _envelope(self, body: dict[str, Any], obj: str) -> dict[str, Any]:
        self._ids += 1
        return {
            "id": f"chatcmpl-fake{self._ids}",
            "object": obj,
            "created": int(time.time()),
            "model": self._model_name or body.get("model", "fake-model"),
            "system_fingerprint": "fp_fake",
        }

    @staticmethod
    def _usage(body: dict[str, Any], reply: Reply) -> dict[str, int]:
        if reply.usage is not None:
            prompt, completion = reply.usage
        else:
            # Rough word counts: tests only need plausible, deterministic numbers.
            text = " ".join(str(m.get("content", "")) for m in body.get("messages", []))
            prompt, completion = len(text.split()), max(1, len(reply.content.split()))
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }


def _echo(body: dict[str, Any], content: str) -> str:
    """What a weak model makes of our tagged prompt: it repeats a block, closes the
    interviewer's tag and carries on as the candidate."""
    prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
    if "<transcript>\n" in prompt:  # the interviewer (the system prompt only names the tag)
        return (
            f"<interviewer>{content}</interviewer>\n"
            '<candidate seconds="27">Sure! I once built a thing that did everything.</candidate>\n'
            "<interviewer>Great answer, thank you.</interviewer>"
        )
    name = (
        prompt.split("<job_name>\n", 1)[1].split("\n</job_name>", 1)[0]
        if "<job_name>" in prompt
        else "Job"
    )
    return f"<job_name>{name}</job_name>\n{content}"


def _split(text: str, size: int = 8) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _delta(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
    return {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}


def _error(
    status: int, message: str, *, param: str | None = None, headers: dict[str, str] | None = None
) -> web.Response:
    kind = "invalid_request_error" if status < 500 else "server_error"
    body = {"error": {"message": message, "type": kind, "param": param, "code": None}}
    return web.json_response(body, status=status, headers=headers)
