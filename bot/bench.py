"""`python -m bot bench`: the real bot under load, against the emulator, with figures.

The bot is `build_application` as in production (handlers, database, update processor,
outgoing scheduler), on SQLite or PostgreSQL, talking to the in-process Telegram emulator.
The model is the offline coach behind `PacedModel`, which answers like a remote model: first
words after half of `--model-latency`, the whole reply at `--model-latency`. (A stand-in in
the process, rather than tests/fake_openai.py over HTTP: no aiohttp server to share the two
cores with, and the figures are about Telegram-side scheduling and our own per-update cost,
which the model's transport does not change.)

Everything runs in this one process. "CPU ms per step" leaves out the emulator's own work
(answering each Bot API call: checking it against the spec and the HTML rules, recording it,
encoding the JSON), which is Telegram's in production; it still includes the simulated users
and the stand-in model. The bare echo bot, measured the same way, shows that floor.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bot.ai.streams import TextStream
from bot.context import Services
from bot.db import placeholders
from bot.delivery import OutgoingScheduler
from bot.emulator.client import EmulatedUser
from bot.emulator.harness import BotHarness, run_harness
from bot.emulator.server import BotAPIEmulator
from bot.emulator.types import ChatMessage
from bot.i18n import texts
from bot.settings import Settings
from handlers.start import help_text

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
JOB = (
    "We build Python web services with Django and PostgreSQL, deployed with Docker on AWS. "
    "You will design REST APIs, write tests and review code with the team."
)


# ----- the stand-in model ------------------------------------------------------------------
class PacedModel:
    """The offline coach's replies, streamed at a remote model's pace."""

    def __init__(self, inner: Any, latency: float, pieces: int = 6) -> None:
        self.inner, self.latency, self.pieces = inner, latency, pieces

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def generate_question(self, *args: Any, **kwargs: Any) -> TextStream:
        return TextStream(self._paced(self.inner.generate_question(*args, **kwargs)))

    def interviewer_turn(self, *args: Any, **kwargs: Any) -> TextStream:
        return TextStream(self._paced(self.inner.interviewer_turn(*args, **kwargs)))

    async def _paced(self, stream: TextStream) -> AsyncIterator[str]:
        text = await stream.collect()
        await asyncio.sleep(self.latency / 2)
        size = max(1, -(-len(text) // self.pieces))
        for start in range(0, len(text), size):
            if start:
                await asyncio.sleep(self.latency / 2 / self.pieces)
            yield text[start : start + size]


# ----- measuring ---------------------------------------------------------------------------
class SQLCounter(logging.Handler):
    """Counts the statements Tortoise runs (it logs each one at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    @contextlib.contextmanager
    def attached(self) -> Any:
        logger = logging.getLogger("tortoise.db_client")
        saved = logger.level, logger.propagate
        logger.addHandler(self)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
        try:
            yield self
        finally:
            logger.removeHandler(self)
            logger.setLevel(saved[0])
            logger.propagate = saved[1]


def rss_mb() -> float | None:
    """Resident memory now (Linux), after a full collection."""
    gc.collect()
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@dataclass
class Waiter:
    sent_at: float
    is_reply: Callable[[ChatMessage], bool]
    replied_at: float | None = None


@dataclass
class Run:
    """Replies awaited in one measured run: time from a user's action to the bot's answer."""

    name: str
    emulator: BotAPIEmulator
    progress: Progress
    waiting: dict[int, Waiter] = field(default_factory=dict)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    started: float = 0.0
    finished: float = 0.0
    cpu: float = 0.0  # bot's (and the simulated users' and model's), not the emulator's
    telegram_cpu: float = 0.0
    sql: int = 0
    throttled: int = 0
    steps: int = 0
    pending: int = 0  # awaited replies not yet seen (counted, not searched: O(1) per reply)
    all_sent: bool = False

    def __post_init__(self) -> None:
        self.task = self.progress.add_task(self.name, total=None)

    def expect(self, chat_id: int, is_reply: Callable[[ChatMessage], bool]) -> None:
        previous = self.waiting.get(chat_id)
        if previous is None or previous.replied_at:
            self.pending += 1
        self.waiting[chat_id] = Waiter(time.monotonic(), is_reply)
        self.steps += 1
        self.progress.update(self.task, total=self.steps)

    def __call__(self, event: str, message: ChatMessage) -> None:
        waiter = self.waiting.get(message.chat_id)
        if (
            event not in ("new", "edit")
            or not message.from_bot
            or waiter is None
            or waiter.replied_at
        ):
            return
        if waiter.is_reply(message):
            waiter.replied_at = time.monotonic()
            self.pending -= 1
            self.progress.advance(self.task)
            self._check_done()

    def _check_done(self) -> None:
        if self.all_sent and not self.pending:
            self.done.set()

    @contextlib.asynccontextmanager
    async def measuring(self, timeout: float) -> AsyncIterator[Run]:
        self.emulator.listeners.append(self)
        counter = SQLCounter()
        throttled_before = self.emulator.flood_errors
        with counter.attached():
            cpu = time.process_time()
            telegram_cpu = self.emulator.cpu_seconds
            self.started = time.monotonic()
            try:
                yield self
                self.all_sent = True
                self._check_done()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.done.wait(), timeout)
            finally:
                self.finished = max(
                    (w.replied_at for w in self.waiting.values() if w.replied_at),
                    default=time.monotonic(),
                )
                # The bot's share: the emulator answering calls is Telegram's work.
                self.telegram_cpu = self.emulator.cpu_seconds - telegram_cpu
                self.cpu = time.process_time() - cpu - self.telegram_cpu
                self.emulator.listeners.remove(self)
        self.sql = counter.count
        self.throttled = self.emulator.flood_errors - throttled_before
        self.progress.update(self.task, visible=False)

    def times(self, chats: Sequence[int] | None = None) -> list[float]:
        chosen = self.waiting if chats is None else {c: self.waiting[c] for c in chats}
        return sorted(w.replied_at - w.sent_at for w in chosen.values() if w.replied_at)

    @property
    def lost(self) -> int:
        return sum(1 for w in self.waiting.values() if not w.replied_at)

    @property
    def rate(self) -> float:
        replies = len(self.times())
        return replies / max(self.finished - self.started, 1e-9)


