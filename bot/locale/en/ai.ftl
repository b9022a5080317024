## The AI layer's failures (`AIUnavailableError.kind`, `ai-error-<kind>`) and its notices.

ai-error-unavailable = The AI coach is not answering right now. Please try again in a minute.
ai-error-timeout = The AI coach took too long to answer. Please try again in a minute.
ai-error-bad-output = The AI coach gave an answer I couldn't use. Please try again in a minute.
ai-error-no-speech = Voice messages aren't available with this AI setup. Please type instead.
ai-error-no-speech-offline = Voice messages need an AI key; the offline coach works with text only.
ai-error-empty-question = The AI coach returned an empty question. Please try again.
ai-error-empty-reply = { interviews-empty-reply }
ai-error-refused = The AI model declined to write this one. Please try again.

# Shown while a slow model is still writing (see `bot.ai.streams.notify_when_slow`).
ai-still-writing = ⏳ The coach is still writing — this model is slow today. One moment…
