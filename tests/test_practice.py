"""Question drill through the emulator: offline coach, a model on the fake OpenAI server,
rendering of hostile model output, failures with Retry, double presses, ownership, the schema."""

from __future__ import annotations

import json
import random
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from bot.ai.offline.bank import Bank, load_bank
from bot.ai.offline.skills import named_skills
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from bot.emulator.server import BotAPIEmulator, ChatMessage
from bot.services.jobs import job_context
from bot.services.practice import GRADES_PER_DAY, PREVIOUS_LIMIT
from handlers.kit.entry_buttons import PracticeJob, PracticeList
from handlers.practice.buttons import QuestionButton
from models import JobInfo, Question, User
from models.answers import Answer
from tests.conftest import make_settings, model_settings, run_harness_clean
from tests.fake_openai import FAKE_OGG, FakeOpenAI
from tests.helpers import easy_question, index_definitions, new_job

ANSWER = (
    "A closure is an inner function that keeps references to variables of the enclosing "
    "function scope, so it can still use them after the outer function has returned."
)
GRADE = {
    "rating": 8,
    "feedback": "Good explanation of captured variables; mention late binding in loops.",
    "model_answer": "A closure is a function object that remembers values in enclosing scopes.",
}


def texts(messages: list[ChatMessage]) -> str:
    return "\n".join(m.text for m in messages)


def button_data(message: ChatMessage, label: str) -> str:
    return next(b["callback_data"] for b in message.buttons if b["text"] == label)


# ----- offline coach -----------------------------------------------------------------------