def forget_history(emulator: BotAPIEmulator) -> None:
    """The emulator keeps every chat and call for tests to read; the bench drops them between
    rounds so that RSS shows what the bot keeps, not the emulator's transcript."""
    emulator.calls.clear()
    emulator.chats.clear()
    emulator.chat_actions.clear()
    emulator.drafts.clear()


def pct(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


# ----- the bots ----------------------------------------------------------------------------
def scheduler_of(harness: BotHarness) -> OutgoingScheduler:
    limiter = harness.app.bot.rate_limiter
    assert isinstance(limiter, OutgoingScheduler)
    return limiter


def set_limits(limiter: OutgoingScheduler | None, on: bool) -> None:
    if limiter is not None:
        limiter.set_limits(per_second=30 if on else 0, group_per_minute=20 if on else 0)


@contextlib.asynccontextmanager
async def echo_bot(
    limited: bool, *, read_row: bool = False, reply_html: str | None = None
) -> AsyncIterator[BotAPIEmulator]:
    """A bare python-telegram-bot echo bot on its own emulator (the yardstick). With
    `read_row`, it first reads the sender's row of `users` with one prepared statement (the
    least any bot that keeps its users in the database does per update); with `reply_html`,
    it answers with that HTML instead of the user's text (a reply as long as ours)."""
    from telegram import Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters
    from tortoise import connections

    emulator = BotAPIEmulator()
    connection = connections.get("default") if read_row else None
    if connection is not None:
        (mark,) = placeholders(connection.capabilities.dialect, 1)
        sql = f'SELECT * FROM "users" WHERE "id" = {mark} LIMIT 1'

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_user is not None
        if connection is not None:
            await connection.execute_query(sql, [update.effective_user.id])
        if reply_html is not None:
            await update.effective_message.reply_html(reply_html, do_quote=False)
        else:
            await update.effective_message.reply_text(update.effective_message.text or "?")

    builder = (
        ApplicationBuilder()
        .token(emulator.token)
        .request(emulator.request())
        .get_updates_request(emulator.request())
        .concurrent_updates(512)
    )
    if limited:
        builder = builder.rate_limiter(OutgoingScheduler())
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0)
        await app.start()
        try:
            yield emulator
        finally:
            await app.updater.stop()
            await app.stop()


