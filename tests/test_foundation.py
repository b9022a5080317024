"""The foundation: /start, /help, /cancel, errors, the schema's constraints, ordering."""

from __future__ import annotations

import asyncio
import time

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness
from models import Interview, JobInfo, Question, User
from tests.helpers import easy_question


async def test_start_creates_user_and_greets(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/start")
    greeting = await user.expect("interview coach")
    assert "/newjob" in greeting.text
    assert "Offline mode" in greeting.text  # no key in tests: the offline coach answers
    stored = await User.get(id=user.id)
    assert (stored.name, stored.username, stored.language_code) == ("Ada", "ada", "en")


async def test_start_updates_changed_profile(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/start")
    first = await User.get(id=user.id)
    user.profile["first_name"] = "Augusta"
    await user.send("/start")
    again = await User.get(id=user.id)
    assert again.name == "Augusta"
    assert again.updated_at > first.updated_at
    assert again.created_at == first.created_at


async def test_help_lists_commands_and_menu_is_registered(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send("/help")
    help_text = (await user.expect("commands")).text
    for command in ("/start", "/help", "/cancel", "/newjob"):
        assert command in help_text
    menu = [c["command"] for c in bot.emulator.commands['{"type": "default"}']]
    assert {"start", "help", "cancel"} <= set(menu)


async def test_cancel_outside_a_flow_and_stray_text(bot: BotHarness, user: EmulatedUser) -> None:
    await user.send("/cancel")
    await user.expect("Nothing to cancel")
    await user.send("hello there")
    await user.expect("not waiting for an answer")
    await user.send("/frobnicate")
    await user.expect("don't know that command")


async def test_old_button_stops_spinning(bot: BotHarness, user: EmulatedUser) -> None:
    query = await user.press("zz:gone:1")
    answer = user.callback_answer(query)
    assert answer is not None and "no longer active" in answer["text"]


async def test_raw_insert_of_invalid_level_is_refused(db: str) -> None:
    conn = connections.get("default")
    await User.create(id=1, name="A")
    with pytest.raises(IntegrityError):
        await conn.execute_query(
            "INSERT INTO job_info (id, name, experience_level, description, user_id, created_at,"
            " updated_at) VALUES ('7d5a1bbf-37c4-4c5f-9a56-7b9f8f9d3a11', 'X', 'wizard', 'd', 1,"
            " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
    with pytest.raises(IntegrityError):
        job = await JobInfo.create(
            user_id=1, name="X", experience_level="junior", description="d" * 30
        )
        await conn.execute_query(
            "INSERT INTO questions (id, job_info_id, text, difficulty, created_at, updated_at)"
            f" VALUES ('8d5a1bbf-37c4-4c5f-9a56-7b9f8f9d3a11', '{job.id}', 'q', 'impossible',"
            " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )


async def test_deleting_a_user_cascades(db: str) -> None:
    user = await User.create(id=2, name="B")
    other = await User.create(id=3, name="C")
    job = await JobInfo.create(
        user=user, name="Acme", experience_level="senior", description="Python and PostgreSQL" * 2
    )
    kept = await JobInfo.create(
        user=other, name="Kept", experience_level="junior", description="Go services" * 3
    )
    await Question.create(job_info=job, text="Q1", difficulty="easy")
    await Question.create(job_info=kept, text="Q2", difficulty="hard")
    await Interview.create(job_info=job)
    await user.delete()
    assert await JobInfo.filter(user_id=2).count() == 0
    assert await Question.filter(job_info_id=job.id).count() == 0
    assert await Interview.filter(job_info_id=job.id).count() == 0
    assert await Question.filter(job_info_id=kept.id).count() == 1


async def _foreign_keys_and_leading_index_columns() -> tuple[set[tuple[str, str]], set]:
    """(every (table, column) that is a foreign key, every (table, first column) of an index)."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        fks = await conn.execute_query_dict(
            "SELECT tc.table_name AS t, kcu.column_name AS c"
            " FROM information_schema.table_constraints tc"
            " JOIN information_schema.key_column_usage kcu"
            "   ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema"
            " WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'"
        )
        leading = await conn.execute_query_dict(
            "SELECT t.relname AS t, a.attname AS c FROM pg_index i"
            " JOIN pg_class t ON t.oid = i.indrelid"
            " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]"
            " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'"
        )
        return {(r["t"], r["c"]) for r in fks}, {(r["t"], r["c"]) for r in leading}
    tables = [
        r["name"]
        for r in await conn.execute_query_dict(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    fk_set: set[tuple[str, str]] = set()
    lead_set: set[tuple[str, str]] = set()
    for table in tables:
        for fk in await conn.execute_query_dict(f'PRAGMA foreign_key_list("{table}")'):
            fk_set.add((table, fk["from"]))
        for index in await conn.execute_query_dict(f'PRAGMA index_list("{table}")'):
            columns = await conn.execute_query_dict(f'PRAGMA index_info("{index["name"]}")')
            first = min(columns, key=lambda c: c["seqno"])
            lead_set.add((table, first["name"]))
    return fk_set, lead_set


async def test_every_foreign_key_leads_an_index(db: str) -> None:
    """PostgreSQL does not index foreign keys by itself: each one must lead some index."""
    foreign_keys, leading = await _foreign_keys_and_leading_index_columns()
    assert ("job_info", "user_id") in foreign_keys and len(foreign_keys) >= 8
    assert foreign_keys - leading == set()


async def test_updates_of_one_user_stay_in_order(bot: BotHarness) -> None:
    """Many messages at once from one user: handled strictly one after another, in order,
    even though each handler yields to the event loop midway."""
    from telegram.ext import MessageHandler, filters

    order: list[str] = []

    async def record(update: object, context: object) -> None:
        text = update.message.text  # type: ignore[attr-defined]
        order.append(f"start:{text}")
        await asyncio.sleep(0.01)
        order.append(f"end:{text}")

    bot.app.add_handler(MessageHandler(filters.Regex("^order "), record), group=-100)
    user = bot.user("Order")
    texts = [f"order {i}" for i in range(8)]
    for text in texts:
        await user.send(text, wait=False)
    await bot.idle()
    assert order == [step for t in texts for step in (f"start:{t}", f"end:{t}")]


async def test_a_slow_user_does_not_delay_another(bot: BotHarness) -> None:
    """One user's handler blocked on a slow call; another user's /help is answered meanwhile."""
    from telegram.ext import MessageHandler, filters

    release = asyncio.Event()

    async def slow(update: object, context: object) -> None:
        await release.wait()

    bot.app.add_handler(MessageHandler(filters.Regex("^slow$"), slow), group=-100)
    slow_user, quick_user = bot.user("Slow"), bot.user("Quick")
    await slow_user.send("slow", wait=False)
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await quick_user.send("/help", wait=False)
    await quick_user.expect("commands", timeout=3)
    assert time.monotonic() - started < 2
    assert bot.processor.busy  # the slow one is still running
    release.set()
    await bot.idle()


async def test_a_failing_handler_is_told_plainly_and_the_bot_keeps_running(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    from telegram.ext import CallbackQueryHandler, MessageHandler, filters
    from tortoise.exceptions import DBConnectionError, OperationalError

    async def broken(update: object, context: object) -> None:
        raise RuntimeError("bo" + "om")  # (spelled apart: traceback lines show source)

    async def database_down(update: object, context: object) -> None:
        raise DBConnectionError("connection refused")

    async def bad_value(update: object, context: object) -> None:
        # a refused value, not an outage: the driver quotes the user's text in its message
        raise OperationalError("invalid input: " + "PRIVATE" + " TEXT")

    bot.app.add_handler(MessageHandler(filters.Regex("^explode$"), broken), group=-100)
    bot.app.add_handler(MessageHandler(filters.Regex("^db$"), database_down), group=-100)
    bot.app.add_handler(MessageHandler(filters.Regex("^value$"), bad_value), group=-100)
    bot.app.add_handler(CallbackQueryHandler(broken, pattern="^explode$"), group=-100)
    user = bot.user("Oops")
    with caplog.at_level("ERROR", logger="handlers.kit.errors"):
        await user.send("explode")
    await user.expect("something went wrong")
    assert any("RuntimeError" in r.getMessage() for r in caplog.records)
    assert any(f"user={user.id}" in r.getMessage() for r in caplog.records)
    await user.send("db")
    await user.expect("couldn't reach my database")
    with caplog.at_level("ERROR", logger="handlers.kit.errors"):
        await user.send("value")
    await user.expect("something went wrong")
    logged = "\n".join(f"{r.name}: {r.getMessage()} {r.exc_info}" for r in caplog.records)
    assert "OperationalError" in logged and "PRIVATE TEXT" not in logged and "boom" not in logged
    query = await user.press("explode")
    assert user.callback_answer(query) is not None  # the button stopped spinning
    await user.send("/help")  # still running
    await user.expect("commands")


async def test_a_file_outside_any_flow_points_to_the_right_command(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send_document(b"%PDF-1.4", "cv.pdf", "application/pdf")
    hint = await user.expect("not waiting for a file")
    assert "/resume" in hint.text and "/newjob" in hint.text


async def test_in_a_group_the_bot_only_points_to_the_private_chat(
    bot: BotHarness, user: EmulatedUser
) -> None:
    group = -100_200_300
    await user.send("/start", group=group)
    await user.send("/newjob", group=group)
    await user.send("some chatter", group=group)
    replies = [m for m in bot.emulator.chat(group) if m.from_bot]
    assert len(replies) == 2
    assert all("message me privately: @coach_bot" in m.text for m in replies)
    assert await User.filter(id=user.id).count() == 0  # nothing recorded from the group


async def test_when_the_database_fails_guards_let_nothing_through(
    bot: BotHarness, user: EmulatedUser
) -> None:
    await user.send("/start")
    conn = connections.get("default")
    await conn.execute_script('ALTER TABLE "users" RENAME TO "users_away"')
    try:
        await user.send("/help")
        replies = user.since_last_action()
        assert [m.text for m in replies] == [
            "⚠️ I couldn't reach my database just now. Nothing was lost — please try again."
        ]  # told once, plainly; the command itself did not run past the guards
    finally:
        await conn.execute_script('ALTER TABLE "users_away" RENAME TO "users"')
    await user.send("/help")
    await user.expect("commands")


async def test_text_no_database_can_store_is_cleaned_at_the_boundary(
    bot: BotHarness, user: EmulatedUser, caplog: pytest.LogCaptureFixture
) -> None:
    """A forged update with a lone surrogate and a NUL: stored with U+FFFD, never an error."""
    from models import JobInfo, Question

    await user.send("/newjob")
    await user.send("Acme \ud800 Corp\x00")
    await user.click("Skip")
    await user.click("Junior")
    await user.send("Backend engineer: Python, PostgreSQL, REST APIs \udfff and Docker.")
    await user.expect("job saved")
    job = await JobInfo.get(user_id=user.id)
    assert job.name == "Acme \ufffd Corp\ufffd" and "\ufffd" in job.description
    await easy_question(user)
    with caplog.at_level("ERROR"):
        await user.send("A closure keeps \ud800 the variables of its enclosing scope alive.")
        await user.expect("Rating:")
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    question = await Question.get(job_info_id=job.id)
    assert "\ufffd" in (await question.answers.all())[0].text
