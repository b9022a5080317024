## Mock interviews: /interview, answers, /end, the report, /interviews.

interviews-interviewer = 🧑‍💼 <b>Interviewer</b>
interviews-where-we-left-off = 🧑‍💼 <b>Interviewer</b> <i>(where we left off)</i>
interviews-not-found = That interview wasn't found.
interviews-already-ended = That interview has already ended.
interviews-has-ended = This interview has already ended.
interviews-job-not-found = That job wasn't found. /jobs lists yours.
interviews-paused = Your interview is paused — /interview to continue, /end to finish.

## Buttons
interviews-button-end = ⏹ End interview
interviews-button-voice = { $on ->
    [true] 🔊 Voice replies: on
   *[false] 🔈 Voice replies: off
}
interviews-voice-answer = { $on ->
    [true] 🔊 Voice replies on
   *[false] 🔈 Voice replies off
}
interviews-button-retry = 🔁 Retry
interviews-button-replace = ⏹ End it and start new
interviews-button-continue = ▶️ Continue current
interviews-button-markdown = ⬇️ Markdown
interviews-button-pdf = ⬇️ PDF
interviews-button-transcript = 📜 Transcript
interviews-button-all = 🗂 All interviews
interviews-button-retry-report = 🔁 Retry report

## Starting
interviews-pick-job = Which job is this mock interview for?
interviews-intro = 🎤 <b>Mock interview — { $job }</b>

    I'll ask you about { $questions } questions, one at a time — a mix of experience and technical ones — and follow up when an answer is thin. It takes up to { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }.

    • Answer each question { $speech ->
        [true] by text or with a voice message
       *[false] by text
    }.
    • Press <b>End interview</b> or send /end to finish at any time.
    • Afterwards you get a full feedback report, rated in 7 categories.
interviews-intro-voice = • Tap <b>Voice replies</b> to also hear my questions as voice notes.
interviews-in-progress = You already have a mock interview in progress for <b>{ $job }</b>. Only one can run at a time — end it (you'll get its report) and start the new one, or continue it?

## The interview in progress
interviews-answer-here = 🎤 You're in a mock interview: answer by text or voice, or send /end to finish.
interviews-nothing-asked = ⚠️ The interviewer hasn't asked anything yet — press Retry, or send /end.
interviews-turn-failed = ⚠️ The interviewer didn't answer: { $reason }
    Everything so far is saved — press Retry, or send /end to finish and get your report.
interviews-empty-reply = The AI coach returned an empty reply. Please try again.
interviews-already-answered = The interviewer has already answered.
interviews-none-in-progress = No mock interview is in progress. /interview starts one.

## Ending and the report
interviews-ended-empty = ⏹ Interview ended. You didn't answer any question, so there is no report and it doesn't count toward your plan.
interviews-too-short = ⏹ Interview ended. Too short for a report: you answered only once, so it doesn't count toward your plan.
interviews-discard-ask = Discard this interview? Nothing is saved and it won't count.
interviews-button-discard = 🗑 Discard
interviews-button-keep = ▶️ Keep going
interviews-discarded = 🗑 Interview discarded. Nothing was saved and it doesn't count toward your plan. /interview starts a new one.
interviews-ended = ⏹ Interview ended after { $duration }. Writing your report…
interviews-report-failed = ⚠️ I couldn't write your report: { $reason }
    The interview is saved — press Retry report to try again.
interviews-no-pdf = There's no PDF of this report — download the Markdown instead.
interviews-caption-markdown = 📝 Your interview report (Markdown)
interviews-caption-pdf = 📄 Your interview report (PDF)

## /interviews
interviews-pick-history = Which job's mock interviews do you want to see?
interviews-history-title = 🗂 <b>Mock interviews — { $job }</b>
interviews-history-empty = { $title }

    None yet. /interview starts one.
interviews-history = { $title }

    Date · duration · overall rating{ $more }. Tap one to open it.
interviews-history-more = {" "}(the { $shown } newest of { $total })
interviews-label-active = { $when } · in progress
interviews-label-no-report = { $when } · { $duration } · no report yet
interviews-label-rated = { $when } · { $duration } · ⭐ { $rating }/10
interviews-still-active = 🎤 This interview is still in progress: answer the last question, or end it.
interviews-no-report = This interview has no report yet.
interviews-transcript-title = 📜 <b>Transcript</b> — { $meta }
interviews-transcript-you = 🙋 <b>You</b>{ $voice ->
    [true] {" "}🎙
   *[false] {""}
}<i>{ $took }</i>
interviews-transcript-took = {" "}· { $seconds } s
interviews-transcript-empty = <i>Nothing was said yet.</i>

## The report document (Markdown and PDF; plain text)
interviews-report-title = Mock interview report — { $job }
interviews-report-meta = { $job } · { $date } · duration { $duration }
interviews-report-overall = Overall rating: { $rating }/10
interviews-report-page = Interview Coach - page { $page }
