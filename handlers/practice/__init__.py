"""/practice: questions by difficulty for a job, answered by text or voice, rated out of 10.

The flow `practice` has two steps: `choosing` (difficulty, Try again, past questions or Done)
and `answering` (a text or voice answer is expected). `drill` is the question/answer loop,
`past` the past questions, `buttons` the feature's buttons.
"""

from __future__ import annotations

from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from handlers.kit.buttons import on_press
from handlers.kit.entry_buttons import PracticeJob, PracticeList
from handlers.kit.flow import Flow
from handlers.learning import practice_entries
from handlers.learning.buttons import NextForMeButton
from handlers.practice import drill, past
from handlers.practice.buttons import (
    DifficultyButton,
    DoneButton,
    QuestionButton,
    RetryGradeButton,
    ShowAnswerButton,
    SkipButton,
)


def flows() -> list[Flow]:
    in_flow = [
        on_press(DifficultyButton, drill.choose_difficulty),
        on_press(RetryGradeButton, drill.retry_grade),
        on_press(DoneButton, drill.done),
        on_press(NextForMeButton, drill.next_for_me),
        on_press(ShowAnswerButton, drill.show_answer),
        on_press(SkipButton, drill.skip),
    ]
    new = filters.UpdateType.MESSAGE  # an edited answer is not a second answer
    text = new & filters.TEXT & ~filters.COMMAND
    voice = new & (filters.VOICE | filters.AUDIO)
    return [
        Flow(
            "practice",
            entry_points=[
                CommandHandler("practice", drill.start_command),
                on_press(PracticeJob, drill.pick_job),
                on_press(QuestionButton, past.open_question),
                on_press(PracticeList, past.list_questions),
                *practice_entries(),  # /review, Review, Practice now (handlers.learning)
            ],
            steps={
                drill.CHOOSING: [*in_flow, MessageHandler(text | voice, drill.remind_choose)],
                drill.ANSWERING: [
                    *in_flow,
                    MessageHandler(text, drill.answer_text),
                    MessageHandler(voice, drill.answer_voice),
                    MessageHandler(
                        new & ~filters.COMMAND & ~filters.StatusUpdate.ALL, drill.answer_other
                    ),
                ],
            },
            fallbacks=[CommandHandler("cancel", drill.cancel)],
            left="practice-left",
            quiet_steps=frozenset({drill.CHOOSING}),
        )
    ]


def handlers() -> list[BaseHandler]:
    return []
