## Shared by every feature: buttons, errors, limits, voice, the job picker.
## (kit-offline-notice: in other languages, a second line says the built-in coach writes in English.)

kit-button-unreadable = This button is no longer active. Send /help to start again.
kit-button-too-old = This message is too old — send the command again.
kit-button-not-yours = That button isn't yours.
kit-not-found = Not found — it may have been deleted.
kit-job-not-found = That job wasn't found. /jobs lists yours.
kit-offline-notice = 🧩 <i>Offline mode: the built-in coach is answering (no AI key is set).</i>

## Errors
kit-ai-error = ⚠️ { $reason }
kit-error-database = ⚠️ I couldn't reach my database just now. Nothing was lost — please try again.
kit-error-generic = ⚠️ Sorry, something went wrong on my side. Please try again.

kit-answer-cut = ✂️ That answer is very long: I kept its first { $limit } characters.

## The job picker
kit-no-jobs = You have no saved jobs yet. Create one with /newjob first.
kit-picker-more = <i>Showing your { $limit } newest jobs; see /jobs for all.</i>

## Plan limits
kit-limit-rate = ⏳ You've started a lot of interviews lately. The next one frees up in about { $hours } h.
kit-limit-used = 🔒 You've used all { $limit } { $what } of the { $plan } plan. Upgrade to keep going — /plan shows your usage.
kit-limit-resume = 🔒 Resume analysis comes with the Max plan; it's not part of the { $plan } plan.
kit-limit-excluded = 🔒 { $what_capitalized } are not part of the { $plan } plan. Upgrade to use them — /plan shows what each plan includes.
kit-limit-what = { $resource ->
    [question] practice questions
    [interview] mock interviews
   *[resume] resume analyses
}
kit-limit-what-capitalized = { $resource ->
    [question] Practice questions
    [interview] Mock interviews
   *[resume] Resume analyses
}
kit-button-get-max = ⭐ Get Max
kit-button-upgrade = ⭐ Upgrade

## Voice answers
kit-voice-unavailable = 🎙 Voice answers need an AI backend with speech. Please type your answer instead.
kit-voice-failed = 🎙 I couldn't transcribe that: { $reason } You can type your answer instead.
kit-voice-empty = 🎙 I couldn't hear any words in that recording. Please try again or type your answer.
kit-voice-heard = 🎙 <i>I heard:</i> { $text }
kit-voice-size-unknown = 🎙 Telegram didn't tell me how big that recording is, so I can't fetch it. Please record it again or type your answer.
kit-voice-too-large = 🎙 That recording is too large for me (over 20 MB). Please send a shorter one or type your answer.
kit-voice-too-long = 🎙 That recording is over { $minutes } minutes — please keep a voice answer shorter or type your answer.