def users_of(emulator: BotAPIEmulator, first_id: int, count: int) -> list[EmulatedUser]:
    shim: Any = SimpleNamespace(emulator=emulator)
    return [EmulatedUser(shim, first_id + n, f"User{n}") for n in range(count)]


def replies_to(text: str) -> Callable[[ChatMessage], bool]:
    return lambda message: True


def question(message: ChatMessage) -> bool:
    return message.text.startswith("❓")


async def send_all(run: Run, users: Sequence[EmulatedUser], text: str) -> None:
    for user in users:
        run.expect(user.id, replies_to(text))
        await user.send(text, wait=False)


# ----- scenarios ---------------------------------------------------------------------------
@dataclass
class Options:
    users: int
    easy_users: int
    latency: float
    database_url: str
    timeout: float
    scenarios: list[str]


async def bench_help(
    harness: BotHarness, options: Options, progress: Progress, out: Console
) -> None:
    emulator, limiter = harness.emulator, scheduler_of(harness)
    n = options.users
    users = [harness.user(f"User{i}", user_id=5_000_000 + i) for i in range(n)]
    rss = [rss_mb()]
    runs: list[tuple[str, Run, Run | None]] = []
    echoes: dict[bool, Run] = {}
    for label, limited in (
        ("first visit, limits on", True),
        ("return, limits on", True),
        ("return, limits off", False),
        ("return again, limits off", False),
    ):
        set_limits(limiter, limited)
        run = Run(f"/help × {n}, {label}", emulator, progress)
        async with run.measuring(options.timeout):
            await send_all(run, users, "/help")
        await harness.idle(60)
        forget_history(emulator)
        rss.append(rss_mb())
        if limited not in echoes:
            async with echo_bot(limited) as echo_emulator:
                kind = "limits on" if limited else "no limiter"
                echo = echoes[limited] = Run(f"echo × {n}, {kind}", echo_emulator, progress)
                async with echo.measuring(options.timeout):
                    await send_all(echo, users_of(echo_emulator, 5_000_000, n), "hello")
            runs.append((label, run, echo))
        else:
            runs.append((label, run, echoes[limited]))
    set_limits(limiter, True)
    # How far the floor moves for a bare bot doing what /help does: read the user's row and
    # send the same text.
    services: Services = harness.app.bot_data["services"]
    same_reply = help_text(texts("en"), services.gateway.offline)
    async with echo_bot(False, read_row=True, reply_html=same_reply) as echo_emulator:
        reading = Run(f"bare /help × {n}", echo_emulator, progress)
        async with reading.measuring(options.timeout):
            await send_all(reading, users_of(echo_emulator, 5_000_000, n), "/help")

    table = results_table(f"/help from {n} users at once")
    shown: set[int] = set()
    for label, run, echo in runs:
        add_row(table, label, run, echo, show_echo=id(echo) not in shown)
        shown.add(id(echo))
    add_row(
        table,
        "  bare bot doing the same (no limiter)",
        reading,
        echoes[False],
        show_echo=False,
    )
    out.print(table)
    ours = runs[-1][1]
    out.print(
        f"Against the bare bot doing the same work (limits off): {ours.rate / reading.rate:.2f}× "
        f"its replies/s, {ours.cpu / max(reading.cpu, 1e-9):.2f}× its CPU per reply"
    )
    if None not in rss:
        before, *after = rss
        per_250 = (after[-1] - after[-2]) * 250 / n
        out.print(
            f"RSS: {before:.1f} MB before; after each round: "
            + ", ".join(f"{mb:.1f}" for mb in after)
            + f" MB ({per_250:+.2f} MB per 250 returning users, last two rounds)"
        )


