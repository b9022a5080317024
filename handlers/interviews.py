"""Mock interviews: /interview, answers by text or voice, /end, the report, /interviews.

The feature's handlers live in `interview_start` (starting, one at a time), `interview_turns`
(the router and the interview in progress), `interview_report` (the report and its downloads)
and `interview_history` (/interviews, transcripts), sharing `interview_common`; this module
registers them.

An interview in progress is kept in the database, not in memory: the router (group INTERVIEWS,
before MAIN's conversations and catch-alls) looks it up for every plain message, so the next
answer after a restart continues the same interview. Buttons are handled in the same early
group, so a stale step of another flow can't swallow them; every id in them is checked against
the user by the service.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, TypeHandler

from handlers import callbacks
from handlers.interview_common import FEATURE, HISTORY_FEATURE, Callback, final
from handlers.interview_history import (
    interviews_command,
    list_button,
    open_interview,
    show_transcript,
)
from handlers.interview_report import download_markdown, download_pdf, retry_report
from handlers.interview_start import (
    continue_current,
    interview_command,
    pick_job,
    replace_current,
)
from handlers.interview_turns import end_button, end_command, retry_turn, route, toggle_voice


def early_handlers() -> list[BaseHandler]:
    """For their own group before MAIN: the router, then this feature's buttons (a stale step
    of another flow must not swallow them)."""
    buttons: list[tuple[str, str, Callback]] = [
        (FEATURE, "job", pick_job),
        (FEATURE, "replace", replace_current),
        (FEATURE, "continue", continue_current),
        (FEATURE, "retry", retry_turn),
        (FEATURE, "voice", toggle_voice),
        (FEATURE, "end", end_button),
        (FEATURE, "report", retry_report),
        (FEATURE, "list", list_button),
        (HISTORY_FEATURE, "job", list_button),
        (FEATURE, "open", open_interview),
        (FEATURE, "tx", show_transcript),
        (FEATURE, "md", download_markdown),
        (FEATURE, "pdf", download_pdf),
    ]
    return [
        *(
            CallbackQueryHandler(final(callback), pattern=callbacks.pattern(feature, action))
            for feature, action, callback in buttons
        ),
        TypeHandler(Update, route),
    ]


def command_handlers() -> list[BaseHandler]:
    return [
        CommandHandler("interview", interview_command),
        CommandHandler("interviews", interviews_command),
        CommandHandler("end", end_command),
    ]
