"""Question drill with a model (the fake OpenAI server), end to end through the emulator:
the issue's path (Easy by text, then Medium by voice, each rating stored) and Try again
(a second answer to the same question; the past questions show the best rating)."""

from __future__ import annotations

import re

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import ChatMessage
from models import Question
from models.answers import Answer
from tests.fake_openai import FAKE_OGG, FakeOpenAI
from tests.helpers import new_job

EASY_QUESTION = "What is the difference between a list and a tuple in Python?"
MEDIUM_QUESTION = "How does the GIL affect multithreaded CPU-bound code in CPython?"
TEXT_ANSWER = (
    "A list is mutable and can grow or shrink, while a tuple is immutable, so it is hashable "
    "when its items are and can be used as a dictionary key."
)
VOICE_ANSWER = (
    "Only one thread runs Python bytecode at a time, so CPU-bound threads don't run in "
    "parallel; use multiprocessing or native extensions that release the GIL."
)


def grade(rating: int, feedback: str) -> dict[str, object]:
    return {
        "rating": rating,
        "feedback": feedback,
        "model_answer": f"Model answer number {rating}: the reference explanation.",
    }


def texts(messages: list[ChatMessage]) -> str:
    return "\n".join(m.text for m in messages)


async def test_easy_by_text_then_medium_by_voice_stores_both_ratings(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    await user.expect("Choose a difficulty")

    # Easy question, answered by text.
    fake.reply_text(EASY_QUESTION)
    await user.click("Easy")
    asked = await user.expect("Easy question")
    assert "a text or a voice message" in asked.text  # the backend can transcribe
    await user.expect("list and a tuple")
    easy = await Question.get(job_info_id=job.id)
    assert (easy.difficulty, easy.text) == ("easy", EASY_QUESTION)

    fake.reply_json(grade(7, "Right about mutability; mention hashability of items."))
    await user.send(TEXT_ANSWER)
    await user.expect("Correct answer")
    shown = texts(user.since_last_action())
    assert "Rating: 7/10" in shown and "hashability of items" in shown
    assert "Model answer number 7" in shown
    assert "I heard" not in shown  # a typed answer is not echoed back
    assert "Offline mode" not in shown
    first = await Answer.get(question_id=easy.id)
    assert (first.rating, first.text) == (7, TEXT_ANSWER)
    assert "hashability of items" in first.feedback
    grading_prompt = str(fake.chat_bodies[-1]["messages"])
    assert EASY_QUESTION in grading_prompt and TEXT_ANSWER in grading_prompt

    # Next: Medium, answered by voice.
    fake.reply_text(MEDIUM_QUESTION)
    await user.click("Medium")
    await user.expect("Medium question")
    await user.expect("GIL affect")
    medium = await Question.get(job_info_id=job.id, difficulty="medium")
    assert medium.text == MEDIUM_QUESTION
    assert EASY_QUESTION in str(fake.chat_bodies[-1]["messages"])  # earlier question passed on

    fake.reply_transcription(VOICE_ANSWER)
    fake.reply_json(grade(9, "Clear and complete; multiprocessing is the right remedy."))
    await user.send_voice(FAKE_OGG)
    heard = await user.expect("I heard")
    assert VOICE_ANSWER in heard.text
    await user.expect("Correct answer")
    shown = texts(user.since_last_action())
    assert "Rating: 9/10" in shown and "multiprocessing is the right remedy" in shown
    assert shown.index("I heard") < shown.index("Rating: 9/10")
    second = await Answer.get(question_id=medium.id)
    assert (second.rating, second.text) == (9, VOICE_ANSWER)  # the transcript is what's stored
    assert fake.requests[-2].audio == FAKE_OGG  # the voice note itself was transcribed

    answers = await Answer.filter(question__job_info_id=job.id).order_by("created_at")
    assert [(a.question_id, a.rating) for a in answers] == [(easy.id, 7), (medium.id, 9)]
    assert all(1 <= a.rating <= 10 for a in answers)
    assert fake.pending("chat") == 0 and fake.pending("transcriptions") == 0


async def test_try_again_stores_another_answer_and_past_questions_show_the_best(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user: EmulatedUser = model_bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    fake.reply_text(EASY_QUESTION)
    await user.click("Easy")
    await user.expect("list and a tuple")
    question = await Question.get(job_info_id=job.id)

    fake.reply_json(grade(4, "Too short: say what immutability buys you."))
    await user.send("Tuples can't change.")
    await user.expect("Rating: 4/10")

    # Try again: the same question, answered a second time.
    fake.reply_json(grade(9, "Complete: mutability, hashability and use as keys."))
    await user.click("🔁 Try again")
    again = await user.expect("Answer again")
    assert "Best so far: 4/10" in again.text and "Easy" in again.text
    await user.expect("list and a tuple")  # the question is shown again
    await user.send(TEXT_ANSWER)
    await user.expect("Rating: 9/10")

    # And a third, weaker try: the best stays 9, not the latest.
    fake.reply_json(grade(6, "Fine, but less complete than before."))
    await user.click("🔁 Try again")
    again = await user.expect("Answer again")
    assert "Best so far: 9/10" in again.text
    await user.send("A list is mutable and a tuple is not.")
    await user.expect("Rating: 6/10")

    assert await Question.filter(job_info_id=job.id).count() == 1  # no new question was made
    answers = await Answer.filter(question_id=question.id).order_by("created_at")
    assert [(a.rating, a.text) for a in answers] == [
        (4, "Tuples can't change."),
        (9, TEXT_ANSWER),
        (6, "A list is mutable and a tuple is not."),
    ]
    assert fake.pending("chat") == 0  # each try was graded once, and no question was generated

    await user.click("📜 Past questions")
    listing = await user.expect("Past questions")
    assert re.search(r"list and a tuple in Python\?\s+Easy · best 9/10", listing.text)
    assert "best 6/10" not in listing.text and "best 4/10" not in listing.text
    assert user.buttons(listing)[0].startswith("1. 9/10 · ")
