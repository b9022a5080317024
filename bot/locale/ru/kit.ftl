## Shared by every feature: buttons, errors, limits, voice, the job picker.

kit-button-unreadable = Эта кнопка больше не работает. Отправьте /help, чтобы начать заново.
kit-button-too-old = Это сообщение слишком старое — отправьте команду ещё раз.
kit-button-not-yours = Это не ваша кнопка.
kit-not-found = Не найдено — возможно, это удалили.
kit-job-not-found = Такая вакансия не найдена. /jobs покажет ваши.
kit-offline-notice = 🧩 <i>Офлайн-режим: отвечает встроенный тренер (ключ ИИ не задан).</i>
    🇬🇧 <i>Встроенный тренер задаёт вопросы и даёт разбор на английском.</i>

## Errors
kit-ai-error = ⚠️ { $reason }
kit-error-database = ⚠️ Не удалось связаться с базой данных. Ничего не потеряно — попробуйте ещё раз.
kit-error-generic = ⚠️ Извините, у меня что-то пошло не так. Попробуйте ещё раз.

## The job picker
kit-no-jobs = У вас пока нет сохранённых вакансий. Сначала создайте её с помощью /newjob.
kit-picker-more = <i>Показаны ваши последние вакансии ({ $limit }); все — в /jobs.</i>

## Plan limits
kit-limit-rate = ⏳ Вы недавно начали много собеседований. Следующее станет доступно примерно через { $hours } ч.
kit-limit-used = 🔒 Лимит тарифа { $plan } исчерпан: { $what } — { $limit } из { $limit }. Улучшите тариф, чтобы продолжить; /plan покажет расход.
kit-limit-resume = 🔒 Анализ резюме входит в тариф Max; в тариф { $plan } он не входит.
kit-limit-excluded = 🔒 { $what_capitalized } не входят в тариф { $plan }. Улучшите тариф — /plan покажет, что входит в каждый.
kit-limit-what = { $resource ->
    [question] вопросы для тренировки
    [interview] пробные собеседования
   *[resume] анализы резюме
}
kit-limit-what-capitalized = { $resource ->
    [question] Вопросы для тренировки
    [interview] Пробные собеседования
   *[resume] Анализы резюме
}
kit-button-get-max = ⭐ Получить Max
kit-button-upgrade = ⭐ Улучшить тариф

## Voice answers
kit-voice-unavailable = 🎙 Для голосовых ответов нужен ИИ-сервис с распознаванием речи. Пожалуйста, напишите ответ текстом.
kit-voice-failed = 🎙 Не удалось расшифровать запись: { $reason } Можно написать ответ текстом.
kit-voice-empty = 🎙 Я не расслышал ни одного слова в этой записи. Попробуйте ещё раз или напишите ответ.
kit-voice-heard = 🎙 <i>Я услышал:</i> { $text }
kit-voice-size-unknown = 🎙 Telegram не сообщил размер записи, поэтому я не могу её загрузить. Запишите её ещё раз или напишите ответ.
kit-voice-too-large = 🎙 Эта запись слишком большая (больше 20 МБ). Отправьте покороче или напишите ответ.
kit-voice-too-long = 🎙 Запись длиннее { $minutes } мин — сделайте голосовой ответ короче или напишите его.
kit-answer-cut = ✂️ Ответ очень длинный: я сохранил первые { $limit } символов.
