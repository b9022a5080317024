## The learning loop: /progress, /review, suggested difficulty, Next for me, /remind.

learning-suggested = { $level } ⭐
learning-button-next-for-me = 🎯 Следующий для меня
learning-button-review = 🔁 Повторить (пора: { $count })
learning-button-review-now = 🔁 Повторить сейчас
learning-button-practice-now = 🧠 Тренироваться
learning-button-progress = 📈 Прогресс
learning-focus = 🎯 <i>Для вас: { $skill } — ваш самый слабый навык</i>
learning-job-not-found = Такая вакансия не найдена.

## /progress
learning-progress-empty = 📈 Пока нечего показать. Отправьте /practice и ответьте на первый вопрос — каждый оценённый ответ появится здесь.
learning-progress-title = 📈 <b>Ваш прогресс</b>{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-progress-answers = Отвечено вопросов: <b>{ $count }</b> · средняя оценка <b>{ $average }/10</b>
learning-progress-trend = Последние 10: <b>{ $last }</b>, предыдущие 10: { $before } { $trend ->
    [up] 📈 растёт
    [down] 📉 падает
   *[flat] ➡️ стабильно
}
learning-progress-recent = Последние ответы: в среднем <b>{ $last }/10</b>
learning-progress-skills = <b>По навыкам</b>
learning-progress-skill = • { $skill }: { $average }/10 ({ $count ->
    [one] { $count } ответ
    [few] { $count } ответа
    [many] { $count } ответов
   *[other] { $count } ответа
})
learning-progress-weakest = { $count ->
    [one] Самый слабый навык: <b>{ $skills }</b>
   *[other] Самые слабые навыки: <b>{ $skills }</b>
}
learning-progress-interviews = <b>Пробные собеседования</b>
learning-progress-interview = • { $date } · { $job }: { $rating }/10
learning-progress-streak = 🔥 Серия: { $days ->
    [0] ни одного ответа ни сегодня, ни вчера
    [one] { $days } день подряд
    [few] { $days } дня подряд
    [many] { $days } дней подряд
   *[other] { $days } дня подряд
}
learning-progress-due = 🔁 { $count ->
    [one] { $count } вопрос пора повторить — /review
    [few] { $count } вопроса пора повторить — /review
    [many] { $count } вопросов пора повторить — /review
   *[other] { $count } вопроса пора повторить — /review
}
learning-progress-next-due = 🔁 Следующее повторение: { $when } ({ $zone })
learning-chart-title = Оценки со временем{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-chart-rating = Оценка (1–10)
learning-chart-answer = Ответы, от старых к новым
learning-chart-caption = 📈 Ваши последние ответы: { $count }

## /review
learning-review-none = Повторять пока нечего. Отвечайте на вопросы в /practice — каждый вернётся сюда, когда придёт время.
learning-review-none-due = ✅ Повторять пока нечего. Следующее повторение: { $when } ({ $zone }).
learning-review-header = 🔁 <b>Повторение</b> · { $level } · { $job } · пора повторить: { $count }

## /remind
learning-remind-ask-zone = ⏰ В каком вы часовом поясе? Выберите или напишите его название (например, <code>Europe/Moscow</code>).
learning-remind-bad-zone = Я не знаю такого часового пояса. Выберите ниже или напишите название вроде <code>Europe/Moscow</code> или <code>Asia/Almaty</code>.
learning-remind-ask-time = ⏰ Во сколько напоминать вам каждый день ({ $zone })? Выберите или напишите время как <code>ЧЧ:ММ</code>.
learning-remind-bad-time = Укажите время в формате <code>ЧЧ:ММ</code>, например <code>19:00</code>.
learning-remind-current = Напоминание стоит на <b>{ $time }</b> ({ $zone }). Выберите новое время или /remind off, чтобы отключить.
learning-remind-set = ✅ Буду напоминать каждый день в <b>{ $time }</b> ({ $zone }) — если вы ещё не тренировались в этот день. /remind off отключает напоминания; /remind zone меняет часовой пояс.
learning-remind-off = 🔕 Напоминания выключены. /remind включит их снова.
learning-remind-none = Напоминания не включены. /remind включит.
learning-remind-cancelled = Напоминание не изменено.
learning-remind-left = Напоминание не изменено — /remind, чтобы настроить.
learning-reminder = ⏰ <b>Пора потренироваться!</b> { $count ->
    [0] Несколько минут в день — и навыки собеседования в форме.
    [one] { $count } вопрос пора повторить.
    [few] { $count } вопроса пора повторить.
    [many] { $count } вопросов пора повторить.
   *[other] { $count } вопроса пора повторить.
}
learning-card-due = 🔁 { $count ->
    [one] { $count } вопрос пора повторить — /review
    [few] { $count } вопроса пора повторить — /review
    [many] { $count } вопросов пора повторить — /review
   *[other] { $count } вопроса пора повторить — /review
}
