"""Voice answers: size and length checks from what Telegram reports, download, transcribe,
echo back."""

from __future__ import annotations

from telegram import Message

from bot.ai.errors import AIUnavailableError
from bot.context import CoachContext
from handlers.kit.errors import ai_reason
from handlers.kit.replies import reply
from handlers.kit.streaming import typing

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # bots may not download larger files
MAX_DURATION_SECONDS = 5 * 60  # an answer, not a lecture: longer ones aren't transcribed


async def transcribe_voice(message: Message, context: CoachContext) -> str | None:
    """The words of a voice note, shown back to the user; None (user told why) otherwise."""
    voice = message.voice or message.audio
    if voice is None:
        return None
    gateway = context.services.gateway
    t = context.texts
    if not gateway.has_speech:
        await reply(message, t("kit-voice-unavailable"))
        return None
    # Seconds as Telegram sent them (PTB's `duration` attribute is changing type).
    refusal = _refusal(voice.file_size, voice.to_dict().get("duration"))
    if refusal:
        await reply(message, t(refusal, minutes=MAX_DURATION_SECONDS // 60))
        return None
    try:
        async with typing(context, message.chat_id):
            file = await voice.get_file()
            audio = bytes(await file.download_as_bytearray())
            text = (await gateway.transcribe(audio, voice.mime_type or "audio/ogg")).strip()
    except AIUnavailableError as exc:
        await reply(message, t("kit-voice-failed", reason=ai_reason(t, exc)))
        return None
    if not text:
        await reply(message, t("kit-voice-empty"))
        return None
    await reply(message, t("kit-voice-heard", text=text))
    return text


def _refusal(file_size: int | None, duration: int | None) -> str | None:
    """Why a recording isn't fetched (a catalogue key), judged from what Telegram reports
    before downloading: a size it doesn't report (nothing bounds the download), over 20 MB, or
    over the length cap."""
    if file_size is None:
        return "kit-voice-size-unknown"
    if file_size > MAX_DOWNLOAD_BYTES:
        return "kit-voice-too-large"
    if duration is not None and duration > MAX_DURATION_SECONDS:
        return "kit-voice-too-long"
    return None
