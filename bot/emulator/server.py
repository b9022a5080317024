"""An in-process stand-in for the Telegram Bot API, for tests and the console mode.

The real python-telegram-bot `Application` talks to it through `EmulatorRequest` (a
`BaseRequest`), so our handlers run unchanged. It refuses what Telegram refuses, with Telegram's
error texts, and keeps each chat as the user sees it (messages, edits, keyboards).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import math
import time
from collections.abc import Callable
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.emulator.files import FilesAPI
from bot.emulator.payments import PaymentsAPI
from bot.emulator.spec import BotAPISpec, load_spec
from bot.emulator.types import (
    BOT_USER,
    FAULT_KINDS,
    MAX_CALLBACK_DATA,
    MAX_TEXT,
    APIError,
    CallRecord,
    ChatMessage,
    Fault,
    entity_dict,
    error_reply,
    server_error,
)
from bot.telegram_html import TelegramHTMLError, parse_html, utf16_len

log = logging.getLogger(__name__)


class BotAPIEmulator(FilesAPI, PaymentsAPI):
    def __init__(self, spec: BotAPISpec | None = None, *, token: str = "123:EMULATED") -> None:
        self.spec = spec if spec is not None else load_spec()
        self.token = token
        self.chats: dict[int, list[ChatMessage]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.groups: dict[int, dict[str, Any]] = {}  # group chats by id (see EmulatedUser.send)
        self.pressed: list[str] = []  # callback query ids users sent, to check all were answered
        self.blocked: set[int] = set()
        self.rewrites = 0  # text edits so far (a user sees a rewritten message as news)
        self.calls: list[CallRecord] = []
        self.violations: list[str] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.pre_checkout_answers: dict[str, dict[str, Any]] = {}
        self.drafts: dict[int, str] = {}
        self.drafts_enabled = True  # False: sendMessageDraft is refused, as by an older server
        self.chat_actions: list[tuple[int, str]] = []
        self.refunds: list[dict[str, Any]] = []
        # Payments: invoices by message id, invoice links by URL, pre-checkout queries issued
        # (id -> query), and charges made (charge id -> what was paid, by whom)
        self.invoices: dict[int, dict[str, Any]] = {}
        self.invoice_links: dict[str, dict[str, Any]] = {}
        self.pre_checkout_queries: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self._payment_ids = itertools.count(1)
        self.files: dict[str, dict[str, Any]] = {}
        self.flood_limit: tuple[int, float] | None = None  # (calls, seconds) per chat
        self.flood_errors = 0  # 429s answered
        # Chats Telegram paces harder: chat -> (calls, seconds, retry_after); see `pace`.
        self.paced: dict[int, tuple[int, float, int]] = {}
        self._flood_until: dict[int | None, float] = {}  # told to wait until (None: bot-wide)
        self.faults: list[Fault] = []  # scripted failures, see `fail`
        self.injected: list[tuple[str, str]] = []  # (method, kind) of each fault that happened
        self.listeners: list[Callable[[str, ChatMessage], None]] = []
        self.cpu_seconds = 0.0  # spent answering calls: Telegram's work, not the bot's
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self.pushed = 0
        self._arrived = asyncio.Condition()
        self._chat_calls: dict[int, list[float]] = {}

    # ----- the user's side ---------------------------------------------------------------
    def request(self) -> EmulatorRequest:
        return EmulatorRequest(self)

    async def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        started = time.thread_time()
        update = {"update_id": next(self._update_ids), **update}
        async with self._arrived:
            self._updates.append(update)
            self.pushed += 1
            self._arrived.notify_all()
        self.cpu_seconds += time.thread_time() - started
        return update

    def new_message_id(self) -> int:
        return next(self._message_ids)

    def add_message(self, message: ChatMessage) -> ChatMessage:
        self.chats.setdefault(message.chat_id, []).append(message)
        self._notify("new", message)
        return message

    def add_file(self, content: bytes, *, kind: str, **meta: Any) -> dict[str, Any]:
        number = next(self._file_ids)
        file_id = f"F{number:06d}{kind[:3]}"
        self.files[file_id] = {"content": content, "path": f"{kind}s/file_{number}", **meta}
        return {
            "file_id": file_id,
            "file_unique_id": f"U{number:06d}",
            "file_size": meta.pop("reported_size", len(content)),
            **meta,
        }

    def group_chat(self, chat_id: int, title: str = "Study group") -> dict[str, Any]:
        """A group chat the bot is in (negative ids, as Telegram's)."""
        return self.groups.setdefault(chat_id, {"id": chat_id, "type": "group", "title": title})

    def private_chat(self, user_id: int) -> dict[str, Any]:
        user = self.users.get(user_id, {"first_name": "User"})
        chat = {"id": user_id, "type": "private", "first_name": user.get("first_name", "User")}
        if user.get("username"):
            chat["username"] = user["username"]
        return chat

    def _notify(self, event: str, message: ChatMessage) -> None:
        for listener in list(self.listeners):
            listener(event, message)

    # ----- the bot's side ----------------------------------------------------------------
    async def call(
        self,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes, str | None]] | None = None,
    ) -> Any:
        record = CallRecord(method, params, time.monotonic())
        self.calls.append(record)
        try:
            problems = self.spec.check(method, params)
            if problems:
                self.violations.extend(problems)
                raise APIError("Bad Request: " + "; ".join(problems))
            handler = getattr(self, f"api_{method.lower()}", None)
            if handler is None:
                self.violations.append(f"emulator does not implement {method}")
                raise APIError(f"Not Found: method {method} is not emulated", code=404)
            self._check_flood(method, params)
            return await handler({**params, "_files": files or {}})
        except APIError as exc:
            record.error = exc.description
            raise

    # ----- flood limits and failures, as tests and the bench script them ----------------
    def pace(
        self, chat_id: int, calls: int = 1, seconds: float = 5.0, retry_after: int = 5
    ) -> None:
        """Telegram pacing one chat: more than `calls` in `seconds` gets 429 "retry after
        `retry_after`", and every call to that chat before the wait is over gets 429 too."""
        self.paced[chat_id] = (calls, seconds, retry_after)

    def flood_everything(self, retry_after: int) -> None:
        """A bot-wide 429: every call (with or without a chat) refused for `retry_after` s."""
        self._flood_until[None] = time.monotonic() + retry_after

    def fail(
        self,
        method: str,
        kind: str,
        *,
        times: int = 1,
        status: int = 500,
        chat_id: int | None = None,
    ) -> None:
        """Make the next `times` calls of `method` (to `chat_id`, if given) fail.

        kind: "status" — Telegram (or its proxy) answers HTTP `status` (500: Telegram's JSON
        error; 502, 503, 504: the proxy's HTML page), nothing done; "refused" — connection
        refused; "reset" — connection reset while the request is written (both: Telegram
        never sees the call); "dropped" — the call is carried out, then the connection drops
        before the answer; "timeout" — carried out, but the answer comes too late.
        The last two leave the bot unsure whether the call went through.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}")
        self.faults.append(Fault(method, kind, times, status, chat_id))

    def take_fault(self, method: str, params: dict[str, Any], kinds: frozenset[str]) -> str | None:
        for fault in self.faults:
            if fault.method != method or fault.kind not in kinds:
                continue
            if fault.chat_id is not None and params.get("chat_id") != fault.chat_id:
                continue
            fault.times -= 1
            if fault.times <= 0:
                self.faults.remove(fault)
            self.injected.append((method, fault.kind))
            return fault.kind if fault.kind != "status" else str(fault.status)
        return None

    def _check_flood(self, method: str, params: dict[str, Any]) -> None:
        chat_id = params.get("chat_id")
        now = time.monotonic()
        for key in (None, chat_id):
            left = self._flood_until.get(key, 0) - now
            if left > 0:
                self._too_many(math.ceil(left))
        if not isinstance(chat_id, int) or method.startswith("get"):
            return
        if chat_id in self.paced:
            calls, seconds, retry_after = self.paced[chat_id]
        elif self.flood_limit is not None:
            (calls, seconds), retry_after = self.flood_limit, 1
        else:
            return
        recent = [t for t in self._chat_calls.get(chat_id, []) if now - t < seconds]
        if len(recent) >= calls:
            if chat_id in self.paced:
                self._flood_until[chat_id] = now + retry_after
            self._too_many(retry_after)
        self._chat_calls[chat_id] = [*recent, now]

    def _too_many(self, retry_after: int) -> None:
        self.flood_errors += 1
        raise APIError(
            f"Too Many Requests: retry after {retry_after}", code=429, retry_after=retry_after
        )

    def _chat(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int) or (
            chat_id not in self.users and chat_id not in self.groups
        ):
            raise APIError("Bad Request: chat not found")
        if chat_id in self.blocked:
            raise APIError("Forbidden: bot was blocked by the user", code=403)
        return chat_id

    def _find(self, chat_id: int, message_id: Any, verb: str) -> ChatMessage:
        for message in self.chats.get(chat_id, []):
            if message.message_id == message_id and not message.deleted:
                return message
        raise APIError(f"Bad Request: message to {verb} not found")

    def _sent(self, message: ChatMessage) -> dict[str, Any]:
        self.add_message(message)
        return message.to_api(self.private_chat(message.chat_id), BOT_USER)

    # Formatting ------------------------------------------------------------------------
    def _format(
        self, params: dict[str, Any], key: str, limit: int, *, empty_ok: bool = False
    ) -> tuple[str, list[dict[str, Any]], str | None]:
        raw = params.get(key) or ""
        mode = params.get("parse_mode")
        if mode is None:
            text, entities = (
                raw,
                list(params.get(f"{'caption_' if key == 'caption' else ''}entities") or []),
            )
        elif str(mode).upper() == "HTML":
            try:
                text, parsed = parse_html(raw)
            except TelegramHTMLError as exc:
                raise APIError(f"Bad Request: {exc}") from None
            entities = [entity_dict(e) for e in parsed]
        else:
            self.violations.append(f"parse mode {mode!r} is not used by this bot")
            raise APIError(f"Bad Request: unsupported parse_mode {mode}")
        if not text.strip() and not empty_ok:
            raise APIError(f"Bad Request: message {'text' if key == 'text' else key} is empty")
        if utf16_len(text) > limit:
            raise APIError(
                "Bad Request: message is too long"
                if key == "text"
                else "Bad Request: message caption is too long"
            )
        return text, entities, (raw if mode else None)

    def _markup(self, params: dict[str, Any], *, invoice: bool = False) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not markup:
            return None
        for r, row in enumerate(markup.get("inline_keyboard", [])):
            for c, button in enumerate(row):
                if button.get("pay") and not (invoice and r == 0 and c == 0):
                    raise APIError("Bad Request: BUTTON_TYPE_INVALID")
                if not str(button.get("text", "")).strip():
                    raise APIError("Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not (1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA):
                    raise APIError("Bad Request: BUTTON_DATA_INVALID")
        return markup

    # Methods ---------------------------------------------------------------------------
    async def api_getme(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def api_deletewebhook(self, params: dict[str, Any]) -> Any:
        return True

    async def api_setwebhook(self, params: dict[str, Any]) -> Any:
        return True

    async def api_close(self, params: dict[str, Any]) -> Any:
        return True

    async def api_getupdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        async with self._arrived:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._arrived.wait(), timeout=min(timeout, 1.0))
            return self._updates[:limit]

    @staticmethod
    def _menu_key(params: dict[str, Any]) -> str:
        """A menu is kept per scope and language: `{"type": "default"}`, and with
        `"language_code"` added for a language's own menu."""
        scope = dict(params.get("scope") or {"type": "default"})
        if params.get("language_code"):
            scope["language_code"] = params["language_code"]
        return json.dumps(scope, sort_keys=True)

    async def api_setmycommands(self, params: dict[str, Any]) -> Any:
        self.commands[self._menu_key(params)] = list(params["commands"])
        return True

    async def api_deletemycommands(self, params: dict[str, Any]) -> Any:
        self.commands.pop(self._menu_key(params), None)
        return True

    async def api_getmycommands(self, params: dict[str, Any]) -> Any:
        return self.commands.get(self._menu_key(params), [])

    async def api_sendchataction(self, params: dict[str, Any]) -> Any:
        self.chat_actions.append((self._chat(params), params["action"]))
        return True

    async def api_sendmessage(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        text, entities, html = self._format(params, "text", MAX_TEXT)
        markup = self._markup(params)
        return self._sent(
            ChatMessage(self.new_message_id(), chat_id, True, text, html, entities, markup)
        )

    async def api_sendmessagedraft(self, params: dict[str, Any]) -> Any:
        if not self.drafts_enabled:
            raise APIError("Not Found", code=404)  # Telegram's reply to an unknown method
        chat_id = self._chat(params)
        if not params.get("draft_id"):
            raise APIError("Bad Request: draft_id must be non-zero")
        text, _, _ = self._format(params, "text", MAX_TEXT, empty_ok=True)
        self.drafts[chat_id] = text
        return True

    async def api_editmessagetext(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        message = self._find(chat_id, params.get("message_id"), "edit")
        text, entities, html = self._format(params, "text", MAX_TEXT)
        markup = self._markup(params)
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise APIError(
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message"
            )
        message.text, message.entities, message.html, message.reply_markup = (
            text,
            entities,
            html,
            markup,
        )
        message.edits += 1
        self.rewrites += 1
        message.rewritten = self.rewrites
        self._notify("edit", message)
        return message.to_api(self.private_chat(chat_id), BOT_USER)

    async def api_editmessagereplymarkup(self, params: dict[str, Any]) -> Any:
        chat_id = self._chat(params)
        message = self._find(chat_id, params.get("message_id"), "edit")
        markup = self._markup(params)
        if markup == message.reply_markup:
            raise APIError(
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message"
            )
        message.reply_markup = markup
        message.edits += 1
        self._notify("edit", message)
        return message.to_api(self.private_chat(chat_id), BOT_USER)

    async def api_deletemessage(self, params: dict[str, Any]) -> Any:
        message = self._find(self._chat(params), params.get("message_id"), "delete")
        message.deleted = True
        self._notify("delete", message)
        return True

    async def api_answercallbackquery(self, params: dict[str, Any]) -> Any:
        query_id = params["callback_query_id"]
        if query_id in self.callback_answers or not query_id.startswith("cq"):
            raise APIError(
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        self.callback_answers[query_id] = params
        return True

    # Transport-independent entry (in-process request or HTTP) ---------------------------
    async def dispatch(
        self,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes, str | None]] | None = None,
    ) -> tuple[int, bytes]:
        """Answer one Bot API call as Telegram would: (HTTP status, JSON body)."""
        if files:
            # Files travel as multipart parts referenced by "attach://<name>" (or by name).
            params = {
                k: v
                for k, v in params.items()
                if not (isinstance(v, str) and v.startswith("attach://"))
            }
            params = {**params, **dict.fromkeys(files, "<file>")}
        status = self.take_fault(method, params, frozenset({"status"}))
        if status is not None:
            return server_error(int(status))
        # Telegram's share of the CPU, for the bench: every call but getUpdates' wait for
        # updates (no other call suspends, so nothing else runs in between).
        started = time.thread_time()
        try:
            result = await self.call(method, params, files or {})
            if method.lower() == "getupdates":
                started = time.thread_time()
            return 200, json.dumps({"ok": True, "result": result}).encode()
        except APIError as exc:
            return error_reply(exc)
        finally:
            self.cpu_seconds += time.thread_time() - started

    def serve_file(self, url: str) -> tuple[int, bytes]:
        try:
            return 200, self.download(url)
        except APIError as exc:
            return error_reply(exc)

    # What tests read --------------------------------------------------------------------
    def chat(self, chat_id: int) -> list[ChatMessage]:
        return [m for m in self.chats.get(chat_id, []) if not m.deleted]


class EmulatorRequest(BaseRequest):
    """python-telegram-bot's network layer, answered by the emulator instead of Telegram."""

    def __init__(self, emulator: BotAPIEmulator) -> None:
        self.emulator = emulator

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            return self.emulator.serve_file(url)
        params = dict(request_data.parameters) if request_data else {}
        files: dict[str, tuple[str, bytes, str | None]] = {}
        if request_data and request_data.multipart_data:
            for name, value in request_data.multipart_data.items():
                filename, content, mime = value if len(value) == 3 else (value[0], value[1], None)
                if hasattr(content, "read"):
                    content = content.read()
                files[name] = (filename, content, mime)
        method = url.rsplit("/", 1)[-1]
        emulator = self.emulator
        # Transport failures, raised as python-telegram-bot's HTTPXRequest raises them.
        before = emulator.take_fault(method, params, frozenset({"refused", "reset"}))
        if before == "refused":
            raise _as_httpx_request(httpx.ConnectError("[Errno 111] Connection refused"))
        if before == "reset":
            raise _as_httpx_request(httpx.WriteError("[Errno 104] Connection reset by peer"))
        after = emulator.take_fault(method, params, frozenset({"dropped", "timeout"}))
        answer = await emulator.dispatch(method, params, files)
        if after == "dropped":
            raise _as_httpx_request(
                httpx.RemoteProtocolError("Server disconnected without sending a response.")
            )
        if after == "timeout":
            raise _as_httpx_request(httpx.ReadTimeout("The read operation timed out"))
        return answer


def _as_httpx_request(error: httpx.HTTPError) -> NetworkError:
    """What `telegram.request.HTTPXRequest.do_request` raises for an httpx error
    (`raise TimedOut from error`, or `raise NetworkError("httpx.<Name>: …") from error`)."""
    if isinstance(error, httpx.TimeoutException):
        wrapped: NetworkError = TimedOut()
    else:
        wrapped = NetworkError(f"httpx.{error.__class__.__name__}: {error}")
    wrapped.__cause__ = error
    return wrapped