async def test_offline_drill_text_answer_then_voice_refused(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await new_job(user)
    await user.send("/practice")
    await user.expect("Choose a difficulty")
    assert user.buttons()[:3] == ["Easy", "Medium", "Hard"]

    await user.click("Easy")
    asked = await user.expect("Easy question")
    assert "Answer with a text message" in asked.text  # offline: no voice is offered
    first = await Question.get(job_info_id=job.id)
    assert first.difficulty == "easy" and first.text

    await user.send(ANSWER)
    await user.expect("Correct answer")
    shown = texts(user.since_last_action())
    answer = await Answer.get(question_id=first.id)
    assert 1 <= answer.rating <= 10 and answer.text == ANSWER and answer.feedback
    assert f"Rating: {answer.rating}/10" in shown
    assert "Offline mode" not in shown  # said once, when practice started
    levels = user.buttons()[:3]  # the suggested next difficulty is marked with a star
    assert [label.removesuffix(" ⭐") for label in levels] == ["Easy", "Medium", "Hard"]
    assert sum(label.endswith(" ⭐") for label in levels) == 1
    assert {"🔁 Try again", "✅ Done", "🎯 Next for me"} <= set(user.buttons())

    await user.click("Medium")
    await user.expect("Medium question")
    second = await Question.filter(job_info_id=job.id, difficulty="medium").get()
    assert second.text != first.text  # earlier questions were passed as "previous"

    await user.send_voice(FAKE_OGG)
    await user.expect("type your answer")
    assert await Answer.filter(question_id=second.id).count() == 0

    await user.send(ANSWER)
    await user.expect("Rating:")
    assert await Answer.filter(question_id=second.id).count() == 1

    await user.click("✅ Done")
    await user.expect("Practice finished")
    await user.send("more text")
    await user.expect("not waiting for an answer")


async def test_practice_restarts_and_cancel_leaves(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/practice")
    await user.expect("no saved jobs")
    await new_job(user)
    await user.send("/practice")
    await user.click("Hard")
    await user.expect("Hard question")

    await user.send("/practice")  # mid-question: starts over
    await user.expect("Choose a difficulty")
    await user.send("an answer to nothing in particular, with several words")
    await user.expect("for the next question")
    assert await Answer.all().count() == 0

    await user.send("/cancel")
    await user.expect("Practice stopped")
    await user.send("hello")
    await user.expect("not waiting for an answer")


async def test_several_jobs_ask_which(bot: BotHarness, user: EmulatedUser) -> None:
    await new_job(user, "Acme backend")
    other = await new_job(user, "Globex data")
    await user.send("/practice")
    await user.expect("Which job")
    await user.click("Globex data")
    await user.expect("Practice for Globex data")
    await user.click("Medium")
    await user.expect("Medium question")
    assert await Question.filter(job_info_id=other.id).count() == 1


async def test_question_survives_a_restart(database_url: str, tmp_path: Path) -> None:
    """The state and the ids in user_data are persisted: after a restart the answer is graded."""
    settings = make_settings(database_url, tmp_path)
    async with run_harness_clean(settings) as bot:
        user = bot.user("Ada", user_id=990_001)
        job = await new_job(user)
        await user.send("/practice")
        await user.click("Easy")
        await user.expect("Easy question")
    async with run_harness_clean(settings, wipe=False) as bot:  # a new process, same database
        user = bot.user("Ada", user_id=990_001)
        await user.send(ANSWER)
        await user.expect("Rating:")
        question = await Question.get(job_info_id=job.id)
        assert await Answer.filter(question_id=question.id).count() == 1


# ----- a model on the fake OpenAI server ---------------------------------------------------


async def test_voice_answer_with_model_streams_and_rates(
    database_url: str, tmp_path: Path, fake: FakeOpenAI
) -> None:
    fake.reply_text(
        ["What is ", "a closure ", "in Python, ", "and when ", "would you use one?"],
        delay=0.05,
    )
    fake.reply_transcription(ANSWER)
    fake.reply_json(GRADE)
    emulator = BotAPIEmulator()
    emulator.flood_limit = (20, 1.0)
    async with run_harness_clean(model_settings(database_url, tmp_path, fake), emulator) as bot:
        user = bot.user("Ada")
        job = await new_job(user)
        await user.send("/practice")
        await user.click("Hard")
        asked = await user.expect("would you use one?")
        assert "a text or a voice message" in asked.text  # the backend can transcribe
        assert emulator.drafts.get(user.id) or any(m.edits for m in user.chat)
        assert any(action == "typing" for _, action in emulator.chat_actions)
        question = await Question.get(job_info_id=job.id)
        assert question.text == "What is a closure in Python, and when would you use one?"
        assert question.difficulty == "hard"
        system = fake.chat_bodies[0]["messages"]
        assert "Acme backend" in str(system)

        await user.send_voice(FAKE_OGG)
        heard = await user.expect("I heard")
        assert "enclosing function scope" in heard.text
        await user.expect("Correct answer")
        shown = texts(user.since_last_action())
        assert "Rating: 8/10" in shown and "late binding" in shown
        assert "Offline mode" not in shown
        answer = await Answer.get(question_id=question.id)
        assert (answer.rating, answer.text) == (8, ANSWER)
        assert fake.pending("chat") == 0 and fake.pending("transcriptions") == 0
        assert emulator.flood_errors == 0


async def test_only_the_newest_questions_go_into_the_prompt(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    """A job with many questions (Pro is unlimited) must not grow the prompt without end."""
    user = model_bot.user("Ada")
    job = await new_job(user)
    start = datetime.now(UTC) - timedelta(days=2)
    numbers = list(range(PREVIOUS_LIMIT + 10))
    random.Random(7).shuffle(numbers)  # stored out of order: the order is by created_at
    for n in numbers:
        await Question.create(
            job_info=job,
            text=f"Earlier question number {n:03d}?",
            difficulty="easy",
            created_at=start + timedelta(minutes=n),
        )
    fake.reply_text("What does a Python generator do?")
    await user.send("/practice")
    await user.click("Easy")
    await user.expect("generator do?")
    prompt = str(fake.chat_bodies[0]["messages"])
    shown = re.findall(r"Earlier question number (\d{3})", prompt)
    assert shown == [f"{n:03d}" for n in range(10, PREVIOUS_LIMIT + 10)]  # newest, oldest first


async def test_hostile_model_output_arrives_intact(model_bot: BotHarness, fake: FakeOpenAI) -> None:
    code = "".join(
        f"def snake_case_{i}(value_{i}):\n    return value_{i} < {i} && value_{i} > 0\n"
        for i in range(200)
    )
    long_answer = f"Here is the code:\n\n```python\n{code}```\n\nThat's all, **really."
    assert len(long_answer) > 10_000
    grade = {
        "rating": 6,
        "feedback": "Some **unbalanced bold. Remember a < b && c > d and <div> tags; "
        "snake_case_names stay literal.",
        "model_answer": long_answer,
    }
    fake.reply_text("Why does **this <div> break when a < b && c > d in my_snake_case_func?")
    fake.reply_json(grade)
    user = model_bot.user("Ada")
    await new_job(user)
    await user.send("/practice")
    await user.click("Easy")
    question = await user.expect("my_snake_case_func")
    assert "**this <div> break when a < b && c > d" in question.text
    await user.send(ANSWER)
    await user.expect("That's all")
    replies = user.since_last_action()
    shown = texts(replies)
    assert "Some **unbalanced bold" in shown
    assert "a < b && c > d and <div> tags" in shown
    assert "snake_case_names" in shown
    assert len(replies) >= 4  # feedback, then the long answer in several parts
    for i in range(200):
        assert f"def snake_case_{i}(value_{i}):" in shown
        assert f"return value_{i} < {i} && value_{i} > 0" in shown
    assert any(e["type"] == "pre" for m in replies for e in m.entities)
    assert await Answer.filter(rating=6).count() == 1


async def test_failures_offer_retry_and_save_nothing(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    fake.reply_status(500)
    user = model_bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    await user.click("Medium")
    failed = await user.expect("couldn't get a question")
    assert "not answering" in failed.text and user.buttons(failed) == ["🔁 Retry"]
    assert await Question.filter(job_info_id=job.id).count() == 0

    fake.reply_text("Explain the difference between a process and a thread.")
    await user.click("Retry")
    await user.expect("process and a thread")
    question = await Question.get(job_info_id=job.id)
    assert question.difficulty == "medium"

    fake.reply_status(500)
    await user.send(ANSWER)
    await user.expect("couldn't grade your answer")
    assert await Answer.all().count() == 0

    fake.reply_json(GRADE)
    await user.click("Retry")
    await user.expect("Rating: 8/10")
    answer = await Answer.get(question_id=question.id)
    assert answer.text == ANSWER
    assert await Question.filter(job_info_id=job.id).count() == 1
    assert fake.pending() == 0


async def test_one_question_is_graded_at_most_five_times_a_day(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    """Try again and past questions re-grade without spending quota: the model grades one
    question at most GRADES_PER_DAY times in 24 hours, then the bot refuses plainly."""
    assert GRADES_PER_DAY == 5
    user = model_bot.user("Ada")
    job = await new_job(user)
    question = await Question.create(job_info=job, text="What is a closure?", difficulty="easy")
    other = await Question.create(job_info=job, text="What is a decorator?", difficulty="easy")
    yesterday = datetime.now(UTC) - timedelta(hours=25)
    await Answer.create(
        question=question, text="old", rating=2, feedback="Weak.", created_at=yesterday
    )  # graded more than a day ago: does not count

    fake.reply_json(GRADE, times=GRADES_PER_DAY + 1)
    await user.press(QuestionButton(question_id=question.id).pack())
    await user.expect("Answer again")
    for attempt in range(GRADES_PER_DAY):
        if attempt:
            await user.click("Try again")
            await user.expect("Answer again")
        await user.send(ANSWER)
        await user.expect("Correct answer")
    assert len(fake.chat_bodies) == GRADES_PER_DAY

    await user.click("Try again")
    await user.expect("Answer again")
    await user.send(ANSWER)
    refused = await user.expect("graded 5 times today")
    assert "Choose a new question" in refused.text and user.buttons(refused) == []
    user.expect_no("Rating:")
    assert len(fake.chat_bodies) == GRADES_PER_DAY  # the model was not asked
    assert await Answer.filter(question_id=question.id).count() == GRADES_PER_DAY + 1

    await user.press(
        QuestionButton(question_id=other.id).pack()
    )  # another question is graded as usual
    await user.expect("Answer again")
    await user.send(ANSWER)
    await user.expect("Rating: 8/10")
    assert await Answer.filter(question_id=other.id).count() == 1
    assert fake.pending() == 0


# ----- robustness and ownership ------------------------------------------------------------


async def test_double_press_makes_one_question(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user)
    await user.send("/practice")
    keyboard = await user.expect("Choose a difficulty")
    data = button_data(keyboard, "Easy")
    first = await user.press(data, keyboard, wait=False)
    second = await user.press(data, keyboard, wait=False)
    await bot.idle()
    assert await Question.filter(job_info_id=job.id).count() == 1
    assert len([m for m in user.bot_messages if "Easy question" in m.text]) == 1
    assert user.callback_answer(first) is not None
    answer = user.callback_answer(second)
    assert answer is not None and "already on it" in answer["text"].lower()


async def test_forged_ids_are_not_found(bot: BotHarness, user: EmulatedUser) -> None:
    mallory = bot.user("Mallory")
    other_job = await new_job(mallory, "Secret job")
    other_question = await Question.create(job_info=other_job, text="Secret?", difficulty="hard")
    await new_job(user)
    await user.send("/practice")
    await user.expect("Choose a difficulty")

    for data in (
        QuestionButton(question_id=other_question.id).pack(),
        QuestionButton(question_id=uuid.uuid4()).pack(),
        "practice.q:not-a-uuid",
        PracticeList(job_id=other_job.id).pack(),
        PracticeJob(job_id=other_job.id).pack(),
    ):
        query = await user.press(data)
        answer = user.callback_answer(query)
        assert answer is not None and "wasn't found" in answer["text"], data
    user.expect_no("Secret")
    assert "Secret" not in texts(user.bot_messages)
    await user.send(ANSWER)  # still choosing: nothing was opened
    await user.expect("for the next question")
    assert await Answer.all().count() == 0


async def test_past_questions_with_best_rating(bot: BotHarness, user: EmulatedUser) -> None:
    job = await new_job(user)
    answered = await Question.create(
        job_info=job, text="What is `asyncio.gather`?", difficulty="medium"
    )
    await Answer.create(question=answered, text="first try", rating=3, feedback="Weak.")
    await Answer.create(question=answered, text="second try", rating=8, feedback="Good.")
    await Question.create(job_info=job, text="Explain database indexes.", difficulty="hard")

    await user.send("/practice")
    await user.click("📜 Past questions")
    listing = await user.expect("Past questions")
    assert re.search(r"What is asyncio\.gather\?\s+Medium · best 8/10", listing.text)
    assert "Explain database indexes.\n    Hard · not answered yet" in listing.text
    assert listing.text.index("database indexes") < listing.text.index("asyncio.gather")

    await user.click("8/10", in_message=listing)
    opened = await user.expect("Answer again")
    assert "Best so far: 8/10" in opened.text and "asyncio.gather" in opened.text
    await user.send("gather runs awaitables concurrently and collects their results in order")
    await user.expect("Rating:")
    assert await Answer.filter(question_id=answered.id).count() == 3


# ----- schema ------------------------------------------------------------------------------


async def test_answers_schema_constraints(db: str) -> None:
    conn = connections.get("default")
    user = await User.create(id=41, name="A")
    job = await JobInfo.create(user=user, name="X", experience_level="junior", description="d" * 30)
    question = await Question.create(job_info=job, text="Q?", difficulty="easy")
    for rating in (11, 0):
        with pytest.raises(IntegrityError):
            await conn.execute_query(
                "INSERT INTO answers (id, question_id, text, rating, feedback, created_at)"
                f" VALUES ('{uuid.uuid4()}', '{question.id}', 'a', {rating}, 'f',"
                " CURRENT_TIMESTAMP)"
            )
    await conn.execute_query(
        "INSERT INTO answers (id, question_id, text, rating, feedback, created_at)"
        f" VALUES ('{uuid.uuid4()}', '{question.id}', 'a', 10, 'f', CURRENT_TIMESTAMP)"
    )
    assert await Answer.filter(question_id=question.id).count() == 1

    assert any("question_id" in sql for sql in await index_definitions("answers"))

    await question.delete()
    assert await Answer.all().count() == 0


COUNTED = ("sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage")


async def test_choosing_a_difficulty_turns_the_prompt_into_the_question(
    bot: BotHarness, user: EmulatedUser
) -> None:
    """One counted Telegram call for the question: the prompt is rewritten, not un-buttoned
    and followed by a new message (drafts and chat actions are not counted)."""
    await new_job(user)
    await user.send("/practice")
    prompt = await user.expect("Choose a difficulty")
    before = len(bot.emulator.calls)
    await user.click("Medium")
    question = await user.expect("Medium question")
    await bot.idle()
    counted = [c.method for c in bot.emulator.calls[before:] if c.method in COUNTED]
    assert counted == ["editMessageText"], counted
    assert question.message_id == prompt.message_id and not question.buttons


async def test_an_empty_question_leaves_no_placeholder(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    """The model answers with nothing: no question header is left above the error, the prompt
    loses its buttons, and Retry works."""
    fake.reply_text("   ")
    user = model_bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    await user.click("Easy")
    failed = await user.expect("couldn't get a question")
    assert user.buttons(failed) == ["🔁 Retry"]
    assert not [m for m in user.chat if m.from_bot and "Easy question" in m.text]
    prompt = next(m for m in user.chat if m.from_bot and "Choose a difficulty" in m.text)
    assert not prompt.buttons
    assert await Question.filter(job_info_id=job.id).count() == 0
    fake.reply_text("What is a Python generator?")
    await user.click("Retry")
    await user.expect("Python generator")


async def test_a_forged_huge_answer_is_cut_before_it_is_stored_or_sent(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    """A 100,000-character answer (a forged update: Telegram sends at most 4,096) is cut to
    what is kept, the user is told, and the model sees only the kept part."""
    from bot.services.answers import MAX_ANSWER_CHARS

    fake.reply_text("How does a hash map handle collisions?")
    fake.reply_json(GRADE)
    user = model_bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    await user.click("Easy")
    await user.expect("collisions")
    huge = ("Chaining keeps a list per bucket; open addressing probes the next slot. " * 1400)[
        :100_000
    ]
    await user.send(huge, forged=True)
    await user.expect("kept its first")
    await user.expect("Rating:")
    answer = await Answer.get(question__job_info_id=job.id)
    assert len(answer.text) <= MAX_ANSWER_CHARS
    sent = json.dumps(fake.chat_bodies[-1]["messages"], ensure_ascii=False)
    assert len(sent) < MAX_ANSWER_CHARS + 20_000 and huge[:200] in sent


async def test_a_long_answer_of_one_repeated_phrase_is_not_called_short(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await easy_question(user)
    await user.send(("The answer is yes. " * 300)[:4096])
    rated = await user.expect("Rating:")
    assert "repeats the same few words" in rated.text and "too short" not in rated.text


async def test_a_refused_question_is_reported_as_declined(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    fake.reply_refusal()
    user = model_bot.user("Ada")
    job = await new_job(user)
    await user.send("/practice")
    await user.click("Hard")
    failed = await user.expect("couldn't get a question")
    assert "declined" in failed.text and "empty" not in failed.text
    assert await Question.filter(job_info_id=job.id).count() == 0


# ----- grading that can't be gamed (issue 16.2) -------------------------------------------

SALAD = "banana potato fiber transition deferred value lanes"
FIBER = "Explain React's Fiber architecture and concurrent rendering."
IDENTITY = "Explain the difference between `is` and `==` in Python."
REQUEST_VALUES_ANSWER = (
    "Path parameters identify a specific resource, like GET /users/42. Query parameters "
    "filter, sort, search or paginate a collection, e.g. /orders?status=paid&limit=20. The "
    "request body carries the resource data for create or update with POST or PUT as JSON. "
    "Headers carry metadata such as auth tokens, content type, caching and idempotency keys."
)
TS_QUESTION = (
    "In TypeScript, what is the difference between an `interface` and a `type` alias? "
    "When would you use each?"
)
PARTLY = "interface is for objects and type is for other stuff, they are mostly the same"
PROPS_ANSWER = (
    "Props are passed down from the parent and are read-only in the child, while state is "
    "local to the component and managed with useState. Changing either triggers a re-render, "
    "and state must only change through the setter."
)


async def _asked(user: EmulatedUser, text: str) -> Question:
    """A question stored for the user's job and opened to answer, as Past questions does."""
    job = await JobInfo.filter(user_id=user.id).first()
    if job is None:
        job = await new_job(user)
    question = await Question.create(job_info=job, text=text, difficulty="hard", skill="react")
    await user.press(QuestionButton(question_id=question.id).pack())
    await user.expect("Answer again")
    return question


async def _rating(user: EmulatedUser, answer: str) -> tuple[int, str]:
    await user.send(answer)
    await user.expect("Correct answer")
    shown = texts(user.since_last_action())
    ratings = re.findall(r"Rating: (\d+)/10", shown)
    assert len(ratings) == 1 and "Score:" not in shown  # one rating line per reply
    return int(ratings[0]), shown


async def test_offline_grading_gates_salad_and_other_questions(
    bot: BotHarness, user: EmulatedUser
) -> None:
    fiber = next(q.text for q in _bank().questions if q.text.startswith(FIBER))
    await _asked(user, fiber)
    rating, shown = await _rating(user, SALAD)
    assert rating <= 2 and "lists keywords without explaining" in shown
    assert "You covered 0 of 5 key points" in shown  # keyword hits earn no credit

    await _asked(user, fiber)
    rating, shown = await _rating(user, PROPS_ANSWER)  # the props-and-state answer
    assert rating <= 2 and "answers a different question" in shown

    # Where request values go, said to the `is`/`==` question: "content type" and "caching"
    # hit two of its key points by chance.
    identity = next(q.text for q in _bank().questions if q.text.startswith(IDENTITY))
    await _asked(user, identity)
    rating, shown = await _rating(user, REQUEST_VALUES_ANSWER)
    assert rating <= 2 and "answers a different question" in shown
    assert "You covered 0 of 4 key points" in shown

    await _asked(user, TS_QUESTION)
    rating, shown = await _rating(user, PARTLY)
    assert 3 <= rating <= 6
    assert "you said “interface is for objects”" in shown  # the words that earned the point
    assert "you said “they are mostly the same”" in shown


async def test_model_grading_gates_salad_and_other_questions(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    await new_job(user)
    generous = {
        "rating": 8,
        "feedback": "Rating: 8/10\nYou named the right concepts.",
        "model_answer": "Fiber splits rendering into units of work with priorities, so "
        "transitions and deferred values keep typing responsive.",
    }
    fake.reply_json(generous)
    await _asked(user, FIBER)
    rating, shown = await _rating(user, SALAD)
    assert rating == 2 and "lists keywords without explaining" in shown
    assert "Rating: 8/10" not in shown

    fake.reply_json(generous | {"model_answer": "Closures capture variables of the scope."})
    await _asked(user, "What is a closure in JavaScript?")
    rating, shown = await _rating(
        user, "Git rebase replays your branch commits on top of main for a linear history."
    )
    assert rating == 2 and "barely touches the question" in shown

    fake.reply_json(generous | {"rating": 5, "model_answer": "Both describe object shapes."})
    await _asked(user, TS_QUESTION)
    rating, _ = await _rating(user, PARTLY)
    assert rating == 5  # partly right: the model's partial credit stands
    rubric = str(fake.chat_bodies[-1]["messages"][0]["content"])
    assert "at most 2" in rubric and "partial credit" in rubric


def _bank() -> Bank:
    return load_bank()


# ----- after "I don't know" (issue 16.3) and the offline notice once (16.4) ---------------


async def _idk_then_show_answer(user: EmulatedUser, expected: str) -> None:
    await user.send("idk")
    asked = await user.expect("no rating")
    assert "Rating:" not in texts(user.since_last_action())
    assert user.buttons(asked) == ["💡 Show answer", "⏭ Skip"]
    await user.click("Show answer")
    shown = await user.expect("Correct answer")
    assert expected in texts(user.since_last_action())
    assert "🔁 Try again" in user.buttons(shown)
    assert await Answer.all().count() == 0  # seen, but unrated
    await user.click("Try again")
    await user.expect("Answer again")


async def test_offline_idk_gets_no_rating_and_show_answer(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await new_job(user)
    await _asked(user, TS_QUESTION)
    await _idk_then_show_answer(user, "declaration merging")
    rating, _ = await _rating(user, PARTLY)  # Try again: a real attempt is graded
    assert 3 <= rating <= 6
    assert await Answer.all().count() == 1

    await _asked(user, TS_QUESTION)
    await user.send("I don't know")
    await user.expect("no rating")
    await user.click("Skip")
    skipped = await user.expect("stays unrated")
    assert "🔁 Try again" in user.buttons(skipped)
    assert await Answer.all().count() == 1


async def test_model_idk_gets_no_rating_and_show_answer(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    await new_job(user)
    await _asked(user, "What is a closure in JavaScript?")
    fake.reply_json(GRADE)  # the model's answer, asked for only on Show answer
    await _idk_then_show_answer(user, GRADE["model_answer"])
    assert len(fake.chat_bodies) == 1  # "idk" itself reached no model
    fake.reply_json(GRADE)
    rating, _ = await _rating(user, ANSWER)
    assert rating == 8


async def test_offline_notice_once_per_practice_run(bot: BotHarness, user: EmulatedUser) -> None:
    await new_job(user)
    await user.send("/practice")
    await user.expect("Choose a difficulty")
    notices = sum("Offline mode" in m.text for m in user.since_last_action())
    for level in ("Easy", "Medium", "Hard"):
        await user.click(level)
        await user.expect(f"{level} question")
        await user.send(ANSWER)
        await user.expect("Correct answer")
        notices += sum("Offline mode" in m.text for m in user.since_last_action())
    assert notices == 1
    await user.send("/help")
    await user.expect("Offline mode")


# ----- questions that fit the job (issue 16.1) ---------------------------------------------

REACT_AD = (
    "Junior Frontend Developer (React). You will build accessible, responsive pages with React "
    "and TypeScript, manage state with Redux, style components with CSS, write semantic HTML "
    "and unit tests with Jest, and review pull requests on GitHub."
)


async def _react_job(user: EmulatedUser) -> JobInfo:
    job = await new_job(
        user,
        "Frontend",
        title="Junior React Developer",
        experience_level="junior",
        description=REACT_AD,
    )
    await User.filter(id=user.id).update(plan="max", plan_expires_at=None)  # 8 questions
    return job


async def test_offline_questions_rotate_through_the_ads_skills(
    bot: BotHarness, user: EmulatedUser
) -> None:
    job = await _react_job(user)
    named = named_skills(job_context(job))
    assert {"react", "javascript", "css", "html", "testing", "git"} <= set(named)
    await user.send("/practice")
    for n in range(8):
        await user.click("Easy" if n == 0 else "Medium")
        asked = await user.expect("question")
        await user.send(ANSWER)
        await user.expect("Correct answer")
        newest = await Question.filter(job_info_id=job.id).order_by("-created_at").first()
        assert newest is not None and newest.skill in named
        assert f"#{newest.skill}" in asked.text  # the question shows its skill as a tag
        found = _bank().find(newest.text)
        assert found is not None and found.skill == newest.skill
    skills = [q.skill for q in await Question.filter(job_info_id=job.id).order_by("created_at")]
    first = skills[: len(named)]
    assert sorted(first) == sorted(named)  # every skill of the ad before any repeats


async def test_model_prompt_targets_one_skill_of_the_ad(
    model_bot: BotHarness, fake: FakeOpenAI
) -> None:
    user = model_bot.user("Ada")
    job = await _react_job(user)
    named = named_skills(job_context(job))
    fake.reply_text("How do you share state between two sibling components?")
    await user.send("/practice")
    await user.click("Easy")
    asked = await user.expect("sibling components")
    system = str(fake.chat_bodies[-1]["messages"][0]["content"])
    target = re.search(r"named in the job description: (\w+)\.", system)
    assert target is not None and target.group(1) == named[0]
    assert f"#{named[0]}" in asked.text
    question = await Question.get(job_info_id=job.id)
    assert question.skill == named[0]