async def bench_easy(
    harness: BotHarness, options: Options, progress: Progress, out: Console
) -> None:
    from bot.services.jobs import create_job

    emulator, limiter = harness.emulator, scheduler_of(harness)
    n = options.easy_users
    users = [harness.user(f"Easy{i}", user_id=7_000_000 + i) for i in range(n)]
    set_limits(limiter, False)  # setting up: /start, a job, /practice
    setup = Run(f"setting up {n} users with a job", emulator, progress)
    async with setup.measuring(options.timeout):
        await send_all(setup, users, "/start")
    await harness.idle(60)
    for user in users:
        await create_job(
            user.id,
            name="Acme backend",
            title="Python Developer",
            experience_level="mid-level",
            description=JOB,
        )
    practice = Run("/practice", emulator, progress)
    async with practice.measuring(options.timeout):
        await send_all(practice, users, "/practice")
    await harness.idle(60)
    set_limits(limiter, True)

    run = Run(f"Easy × {n}", emulator, progress)
    first_call = len(emulator.calls)
    async with run.measuring(options.timeout + options.latency):
        for user in users:
            run.expect(user.id, question)
            await user.click("Easy", wait=False)
    await harness.idle(60)
    first_words = []
    for user in users:
        sent_at = run.waiting[user.id].sent_at
        draft = next(
            (
                c.at
                for c in emulator.calls[first_call:]
                if c.method == "sendMessageDraft"
                and c.params.get("chat_id") == user.id
                and str(c.params.get("text", "")).strip()
            ),
            None,
        )
        if draft is not None:
            first_words.append(draft - sent_at)
    first_words.sort()

    # Again without Telegram's pace: the same work done back to back. Paced, the bot idles
    # between calls and each piece of work runs on cold caches (the same sendMessage costs
    # 5× the CPU spread over seconds as in a burst), so this is the CPU the work itself takes.
    set_limits(limiter, False)
    again = Run("/practice again", emulator, progress)
    async with again.measuring(options.timeout):
        await send_all(again, users, "/practice")
    await harness.idle(60)
    dense = Run(f"Easy × {n}, limits off", emulator, progress)
    async with dense.measuring(options.timeout + options.latency):
        for user in users:
            dense.expect(user.id, question)
            await user.click("Easy", wait=False)
    await harness.idle(60)
    set_limits(limiter, True)

    table = results_table(
        f"Easy pressed by {n} users with a job at once, model {options.latency} s"
    )
    add_row(table, "limits on", run, None, first_words=first_words)
    add_row(table, "again, limits off", dense, None)
    out.print(table)
    goal = options.latency + 1.15 * n / 30
    slowest = max(run.times(), default=float("nan"))
    out.print(
        f"Goal: every question within {goal:.1f} s (2 s model: 2 + 1.15 × {n}/30); "
        f"slowest {slowest:.2f} s, {run.lost} without a question"
    )


async def bench_paced(
    harness: BotHarness, options: Options, progress: Progress, out: Console
) -> None:
    emulator, limiter = harness.emulator, scheduler_of(harness)
    set_limits(limiter, True)
    n = max(10, min(options.users, 100))
    fast = harness.user("Fast", user_id=8_000_000)
    others = [harness.user(f"Other{i}", user_id=8_000_001 + i) for i in range(n)]
    emulator.pace(fast.id, calls=1, seconds=1.0, retry_after=5)
    run = Run(f"/help × {n} while one chat is paced", emulator, progress)
    async with run.measuring(options.timeout + 20):
        for i, user in enumerate(others):  # about 20 a second, under the overall 30/s
            if i < 12 and i % 4 == 0:  # 3 in half a second: "retry after 5" for this chat
                await fast.send("/help", wait=False)
            run.expect(user.id, replies_to("/help"))
            await user.send("/help", wait=False)
            await asyncio.sleep(0.05)
    await harness.idle(60)
    emulator.paced.clear()
    table = results_table(f"/help from {n} users while Telegram paces one chat (retry after 5)")
    add_row(table, "other users", run, None)
    out.print(table)
    out.print(f"Goal: other users' p95 < 0.5 s; measured {pct(run.times(), 0.95):.3f} s")


