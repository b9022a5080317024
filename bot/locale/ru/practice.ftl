## /practice: questions by difficulty, answers rated out of 10.

practice-level = { $level ->
    [easy] Лёгкий
    [medium] Средний
   *[hard] Сложный
}
practice-which-job = Для какой вакансии хотите потренироваться?
practice-choose-difficulty = 🎯 Тренировка для <b>{ $job }</b>. Выберите сложность:
practice-button-past = 📜 Прошлые вопросы
practice-button-try-again = 🔁 Ещё раз
practice-button-done = ✅ Готово
practice-button-retry = 🔁 Повторить
practice-button-new-question = 🎯 Новый вопрос
practice-answer-hint = { $voice ->
    [true] <i>Ответьте текстом или голосовым сообщением · /cancel — отмена</i>
   *[false] <i>Ответьте текстовым сообщением · /cancel — отмена</i>
}
practice-answer-how = { $voice ->
    [true] Пожалуйста, ответьте текстом или голосовым сообщением.
   *[false] Пожалуйста, ответьте текстовым сообщением.
}
practice-question-header = ❓ <b>{ $level } вопрос</b> · { $job }
    { $hint }
practice-job-gone = Этой вакансии больше нет. Отправьте /practice, чтобы выбрать другую.
practice-job-not-found = Такая вакансия не найдена.
practice-question-failed = ⚠️ Не удалось получить вопрос: { $reason }
    Ничего не сохранено и не засчитано. Нажмите «Повторить», чтобы попробовать снова.
practice-grade-failed = ⚠️ Не удалось оценить ваш ответ: { $reason }
    Ответ сохранён — нажмите «Повторить», чтобы его оценить, или отправьте новый.
practice-too-many-gradings = 🔒 Сегодня этот вопрос уже оценивался { $limit } { $limit ->
    [one] раз
    [few] раза
    [many] раз
   *[other] раза
} — это максимум для одного вопроса. Выберите новый вопрос или ответьте на этот завтра.
practice-question-gone = Этого вопроса больше нет. Отправьте /practice, чтобы получить новый.
practice-question-not-found = Такой вопрос не найден.
practice-rating = <b>Оценка: { $rating }/10</b>
    { $bar }

    <b>Разбор</b>
practice-correct-answer = ✅ <b>Правильный ответ</b>
practice-remind-choose = Выберите выше <b>Лёгкий</b>, <b>Средний</b> или <b>Сложный</b> для следующего вопроса, <b>Ещё раз</b> или <b>Готово</b> — или /cancel.
practice-finished = ✅ Тренировка окончена. Отправьте /practice в любой момент, чтобы получить ещё вопросы.
practice-stopped = Тренировка остановлена. Отправьте /practice, чтобы начать заново.
practice-used-button = Уже занимаюсь — эта кнопка уже нажата.
practice-left = Вопрос для тренировки отложен — /practice, чтобы получить новый.

## Past questions
practice-answer-again = 🔁 <b>Ответить ещё раз</b> · { $level } · { $job }
practice-best-so-far = Лучшая оценка: <b>{ $best }/10</b>
practice-none-yet = Для <b>{ $job }</b> пока нет вопросов.
practice-past-title = 📜 <b>Прошлые вопросы</b> · { $job }
practice-past-item = { $number }. { $text }
    {"    "}<i>{ $level } · { $best ->
        [none] ещё без ответа
       *[other] лучшая оценка { $best }/10
    }</i>
practice-past-button = { $number }. { $score } · { $text }
practice-past-newest = <i>Показаны последние: { $count }.</i>
practice-past-tap = Нажмите на вопрос, чтобы ответить на него ещё раз.
practice-not-answered = 🤷 <b>Ответа пока нет — и оценки нет.</b> На тренировке это нормально. На собеседовании рассуждайте вслух: скажите, что знаете, и как бы выяснили остальное.
    Отправьте ответ, когда будете готовы, посмотрите правильный или пропустите этот вопрос.
practice-button-show-answer = 💡 Показать ответ
practice-button-skip = ⏭ Пропустить
practice-show-answer-failed = ⚠️ Не удалось получить ответ: { $reason }
    Нажмите «Показать ответ», чтобы попробовать снова, или «Пропустить».
practice-skipped = ⏭ Пропущено — вопрос остаётся без оценки. Выберите следующий:
practice-skill-tag = 🏷 #{ $skill }
