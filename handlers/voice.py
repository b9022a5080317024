"""Voice answers: size and length checks from what Telegram reports, download, transcribe,
echo back."""

from __future__ import annotations

from telegram import Message

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from bot.rendering import escape
from handlers.replies import reply
from handlers.streaming import typing

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # bots may not download larger files
MAX_DURATION_SECONDS = 5 * 60  # an answer, not a lecture: longer ones aren't transcribed


async def transcribe_voice(message: Message, context: CoachContext) -> str | None:
    """The words of a voice note, shown back to the user; None (user told why) otherwise."""
    voice = message.voice or message.audio
    if voice is None:
        return None
    gateway = context.services.gateway
    if not gateway.has_speech:
        await reply(
            message,
            "🎙 Voice answers need an AI backend with speech. Please type your answer instead.",
        )
        return None
    # Seconds as Telegram sent them (PTB's `duration` attribute is changing type).
    refusal = _refusal(voice.file_size, voice.to_dict().get("duration"))
    if refusal:
        await reply(message, refusal)
        return None
    try:
        async with typing(context, message.chat_id):
            file = await voice.get_file()
            audio = bytes(await file.download_as_bytearray())
            text = (await gateway.transcribe(audio, voice.mime_type or "audio/ogg")).strip()
    except AIUnavailableError as exc:
        await reply(
            message,
            f"🎙 I couldn't transcribe that: {escape(exc.user_message)} "
            "You can type your answer instead.",
        )
        return None
    if not text:
        await reply(
            message,
            "🎙 I couldn't hear any words in that recording. Please try again or type your answer.",
        )
        return None
    await reply(message, f"🎙 <i>I heard:</i> {escape(text)}")
    return text


def _refusal(file_size: int | None, duration: int | None) -> str | None:
    """Why a recording isn't fetched, judged from what Telegram reports before downloading:
    a size it doesn't report (nothing bounds the download), over 20 MB, or over the length cap."""
    if file_size is None:
        return (
            "🎙 Telegram didn't tell me how big that recording is, so I can't fetch it. "
            "Please record it again or type your answer."
        )
    if file_size > MAX_DOWNLOAD_BYTES:
        return (
            "🎙 That recording is too large for me (over 20 MB). Please send a "
            "shorter one or type your answer."
        )
    if duration is not None and duration > MAX_DURATION_SECONDS:
        return (
            f"🎙 That recording is over {MAX_DURATION_SECONDS // 60} minutes — please keep a "
            "voice answer shorter or type your answer."
        )
    return None
