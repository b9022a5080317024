## Resume analysis: /resume, the upload step, the report.

resume-command = Check your resume against a job
resume-pick-job = 📄 Which job should I check your resume against?
resume-ask = 📄 Send your resume for <b>{ $job }</b> as a file — PDF, DOCX or TXT, up to { $mb } MB.
resume-ask-keeps = I read its text, review it against the job and keep only the review, not the file.
resume-ask-last = Last review: <b>{ $score }/10</b> on { $date }.
resume-ask-cancel = /cancel to stop.
resume-button-last = 📋 Show last review
resume-ask-again = Please send your resume as a PDF, DOCX or TXT file (up to { $mb } MB), or /cancel.
resume-refused = ⚠️ { $reason }
    { $again }
resume-photo = That's a photo — I need the resume file itself (📎 → File), not a picture of it.
resume-text = I need your resume as a file, not as a text message.
resume-not-document = That isn't a document.
resume-download-refused = I couldn't download that file from Telegram.
resume-job-gone = That job no longer exists. Send /resume to choose another.
resume-ai-failed = ⚠️ { $reason } Nothing was saved. Tap Retry to try the same file again.
resume-button-retry = 🔁 Retry
resume-retrying = Trying again…
resume-file-gone = I no longer have that file. Send /resume to start again.
resume-file-gone-ask = I no longer have that file (I keep it only briefly, in memory).
resume-cancelled = Resume check cancelled. /resume starts again.
resume-left = 📄 Resume check stopped — /resume to start again.
resume-no-review = There's no saved review for that job.

## The report
resume-title = Resume review
resume-title-last = Last review ({ $date })
resume-header = 📄 <b>{ $title }</b> — { $job }
resume-overall = <b>Overall: { $score }/10</b> { $bar }
resume-up = 📈 Up { $diff } from { $previous }/10 last time.
resume-down = 📉 Down { $diff } from { $previous }/10 last time.
resume-same = ➖ Same as last time ({ $previous }/10).
resume-truncated = ✂️ <i>Your resume is longer than about { $pages } pages; I reviewed the first { $pages }.</i>
resume-button-new-version = 📤 Check a new version
resume-category = { $key ->
    [ats] ATS compatibility
    [job_match] Job match
    [writing_and_formatting] Writing &amp; formatting
    [keyword_coverage] Keyword coverage
   *[other] Other
}
resume-not-a-resume = 🤔 This doesn't look like a resume: it has no experience, education or skills sections and no dates, so it wasn't scored and nothing was counted. Send /resume with your resume (PDF, DOCX or TXT).
