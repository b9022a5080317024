## /practice: questions by difficulty, answers rated out of 10.

practice-level = { $level ->
    [easy] Easy
    [medium] Medium
   *[hard] Hard
}
practice-which-job = Which job do you want to practise for?
practice-choose-difficulty = 🎯 Practice for <b>{ $job }</b>. Choose a difficulty:
practice-button-past = 📜 Past questions
practice-button-try-again = 🔁 Try again
practice-button-done = ✅ Done
practice-button-retry = 🔁 Retry
practice-button-new-question = 🎯 New question
practice-answer-hint = { $voice ->
    [true] <i>Answer with a text or a voice message · /cancel to stop</i>
   *[false] <i>Answer with a text message · /cancel to stop</i>
}
practice-answer-how = { $voice ->
    [true] Please answer with a text or a voice message.
   *[false] Please answer with a text message.
}
practice-question-header = ❓ <b>{ $level } question</b> · { $job }
    { $hint }
practice-job-gone = That job no longer exists. Send /practice to pick another.
practice-job-not-found = That job wasn't found.
practice-question-failed = ⚠️ I couldn't get a question: { $reason }
    Nothing was saved or counted. Press Retry to try again.
practice-grade-failed = ⚠️ I couldn't grade your answer: { $reason }
    Your answer is kept — press Retry to have it graded, or send a new one.
practice-too-many-gradings = 🔒 You've had this question graded { $limit } times today, the most for one question. Choose a new question, or answer this one again tomorrow.
practice-question-gone = That question no longer exists. Send /practice for a new one.
practice-question-not-found = That question wasn't found.
practice-rating = <b>Rating: { $rating }/10</b>
    { $bar }

    <b>Feedback</b>
practice-correct-answer = ✅ <b>Correct answer</b>
practice-remind-choose = Choose <b>Easy</b>, <b>Medium</b> or <b>Hard</b> above for the next question, <b>Try again</b> or <b>Done</b> — or /cancel.
practice-finished = ✅ Practice finished. Send /practice any time for more questions.
practice-stopped = Practice stopped. Send /practice to start again.
practice-used-button = Already on it — that button was used.
practice-left = Your practice question is set aside — /practice for a new one.

## Past questions
practice-answer-again = 🔁 <b>Answer again</b> · { $level } · { $job }
practice-best-so-far = Best so far: <b>{ $best }/10</b>
practice-none-yet = No practice questions for <b>{ $job }</b> yet.
practice-past-title = 📜 <b>Past questions</b> · { $job }
practice-past-item = { $number }. { $text }
    {"    "}<i>{ $level } · { $best ->
        [none] not answered yet
       *[other] best { $best }/10
    }</i>
practice-past-button = { $number }. { $score } · { $text }
practice-past-newest = <i>The { $count } newest are shown.</i>
practice-past-tap = Tap one to answer it again.

## After "I don't know"
practice-not-answered = 🤷 <b>No answer yet — no rating.</b> That's fine in practice. In an interview, reason out loud: say what you do know and how you'd find out.
    Send an answer when ready, see the correct one, or skip this question.
practice-button-show-answer = 💡 Show answer
practice-button-skip = ⏭ Skip
practice-show-answer-failed = ⚠️ I couldn't get the answer: { $reason }
    Press Show answer to try again, or Skip.
practice-skipped = ⏭ Skipped — this question stays unrated. Choose the next one:
practice-skill-tag = 🏷 #{ $skill }
