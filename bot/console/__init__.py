"""`python -m bot console`: the whole bot in a terminal, with nothing to set up.

The real application (same handlers, database layer and AI gateway as in Telegram) runs against
the in-process Bot API emulator. One console user talks to it: typed lines become messages,
a number presses a button of the latest keyboard (an invoice's Pay button makes a local test
payment through the emulator: no real Stars), `:file`/`:voice` send files. The bot's side
of the chat is printed with `rich`; without a terminal (piped stdin/stdout) the output is plain
text, so the console can be scripted.

Modules: `console_input` (typed lines, files, stdin), `console_render` (chat → `rich` text),
`console_screen` (printing the chat as it changes), `console_session` (the loop); this one
starts it all.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import logging
import os
import signal
import sys

from rich.console import Console
from rich.text import Text

from bot.console.input import LineReader
from bot.console.session import ConsoleSession
from bot.emulator.harness import run_harness
from bot.logs import configure_logging
from bot.settings import Settings

# A fixed id, so the console user's jobs and history persist between runs.
CONSOLE_USER_ID = 1_000_000_001


# ----- entry point -------------------------------------------------------------------------
def configure_console_logging(settings: Settings) -> None:
    """Quiet (WARNING) so the chat stays readable, unless LOG_LEVEL asks for more."""
    chosen = "log_level" in settings.model_fields_set
    level = settings.log_level if chosen else "WARNING"
    configure_logging(settings, level=level)
    logging.captureWarnings(True)
    if not chosen:  # library warnings (e.g. about handler options) are for developers
        logging.getLogger("py.warnings").setLevel(logging.ERROR)
        # So is the Bot API description the tests check calls against (`../shared/…`): a
        # checkout without it runs the console just the same.
        logging.getLogger("bot.emulator.spec").setLevel(logging.ERROR)


def console_user_names() -> tuple[str, str]:
    """(first name, username) for the console user: the OS user, else "You"."""
    try:
        login = getpass.getuser().strip()
    except (KeyError, OSError):
        login = ""
    if not login or not login.replace("_", "").replace("-", "").replace(".", "").isalnum():
        return "You", "you"
    return login[:1].upper() + login[1:], login.lower()[:32]


def describe_database(settings: Settings) -> str:
    url = settings.resolved_database_url
    if url.startswith("sqlite://"):
        return f"SQLite at {url.removeprefix('sqlite://')}"
    return "PostgreSQL (DATABASE_URL)"


def banner(settings: Settings) -> Text:
    coach = (
        "offline coach (built in; set OPENAI_API_KEY to use a model)"
        if settings.offline
        else f"model {settings.openai_model} (OpenAI-compatible)"
    )
    return Text.assemble(
        ("Interview Coach — console mode\n", "bold"),
        "The real bot, running here against a local stand-in for Telegram (no token needed).\n",
        f"Data: {describe_database(settings)}. Coach: {coach}.\n",
        "Type messages or /commands (try /start). A number presses a button of the latest "
        "keyboard; :help lists more, :quit leaves.",
    )


async def run_console(settings: Settings) -> int:
    configure_console_logging(settings)
    # Updates come from the emulator: never start a webhook server from a .env meant for prod.
    settings = settings.model_copy(update={"webhook_url": None})
    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal  # piped output: one line per line, unwrapped
    console.print(banner(settings))
    loop = asyncio.get_running_loop()
    reader = LineReader(loop)
    interrupted = asyncio.Event()

    def on_signal() -> None:
        if interrupted.is_set():  # a second Ctrl-C while stopping: leave at once
            print("\nStopped without waiting for the bot.", file=sys.stderr)
            os._exit(130)
        interrupted.set()
        reader.interrupt()

    installed: list[signal.Signals] = []
    # Windows event loops have no add_signal_handler; there Ctrl-C arrives as KeyboardInterrupt.
    if sys.platform != "win32":
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(RuntimeError, ValueError):  # not the main thread
                loop.add_signal_handler(sig, on_signal)
                installed.append(sig)
    try:
        async with run_harness(settings) as harness:
            first_name, username = console_user_names()
            user = harness.user(first_name, user_id=CONSOLE_USER_ID, username=username)
            session = ConsoleSession(harness, user, console, settings, interrupted)
            try:
                if not interrupted.is_set():
                    await session.run(reader)
                with contextlib.suppress(AssertionError):  # a reply still running: stop anyway
                    await harness.idle(timeout=5.0)
                session.flush()
            finally:
                session.close()
    except AssertionError as exc:  # run_harness's final wait for a bot that is still busy
        logging.getLogger(__name__).warning("Stopped while the bot was busy: %s", exc)
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
    if console.is_terminal:
        console.print(Text("Bye!", style="dim"))
    return 0
