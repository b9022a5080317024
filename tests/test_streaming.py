"""Streaming a model's reply through the emulator: by throttled edits when drafts are refused,
and long emoji-heavy replies (Telegram measures text in UTF-16 units; an emoji is two)."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator, ChatMessage
from bot.emulator.types import CallRecord
from bot.telegram_html import utf16_len
from handlers.kit.streaming import PREVIEW_LIMIT
from models import JobInfo, Question
from tests.conftest import model_settings, run_harness_clean
from tests.fake_openai import FakeOpenAI, Reply
from tests.helpers import new_job


class PacedOpenAI(FakeOpenAI):
    """The fake server, sending the stream deltas `pace` seconds apart, as a model writes."""

    pace = 0.1

    async def _stream_chat(
        self, request: web.Request, body: dict[str, Any], reply: Reply
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        envelope = self._envelope(body, "chat.completion.chunk")

        async def send(delta: dict[str, Any], finish_reason: str | None = None) -> None:
            choice = {"index": 0, "delta": delta, "finish_reason": finish_reason}
            chunk = {**envelope, "choices": [choice]}
            await response.write(f"data: {json.dumps(chunk)}\n\n".encode())

        await send({"role": "assistant", "content": ""})
        for piece in reply.chunks:
            await send({"content": piece})
            await asyncio.sleep(self.pace)
        await send({}, finish_reason=reply.finish_reason)
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


@asynccontextmanager
async def practising_hard(
    database_url: str,
    tmp_path: Path,
    emulator: BotAPIEmulator,
    chunks: list[str],
    *,
    name: str = "Ada",
    wait: bool = True,
) -> AsyncIterator[tuple[BotHarness, EmulatedUser, JobInfo]]:
    """A user who asked for a Hard question while a paced model writes `chunks`."""
    async with PacedOpenAI() as fake:
        fake.reply_text(chunks)
        settings = model_settings(database_url, tmp_path, fake)
        async with run_harness_clean(settings, emulator) as bot:
            user = bot.user(name)
            job = await new_job(user)
            await user.send("/practice")
            await user.click("Hard", wait=wait)
            yield bot, user, job


def calls(emulator: BotAPIEmulator, method: str) -> list[CallRecord]:
    return [c for c in emulator.calls if c.method == method]


def previews(emulator: BotAPIEmulator, chat_id: int, start: str) -> list[ChatMessage]:
    every = emulator.chats.get(chat_id, [])
    return [m for m in every if m.from_bot and m.text.startswith(start)]


async def test_without_drafts_one_message_is_edited_once_a_second_then_replaced(
    database_url: str, tmp_path: Path
) -> None:
    words = [f"word{i} " for i in range(40)]  # about 4 s of writing
    question = "".join(words).strip()
    emulator = BotAPIEmulator()
    emulator.drafts_enabled = False
    emulator.flood_limit = (20, 1.0)
    async with practising_hard(database_url, tmp_path, emulator, words) as (_bot, user, job):
        final = await user.expect("Hard question", timeout=15)
        stored = await Question.get(job_info_id=job.id)

    [draft] = calls(emulator, "sendMessageDraft")  # tried once, refused, not again
    assert draft.error == "Not Found"
    [preview] = previews(emulator, user.id, "word0")
    assert preview.deleted and preview.edits >= 2
    shown = [c for c in calls(emulator, "sendMessage") if str(c.params["text"]) == "word0"]
    edited = calls(emulator, "editMessageText")
    edits = [c for c in edited if c.params["message_id"] == preview.message_id]
    assert len(shown) == 1 and len(edits) == preview.edits
    times = [shown[0].at, *(c.at for c in edits)]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.95, gaps  # at most about once a second
    assert all(c.error is None for c in edits)
    assert not [c for c in emulator.calls if c.error and "not modified" in c.error]
    assert emulator.flood_errors == 0

    # the final question is written over the difficulty prompt; the preview is gone
    assert final.message_id != preview.message_id and question in final.text
    assert [m for m in user.chat if m.from_bot and "word0" in m.text] == [final]
    assert stored.text == question


@pytest.mark.parametrize("drafts", [True, False], ids=["drafts", "edits"])
async def test_a_long_emoji_stream_is_previewed_within_telegrams_limit(
    database_url: str, tmp_path: Path, drafts: bool
) -> None:
    chunk = "🙂" * 300  # 300 characters, 600 UTF-16 units
    chunks = [chunk] * 20  # 6,000 emoji: 12,000 units, about 2 s of writing
    emulator = BotAPIEmulator()
    emulator.drafts_enabled = drafts
    async with practising_hard(database_url, tmp_path, emulator, chunks) as (bot, user, job):
        await user.expect("Hard question", timeout=15)
        await bot.idle()
        stored = await Question.get(job_info_id=job.id)

    assert not [c for c in emulator.calls if c.error and "too long" in c.error]
    shown = [  # previews are plain text; the final message is HTML
        str(c.params["text"])
        for c in emulator.calls
        if c.method in ("sendMessageDraft", "sendMessage", "editMessageText")
        and "parse_mode" not in c.params
        and "🙂" in str(c.params["text"])
    ]
    longest = max(shown, key=utf16_len)
    assert utf16_len(longest) > 4096 // 2  # a preview longer than the emoji count allows
    assert utf16_len(longest) <= PREVIEW_LIMIT + 2 and longest.endswith("🙂 …")
    if drafts:
        # previews by draft only; the one edit is the final question written over the prompt
        preview_edits = [
            c for c in calls(emulator, "editMessageText") if "parse_mode" not in c.params
        ]
        assert calls(emulator, "sendMessageDraft") and not preview_edits
    assert stored.text == "".join(chunks)
    final = [m for m in user.chat if m.from_bot and "🙂" in m.text]
    assert "".join(m.text for m in final).count("🙂") == len(chunks) * len(chunk)


async def test_closing_a_text_stream_closes_the_models_stream() -> None:
    """When showing a reply fails half-way, the model's stream is closed at once."""
    from bot.ai.streams import TextStream

    closed: list[bool] = []

    async def deltas() -> Any:
        try:
            yield "What is "
            await asyncio.sleep(30)
            yield "never read"
        finally:
            closed.append(True)

    stream = TextStream(deltas())
    iterator = aiter(stream)
    assert await anext(iterator) == "What is "
    await iterator.aclose()  # type: ignore[attr-defined]
    await stream.aclose()
    assert closed == [True]


async def test_a_user_who_blocks_the_bot_mid_stream_gets_nothing_saved(
    database_url: str, tmp_path: Path
) -> None:
    emulator = BotAPIEmulator()
    emulator.drafts_enabled = False  # the preview is a message, so the block is felt at once
    words = [f"word{i} " for i in range(30)]
    async with practising_hard(
        database_url, tmp_path, emulator, words, name="Gone", wait=False
    ) as (bot, user, job):
        for _ in range(100):  # until the preview appears
            if previews(emulator, user.id, "word0"):
                break
            await asyncio.sleep(0.02)
        user.block_bot()
        await bot.idle()
        assert await Question.filter(job_info_id=job.id).count() == 0
