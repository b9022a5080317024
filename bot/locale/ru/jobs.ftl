## Job profiles: /newjob, /jobs, the card, editing and deleting.

jobs-not-found = Вакансия не найдена — возможно, её удалили.
jobs-page-not-found = Не найдено.
jobs-old-button = Эта кнопка из старого сообщения.
jobs-old-button-now = Эта кнопка из старого сообщения. Сейчас { $expected }
jobs-warning = ⚠️ { $reason }
jobs-stray = Здесь я не могу использовать { $what } — { $expected }
jobs-stray-what = { $kind ->
    [sticker] стикер
    [photo] фото
    [voice] голосовое сообщение
    [audio] аудио
    [video] видео
    [video_note] видеосообщение
    [animation] GIF
    [document] файл
   *[other] это
}
jobs-invalid-download-failed = Не удалось скачать файл — вставьте текст.

## Levels, keyed by ExperienceLevel's values
jobs-level = { $level ->
    [junior] Junior
    [mid-level] Middle
   *[senior] Senior
}

## Wrong values (the service's InvalidValue reasons)
jobs-invalid-what = { $what ->
    [title] Название должности
   *[name] Название
}
jobs-invalid-empty = { jobs-invalid-what } не может быть пустым.
jobs-invalid-too-long = { jobs-invalid-what } — не длиннее { $limit } символов (сейчас { $got }).
jobs-invalid-description-short = Описание должно быть не короче { $limit } символов — вставьте текст вакансии.
jobs-invalid-description-long = Описание должно быть не длиннее { NUMBER($limit, useGrouping: "true") } символов (сейчас { NUMBER($got, useGrouping: "true") }).
jobs-invalid-level = Выберите Junior, Middle или Senior.
jobs-invalid-file-type = Я читаю только файлы .txt и .pdf — или вставьте текст.
jobs-invalid-file-empty = Файл пустой — отправьте описание вакансии или вставьте текст.
jobs-invalid-file-unreadable = { $message }
jobs-invalid-file-too-long = Файл слишком длинный для описания вакансии (не больше { NUMBER($limit, useGrouping: "true") } символов).
jobs-invalid-file-too-large = Файл больше 10 МБ — отправьте файл поменьше или вставьте текст.
jobs-invalid-field = Это поле нельзя изменить.

## The list and the card
jobs-none = У вас пока нет сохранённых вакансий. Создайте вакансию с помощью /newjob.
jobs-list = <b>Ваши вакансии</b> ({ $total })
    Нажмите на вакансию, чтобы открыть её, или /newjob, чтобы добавить ещё.
jobs-list-paged = <b>Ваши вакансии</b> ({ $total }) — страница { $page } из { $pages }
    Нажмите на вакансию, чтобы открыть её, или /newjob, чтобы добавить ещё.
jobs-card-name = 🏢 <b>{ $name }</b>
jobs-card-title = 💼 { $title }
jobs-card-level = 📈 { $level }
jobs-card-preview = <i>{ $text }</i>
jobs-card-counts = 🧠 { $questions ->
    [one] { $questions } вопрос
    [few] { $questions } вопроса
    [many] { $questions } вопросов
   *[other] { $questions } вопроса
    } · 🎤 { $interviews ->
    [one] { $interviews } собеседование
    [few] { $interviews } собеседования
    [many] { $interviews } собеседований
   *[other] { $interviews } собеседования
    }
jobs-button-practice = 🧠 Тренировка
jobs-button-interview = 🎤 Собеседование
jobs-button-resume = 📄 Резюме
jobs-button-past-questions = Прошлые вопросы
jobs-button-past-interviews = Прошлые собеседования
jobs-button-edit = ✏️ Изменить
jobs-button-delete = 🗑 Удалить
jobs-button-all = « Все вакансии
jobs-button-previous = ◀
jobs-button-next = ▶