def results_table(title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in (
        "run",
        "replies/s",
        "p50 s",
        "p95 s",
        "max s",
        "first words p95 s",
        "SQL/step",
        "CPU ms/step",
        "429s",
        "lost",
        "× echo",
    ):
        table.add_column(column, justify="left" if column == "run" else "right")
    return table


def add_row(
    table: Table,
    label: str,
    run: Run,
    echo: Run | None,
    first_words: Sequence[float] = (),
    *,
    show_echo: bool = True,
) -> None:
    times = run.times()
    cells = [
        label,
        f"{run.rate:.1f}",
        f"{pct(times, 0.5):.3f}",
        f"{pct(times, 0.95):.3f}",
        f"{max(times, default=float('nan')):.3f}",
        f"{pct(first_words, 0.95):.3f}" if first_words else "-",
        f"{run.sql / max(run.steps, 1):.1f}",
        f"{run.cpu * 1000 / max(run.steps, 1):.2f}",
        str(run.throttled),
        str(run.lost),
        f"{run.rate / echo.rate:.2f}" if echo else "-",
    ]
    table.add_row(*cells)
    if echo is not None and show_echo:
        e = echo.times()
        table.add_row(
            f"  bare echo bot ({echo.name.split(', ')[-1]})",
            f"{echo.rate:.1f}",
            f"{pct(e, 0.5):.3f}",
            f"{pct(e, 0.95):.3f}",
            f"{max(e, default=float('nan')):.3f}",
            "-",
            "0",
            f"{echo.cpu * 1000 / max(echo.steps, 1):.2f}",
            str(echo.throttled),
            str(echo.lost),
            "1.00",
        )


# ----- entry -------------------------------------------------------------------------------
@contextlib.asynccontextmanager
async def scratch_database(db: str) -> AsyncIterator[str]:
    """A fresh database: a SQLite file in a temporary folder, or a new PostgreSQL database on
    the given server (dropped afterwards)."""
    if db == "sqlite":
        with tempfile.TemporaryDirectory(prefix="coach-bench-") as folder:
            yield f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        return
    import asyncpg

    server = DEFAULT_POSTGRES if db == "postgres" else db
    name = f"coach_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(server.replace("postgres://", "postgresql://", 1))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.rsplit("/", 1)[0] + "/" + name
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def run_bench(options: Options, out: Console) -> int:
    async with scratch_database(options.database_url) as url:
        with tempfile.TemporaryDirectory(prefix="coach-bench-data-") as data_dir:
            settings = Settings(
                _env_file=None,  # type: ignore[call-arg]
                telegram_bot_token=None,
                database_url=url,
                data_dir=Path(data_dir),
                openai_api_key=None,
                admin_ids=frozenset(),
                webhook_url=None,
                log_level="WARNING",
            )
            out.print(
                f"Bench: {options.users} users (/help), {options.easy_users} pressing Easy, "
                f"model {options.latency} s, database {url.split('://')[0]}"
            )
            async with run_harness(settings) as harness:
                services: Services = harness.app.bot_data["services"]
                services.gateway.backend = PacedModel(services.gateway.backend, options.latency)  # type: ignore[assignment]
                with Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    console=out,
                    transient=True,
                ) as progress:
                    for name in options.scenarios:
                        await SCENARIOS[name](harness, options, progress, out)
                out.print(
                    f"Scheduler: {scheduler_of(harness).throttled} 429s seen, "
                    f"{scheduler_of(harness).superseded} superseded cosmetic calls dropped, "
                    f"{scheduler_of(harness).retried} retries"
                )
    if failures.count:  # timings are never judged, but a handler that broke is
        out.print(f"Handler errors during the bench: {failures.count}")
        return 1
    return 0


class _ErrorCount(logging.Handler):
    """Counts the errors the bot's error handler logs (a bench that hits a bug fails)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


failures = _ErrorCount()
logging.getLogger("handlers.kit.errors").addHandler(failures)


SCENARIOS = {"help": bench_help, "easy": bench_easy, "paced": bench_paced}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot bench", description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=250, help="users sending /help (250)")
    parser.add_argument("--easy-users", type=int, default=240, help="users pressing Easy (240)")
    parser.add_argument("--model-latency", type=float, default=2.0, help="seconds (2.0)")
    parser.add_argument(
        "--db",
        default="sqlite",
        help="sqlite (a temporary file), postgres, or a PostgreSQL server URL "
        "(a scratch database is created there and dropped)",
    )
    parser.add_argument(
        "--scenarios", default="help,easy,paced", help="comma-separated: help, easy, paced"
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="per run, seconds (60)")
    args = parser.parse_args(argv)
    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = [s for s in scenarios if s not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(unknown)}")
    logging.basicConfig(level=logging.WARNING)
    options = Options(
        args.users, args.easy_users, args.model_latency, args.db, args.timeout, scenarios
    )
    console = Console(highlight=False)
    if console.width < 150:  # piped, or a narrow terminal: keep the tables readable
        console = Console(highlight=False, width=150)
    return asyncio.run(run_bench(options, console))
