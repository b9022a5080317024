## Resume analysis: /resume, the upload step, the report.

resume-command = Проверить резюме под вакансию
resume-pick-job = 📄 Под какую вакансию проверить ваше резюме?
resume-ask = 📄 Отправьте резюме для <b>{ $job }</b> файлом — PDF, DOCX или TXT, до { $mb } МБ.
resume-ask-keeps = Я прочитаю текст, сравню его с вакансией и сохраню только разбор, а не сам файл.
resume-ask-last = Последний разбор: <b>{ $score }/10</b>, { $date }.
resume-ask-cancel = /cancel — отмена.
resume-button-last = 📋 Показать последний разбор
resume-ask-again = Отправьте резюме файлом PDF, DOCX или TXT (до { $mb } МБ) или /cancel.
resume-refused = ⚠️ { $reason }
    { $again }
resume-photo = Это фото — мне нужен сам файл резюме (📎 → Файл), а не его снимок.
resume-text = Мне нужно резюме файлом, а не текстовым сообщением.
resume-not-document = Это не документ.
resume-download-refused = Не удалось скачать этот файл из Telegram.
resume-job-gone = Этой вакансии больше нет. Отправьте /resume, чтобы выбрать другую.
resume-ai-failed = ⚠️ { $reason } Ничего не сохранено. Нажмите «Повторить», чтобы попробовать с тем же файлом.
resume-button-retry = 🔁 Повторить
resume-retrying = Пробую ещё раз…
resume-file-gone = Этого файла у меня уже нет. Отправьте /resume, чтобы начать заново.
resume-file-gone-ask = Этого файла у меня уже нет (я храню его недолго и только в памяти).
resume-cancelled = Проверка резюме отменена. /resume — начать заново.
resume-left = 📄 Проверка резюме остановлена — /resume, чтобы начать заново.
resume-no-review = Для этой вакансии нет сохранённого разбора.

## The report
resume-title = Разбор резюме
resume-title-last = Последний разбор ({ $date })
resume-header = 📄 <b>{ $title }</b> — { $job }
resume-overall = <b>Итог: { $score }/10</b> { $bar }
resume-up = 📈 На { $diff } выше, чем в прошлый раз ({ $previous }/10).
resume-down = 📉 На { $diff } ниже, чем в прошлый раз ({ $previous }/10).
resume-same = ➖ Так же, как в прошлый раз ({ $previous }/10).
resume-truncated = ✂️ <i>Ваше резюме длиннее примерно { $pages } стр.; я разобрал первые { $pages } стр.</i>
resume-button-new-version = 📤 Проверить новую версию
resume-category = { $key ->
    [ats] Совместимость с ATS
    [job_match] Соответствие вакансии
    [writing_and_formatting] Текст и оформление
    [keyword_coverage] Ключевые слова
   *[other] Прочее
}
resume-not-a-resume = 🤔 Это не похоже на резюме: нет разделов об опыте, образовании или навыках и нет дат, поэтому оценки нет и ничего не засчитано. Отправьте /resume с вашим резюме (PDF, DOCX или TXT).