## Deleting
jobs-delete-ask = 🗑 Удалить <b>{ $name }</b>? Вместе с ней удалятся { $questions ->
    [one] { $questions } вопрос
    [few] { $questions } вопроса
    [many] { $questions } вопросов
   *[other] { $questions } вопроса
    } и { $interviews ->
    [one] { $interviews } собеседование
    [few] { $interviews } собеседования
    [many] { $interviews } собеседований
   *[other] { $interviews } собеседования
    }. Это нельзя отменить.
jobs-button-delete-yes = Да, удалить
jobs-button-keep = Оставить
jobs-deleted-answer = Удалено.
jobs-deleted = 🗑 Вакансия <b>{ $name }</b> удалена, а с ней { $questions ->
    [one] { $questions } вопрос
    [few] { $questions } вопроса
    [many] { $questions } вопросов
   *[other] { $questions } вопроса
    } и { $interviews ->
    [one] { $interviews } собеседование
    [few] { $interviews } собеседования
    [many] { $interviews } собеседований
   *[other] { $interviews } собеседования
    }.

## /newjob
jobs-new-name = 🏢 <b>Новая вакансия</b> (1/4)
    Как называется <b>компания или вакансия</b>? До 100 символов. /cancel — отмена.
jobs-new-title = 💼 (2/4) Какая <b>должность</b>? Например: Backend Engineer.
jobs-new-level = 📈 (3/4) Какой <b>уровень опыта</b>?
jobs-new-description = 📄 (4/4) Вставьте <b>описание вакансии</b> (от 20 до 10 000 символов) или отправьте его файлом .txt или .pdf (до 10 МБ).
jobs-new-expected-name = напишите название компании или вакансии.
jobs-new-expected-title = напишите должность или нажмите «Пропустить».
jobs-new-expected-level = выберите Junior, Middle или Senior кнопками.
jobs-new-expected-description = вставьте описание вакансии или отправьте его файлом .txt или .pdf.
jobs-new-busy = Вы создаёте вакансию: { $expected } Или отправьте /cancel, чтобы отменить.
jobs-new-cancelled = Отменено — вакансия не сохранена.
jobs-new-left = Новая вакансия не сохранена — отправьте /newjob, чтобы начать заново.
jobs-new-again = ↩️ Начинаем заново.
jobs-new-lost = Я потерял ваши ответы — давайте начнём заново.
jobs-new-saved = ✅ Вакансия сохранена.
jobs-button-skip = Пропустить

## Editing a job
jobs-edit-field = ✏️ Редактируем <b>{ $name }</b>. Что хотите изменить? /cancel — отмена.
jobs-edit-level = 📈 Выберите новый <b>уровень опыта</b> для <b>{ $name }</b>.
jobs-edit-value = { $field ->
    [name] 🏢 Отправьте новое <b>название компании или вакансии</b> (до 100 символов).
    [title] 💼 Отправьте новую <b>должность</b> (до 100 символов) или очистите её.
   *[description] 📄 Вставьте новое <b>описание вакансии</b> (от 20 до 10 000 символов) или отправьте его файлом .txt или .pdf (до 10 МБ).
}
jobs-edit-expected-field = выберите кнопками, что изменить.
jobs-edit-expected-level = выберите Junior, Middle или Senior кнопками.
jobs-edit-expected-value = { $field ->
    [name] напишите новое название.
    [title] напишите новую должность или нажмите «Очистить должность».
   *[description] вставьте новое описание или отправьте файл .txt или .pdf.
}
jobs-edit-busy = Вы редактируете вакансию: { $expected } Или /cancel, чтобы отменить.
jobs-edit-cancelled = Отменено — вакансия не изменилась.
jobs-edit-left = Изменения не сохранены — вакансия осталась прежней.
jobs-edit-saved = ✅ Сохранено.
jobs-edit-gone = Вакансия не найдена — возможно, её удалили. Ничего не изменено.
jobs-field = { $field ->
    [name] Название
    [title] Должность
    [experience_level] Уровень
   *[description] Описание
}
jobs-button-clear-title = Очистить должность
