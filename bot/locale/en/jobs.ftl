## Job profiles: /newjob, /jobs, the card, editing and deleting.

jobs-not-found = Job not found — it may have been deleted.
jobs-page-not-found = Not found.
jobs-old-button = That button is from an old message.
jobs-old-button-now = That button is from an old message. Now { $expected }
jobs-warning = ⚠️ { $reason }
jobs-stray = I can't use { $what } here — { $expected }
jobs-stray-what = { $kind ->
    [sticker] a sticker
    [photo] a photo
    [voice] a voice message
    [audio] audio
    [video] a video
    [video_note] a video message
    [animation] a GIF
    [document] a file
   *[other] that
}
jobs-invalid-download-failed = I couldn't download that file — paste the text instead.

## Levels, keyed by ExperienceLevel's values
jobs-level = { $level ->
    [junior] Junior
    [mid-level] Mid-level
   *[senior] Senior
}

## Wrong values (the service's InvalidValue reasons)
jobs-invalid-what = { $what ->
    [title] title
   *[name] name
}
jobs-invalid-empty = The { jobs-invalid-what } can't be empty.
jobs-invalid-too-long = The { jobs-invalid-what } must be at most { $limit } characters (got { $got }).
jobs-invalid-description-short = The description must be at least { $limit } characters — paste the job ad.
jobs-invalid-description-long = The description must be at most { NUMBER($limit, useGrouping: "true") } characters (got { NUMBER($got, useGrouping: "true") }).
jobs-invalid-level = Choose Junior, Mid-level or Senior.
jobs-invalid-file-type = I can read .txt and .pdf files only — or paste the text.
jobs-invalid-file-empty = That file is empty — send the job description or paste the text.
jobs-invalid-file-unreadable = { $message }
jobs-invalid-file-too-long = That file is far too long for a job description (at most { NUMBER($limit, useGrouping: "true") } characters).
jobs-invalid-file-too-large = That file is over 10 MB — send a smaller one or paste the text.
jobs-invalid-field = That field can't be edited.

## The list and the card
jobs-none = You have no saved jobs yet. Create one with /newjob.
jobs-list = <b>Your jobs</b> ({ $total })
    Tap one to open it, or /newjob to add another.
jobs-list-paged = <b>Your jobs</b> ({ $total }) — page { $page } of { $pages }
    Tap one to open it, or /newjob to add another.
jobs-card-name = 🏢 <b>{ $name }</b>
jobs-card-title = 💼 { $title }
jobs-card-level = 📈 { $level }
jobs-card-preview = <i>{ $text }</i>
jobs-card-counts = 🧠 { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
    } asked · 🎤 { $interviews ->
    [one] { $interviews } interview
   *[other] { $interviews } interviews
    } run
jobs-button-practice = 🧠 Practice
jobs-button-interview = 🎤 Interview
jobs-button-resume = 📄 Resume
jobs-button-past-questions = Past questions
jobs-button-past-interviews = Past interviews
jobs-button-edit = ✏️ Edit
jobs-button-delete = 🗑 Delete
jobs-button-all = « All jobs
jobs-button-previous = ◀
jobs-button-next = ▶

## Deleting
jobs-delete-ask = 🗑 Delete <b>{ $name }</b>? Its { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
    } and { $interviews ->
    [one] { $interviews } interview
   *[other] { $interviews } interviews
    } will be deleted too. This can't be undone.
jobs-button-delete-yes = Yes, delete
jobs-button-keep = Keep
jobs-deleted-answer = Deleted.
jobs-deleted = 🗑 Deleted <b>{ $name }</b>, with { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
    } and { $interviews ->
    [one] { $interviews } interview
   *[other] { $interviews } interviews
    }.

## /newjob
jobs-new-name = 🏢 <b>New job</b> (1/4)
    What's the <b>company or job name</b>? Up to 100 characters. /cancel stops.
jobs-new-title = 💼 (2/4) What's the <b>job title</b>? For example: Backend Engineer.
jobs-new-level = 📈 (3/4) Which <b>experience level</b>?
jobs-new-description = 📄 (4/4) Paste the <b>job description</b> (20–10,000 characters), or send it as a .txt or .pdf file (up to 10 MB).
jobs-new-expected-name = please type the company or job name.
jobs-new-expected-title = please type the job title, or tap Skip.
jobs-new-expected-level = please choose Junior, Mid-level or Senior with the buttons.
jobs-new-expected-description = please paste the job description, or send it as a .txt or .pdf file.
jobs-new-busy = You're creating a job: { $expected } Or send /cancel to stop.
jobs-new-cancelled = Cancelled — no job was saved.
jobs-new-left = Your new job wasn't saved — send /newjob to start again.
jobs-new-again = ↩️ Starting over.
jobs-new-lost = I lost your answers — let's start over.
jobs-new-saved = ✅ Job saved.
jobs-button-skip = Skip

## Editing a job
jobs-edit-field = ✏️ Editing <b>{ $name }</b>. What would you like to change? /cancel stops.
jobs-edit-level = 📈 Choose the new <b>experience level</b> for <b>{ $name }</b>.
jobs-edit-value = { $field ->
    [name] 🏢 Send the new <b>company or job name</b> (up to 100 characters).
    [title] 💼 Send the new <b>job title</b> (up to 100 characters), or clear it.
   *[description] 📄 Paste the new <b>job description</b> (20–10,000 characters), or send it as a .txt or .pdf file (up to 10 MB).
}
jobs-edit-expected-field = please choose what to change with the buttons.
jobs-edit-expected-level = please choose Junior, Mid-level or Senior with the buttons.
jobs-edit-expected-value = { $field ->
    [name] please type the new name.
    [title] please type the new title, or tap Clear title.
   *[description] please paste the new description, or send a .txt or .pdf file.
}
jobs-edit-busy = You're editing a job: { $expected } Or /cancel to stop.
jobs-edit-cancelled = Cancelled — the job wasn't changed.
jobs-edit-left = Your edit wasn't saved — the job is unchanged.
jobs-edit-saved = ✅ Saved.
jobs-edit-gone = Job not found — it may have been deleted. Nothing was changed.
jobs-field = { $field ->
    [name] Name
    [title] Title
    [experience_level] Level
   *[description] Description
}
jobs-button-clear-title = Clear title
