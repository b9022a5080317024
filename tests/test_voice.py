"""Voice answers: what Telegram reports about a recording (size, length) is checked before
anything is downloaded or sent to the model."""

from __future__ import annotations

import time

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from handlers.kit.voice import MAX_DOWNLOAD_BYTES, MAX_DURATION_SECONDS
from models import Question
from models.answers import Answer
from tests.fake_openai import FAKE_OGG, FakeOpenAI
from tests.helpers import new_job

ANSWER = (
    "A closure is an inner function that keeps references to variables of the enclosing "
    "function scope, so it can still use them after the outer function has returned."
)
GRADE = {
    "rating": 7,
    "feedback": "Clear; mention late binding in loops.",
    "model_answer": "A closure is a function object that remembers values in enclosing scopes.",
}


async def asked(bot: BotHarness, fake: FakeOpenAI) -> tuple[EmulatedUser, Question]:
    """A user with a practice question from the model, waiting for the answer."""
    fake.reply_text("What is a closure in Python?")
    user = bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    await user.click("Easy")
    prompt = await user.expect("closure")
    assert "voice message" in prompt.text  # the backend can transcribe
    return user, await Question.get(job_info_id=job.id)


def nothing_fetched(bot: BotHarness, fake: FakeOpenAI) -> bool:
    return not any(c.method == "getFile" for c in bot.emulator.calls) and not any(
        r.endpoint == "transcriptions" for r in fake.requests
    )


async def test_recordings_over_20_mb_or_5_minutes_are_refused_before_download(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user, question = await asked(model_bot, fake)

    await user.send_voice(FAKE_OGG, duration=60, reported_size=MAX_DOWNLOAD_BYTES + 1)
    refused = await user.expect("over 20 MB")
    assert "type your answer" in refused.text

    await user.send_voice(FAKE_OGG, duration=MAX_DURATION_SECONDS + 1)
    refused = await user.expect("over 5 minutes")
    assert "type your answer" in refused.text

    assert nothing_fetched(model_bot, fake)
    assert await Answer.filter(question_id=question.id).count() == 0

    # At the limits it is fetched, transcribed and graded.
    fake.reply_transcription(ANSWER)
    fake.reply_json(GRADE)
    await user.send_voice(FAKE_OGG, duration=MAX_DURATION_SECONDS, reported_size=len(FAKE_OGG))
    await user.expect("I heard")
    await user.expect("Rating: 7/10")
    assert (await Answer.get(question_id=question.id)).text == ANSWER


async def test_a_recording_of_unknown_size_is_not_downloaded(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    """Voice.file_size is optional in the Bot API: without it nothing bounds the download."""
    user, question = await asked(model_bot, fake)
    emulator = model_bot.emulator
    voice = emulator.add_file(FAKE_OGG, kind="voice", duration=5, mime_type="audio/ogg")
    del voice["file_size"]
    await emulator.push_update(
        {
            "message": {
                "message_id": emulator.new_message_id(),
                "date": int(time.time()),
                "chat": emulator.private_chat(user.id),
                "from": user.profile,
                "voice": voice,
            }
        }
    )
    await model_bot.idle()
    assert "didn't tell me how big that recording is" in user.last.text
    assert nothing_fetched(model_bot, fake)
    assert await Answer.filter(question_id=question.id).count() == 0
