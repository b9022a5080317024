"""Mock interviews: /interview, answers by text or voice, /end, the report, /interviews.

The feature's handlers live in `start` (starting, one at a time), `turns` (the interview in
progress), `report` (the report and its downloads) and `history` (/interviews, transcripts),
sharing `common`; this module declares the flow and the plain handlers app.py registers.

The `interview` flow: entry points /interview and the start buttons (a job picked, continue
the current interview, end it and start new); one step, `answering`, whose handler takes text
and voice answers. The interview itself is a row in `interviews`, so the flow only routes the
user's messages: the step reads the user's interview in progress and ends the flow when there
is none any more. Another flow started meanwhile pauses the interview (the user is told so);
/interview continues it. /end and every interview button are plain handlers, registered after
the flow router: they work whether or not the interview is the current flow.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot.context import CoachContext
from handlers.interviews import history, report, start, turns
from handlers.interviews.buttons import (
    ContinueInterview,
    DiscardInterview,
    DownloadMarkdown,
    DownloadPdf,
    EndInterview,
    InterviewsForJob,
    KeepGoing,
    OpenInterview,
    ReplaceInterview,
    RetryReport,
    RetryTurn,
    Transcript,
    VoiceReplies,
)
from handlers.interviews.common import ANSWERING, FLOW, current_step
from handlers.kit.buttons import on_press
from handlers.kit.entry_buttons import InterviewJob, InterviewList
from handlers.kit.flow import Flow, Step

ANSWERS = filters.ALL & ~filters.COMMAND & ~filters.StatusUpdate.ALL


def _entry(handler: BaseHandler[Any, Any, Any]) -> BaseHandler[Any, Any, Any]:
    """An entry point whose handler returned no step (it only showed a picker, was refused,
    or a button was not the user's) keeps the flow while an interview is in progress."""
    inner = handler.callback

    async def callback(update: Update, context: CoachContext) -> Step:
        step = await inner(update, context)
        return step if step is not None else await current_step(context)

    handler.callback = callback
    return handler


def flows() -> list[Flow]:
    return [
        Flow(
            name=FLOW,
            entry_points=[
                _entry(CommandHandler("interview", start.interview_command)),
                _entry(on_press(InterviewJob, start.pick_job)),
                _entry(on_press(ContinueInterview, start.continue_current)),
                _entry(on_press(ReplaceInterview, start.replace_current)),
            ],
            steps={ANSWERING: [MessageHandler(ANSWERS, turns.on_message)]},
            fallbacks=[CommandHandler("cancel", turns.cancel_command)],
            left="interviews-paused",
            timeout=None,  # the interview's own time limit applies; its row is the truth
        )
    ]


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """Plain handlers, after the flow router: /interviews, /end and the interview's buttons."""
    return [
        CommandHandler("interviews", history.interviews_command),
        CommandHandler("end", turns.end_command),
        on_press(RetryTurn, turns.retry_turn),
        on_press(VoiceReplies, turns.toggle_voice),
        on_press(EndInterview, turns.end_button),
        on_press(DiscardInterview, turns.discard_button),
        on_press(KeepGoing, turns.keep_going_button),
        on_press(RetryReport, report.retry_report),
        on_press(DownloadMarkdown, report.download_markdown),
        on_press(DownloadPdf, report.download_pdf),
        on_press(InterviewList, history.list_button),
        on_press(InterviewsForJob, history.list_button),
        on_press(OpenInterview, history.open_interview),
        on_press(Transcript, history.show_transcript),
    ]
