## The AI layer's failures (`AIUnavailableError.kind`, `ai-error-<kind>`) and its notices.

ai-error-unavailable = ИИ-тренер сейчас не отвечает. Попробуйте ещё раз через минуту.
ai-error-timeout = ИИ-тренер слишком долго не отвечал. Попробуйте ещё раз через минуту.
ai-error-bad-output = ИИ-тренер дал ответ, который я не смог использовать. Попробуйте ещё раз через минуту.
ai-error-no-speech = С текущими настройками ИИ голосовые сообщения недоступны. Пожалуйста, напишите текстом.
ai-error-no-speech-offline = Для голосовых сообщений нужен ключ ИИ; встроенный тренер в офлайн-режиме работает только с текстом.
ai-error-empty-question = ИИ-тренер вернул пустой вопрос. Попробуйте ещё раз.
ai-error-empty-reply = { interviews-empty-reply }

# Shown while a slow model is still writing (see `bot.ai.streams.notify_when_slow`).
ai-still-writing = ⏳ Тренер ещё пишет — эта модель сегодня работает медленно. Секунду…
ai-error-refused = Модель ИИ отказалась это писать. Попробуйте ещё раз.
