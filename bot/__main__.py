"""`python -m bot` runs the bot; `python -m bot console` runs it in this terminal;
`python -m bot bench` measures it under load against the emulator (see README)."""

from __future__ import annotations

import asyncio
import sys

from bot.logs import configure_logging
from bot.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["bench"]:  # its own settings: never the .env's database or token
        from bot.bench import main as bench

        return bench(args[1:])
    settings = load_settings()
    if args[:1] == ["console"]:
        from bot.console import run_console

        return asyncio.run(run_console(settings))
    if args:
        print("usage: python -m bot [console | bench --help]", file=sys.stderr)
        return 2
    if settings.telegram_bot_token is None:
        print(
            "Configuration error: TELEGRAM_BOT_TOKEN: required to run the bot "
            "(get one from @BotFather), or try it with `python -m bot console`",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings)
    from telegram.error import InvalidToken, NetworkError

    from bot.app import build_application
    from bot.runner import run_until_signalled

    try:
        asyncio.run(run_until_signalled(build_application(settings), settings))
    except InvalidToken:
        print(
            "Configuration error: TELEGRAM_BOT_TOKEN: Telegram rejected this token "
            "(check it with @BotFather)",
            file=sys.stderr,
        )
        return 2
    except NetworkError as exc:
        print(
            f"Can't reach the Telegram Bot API at {settings.telegram_base_url}: {exc}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
