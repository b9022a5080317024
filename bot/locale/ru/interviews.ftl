## Mock interviews: /interview, answers, /end, the report, /interviews.

interviews-interviewer = 🧑‍💼 <b>Интервьюер</b>
interviews-where-we-left-off = 🧑‍💼 <b>Интервьюер</b> <i>(на чём мы остановились)</i>
interviews-not-found = Это собеседование не найдено.
interviews-already-ended = Это собеседование уже завершено.
interviews-has-ended = Это собеседование уже завершено.
interviews-job-not-found = Такая вакансия не найдена. /jobs покажет ваши.
interviews-paused = Собеседование на паузе — /interview, чтобы продолжить, /end, чтобы завершить.

## Buttons
interviews-button-end = ⏹ Завершить собеседование
interviews-button-voice = { $on ->
    [true] 🔊 Ответы голосом: вкл.
   *[false] 🔈 Ответы голосом: выкл.
}
interviews-voice-answer = { $on ->
    [true] 🔊 Ответы голосом включены
   *[false] 🔈 Ответы голосом выключены
}
interviews-button-retry = 🔁 Повторить
interviews-button-replace = ⏹ Завершить его и начать новое
interviews-button-continue = ▶️ Продолжить текущее
interviews-button-markdown = ⬇️ Markdown
interviews-button-pdf = ⬇️ PDF
interviews-button-transcript = 📜 Стенограмма
interviews-button-all = 🗂 Все собеседования
interviews-button-retry-report = 🔁 Повторить отчёт

## Starting
interviews-pick-job = Для какой вакансии это пробное собеседование?
interviews-intro = 🎤 <b>Пробное собеседование — { $job }</b>

    Я задам примерно { $questions ->
        [one] { $questions } вопрос
        [few] { $questions } вопроса
        [many] { $questions } вопросов
       *[other] { $questions } вопроса
    } по одному — вперемешку о вашем опыте и технические — и переспрошу, если ответ будет слишком кратким. Это займёт не больше { $minutes } { $minutes ->
        [one] минуты
        [few] минут
        [many] минут
       *[other] минуты
    }.

    • Отвечайте на каждый вопрос { $speech ->
        [true] текстом или голосовым сообщением
       *[false] текстом
    }.
    • Нажмите <b>Завершить собеседование</b> или отправьте /end, чтобы закончить в любой момент.
    • После этого вы получите подробный отчёт с оценками по 7 категориям.
interviews-intro-voice = • Нажмите <b>Ответы голосом</b>, чтобы ещё и слышать мои вопросы голосовыми сообщениями.
interviews-in-progress = У вас уже идёт пробное собеседование по вакансии <b>{ $job }</b>. Одновременно может идти только одно — завершить его (вы получите отчёт) и начать новое или продолжить текущее?

## The interview in progress
interviews-answer-here = 🎤 Идёт пробное собеседование: отвечайте текстом или голосом или отправьте /end, чтобы завершить.
interviews-nothing-asked = ⚠️ Интервьюер ещё ничего не спросил — нажмите «Повторить» или отправьте /end.
interviews-turn-failed = ⚠️ Интервьюер не ответил: { $reason }
    Всё сказанное сохранено — нажмите «Повторить» или отправьте /end, чтобы завершить и получить отчёт.
interviews-empty-reply = ИИ-тренер вернул пустой ответ. Попробуйте ещё раз.
interviews-already-answered = Интервьюер уже ответил.
interviews-none-in-progress = Сейчас нет пробного собеседования. /interview начнёт новое.

## Ending and the report
interviews-ended-empty = ⏹ Собеседование завершено. Вы не ответили ни на один вопрос, поэтому отчёта нет и в лимит тарифа оно не засчитано.
interviews-ended = ⏹ Собеседование завершено, длительность — { $duration }. Пишу отчёт…
interviews-report-failed = ⚠️ Не удалось написать отчёт: { $reason }
    Собеседование сохранено — нажмите «Повторить отчёт», чтобы попробовать снова.
interviews-no-pdf = PDF этого отчёта нет — скачайте Markdown.
interviews-caption-markdown = 📝 Отчёт о вашем собеседовании (Markdown)
interviews-caption-pdf = 📄 Отчёт о вашем собеседовании (PDF)

## /interviews
interviews-pick-history = Пробные собеседования по какой вакансии показать?
interviews-history-title = 🗂 <b>Пробные собеседования — { $job }</b>
interviews-history-empty = { $title }

    Пока ни одного. /interview начнёт новое.
interviews-history = { $title }

    Дата · длительность · общая оценка{ $more }. Нажмите, чтобы открыть.
interviews-history-more = {" "}(последние { $shown } из { $total })
interviews-label-active = { $when } · идёт
interviews-label-no-report = { $when } · { $duration } · отчёта ещё нет
interviews-label-rated = { $when } · { $duration } · ⭐ { $rating }/10
interviews-still-active = 🎤 Это собеседование ещё идёт: ответьте на последний вопрос или завершите его.
interviews-no-report = У этого собеседования ещё нет отчёта.
interviews-transcript-title = 📜 <b>Стенограмма</b> — { $meta }
interviews-transcript-you = 🙋 <b>Вы</b>{ $voice ->
    [true] {" "}🎙
   *[false] {""}
}<i>{ $took }</i>
interviews-transcript-took = {" "}· { $seconds } с
interviews-transcript-empty = <i>Пока ничего не сказано.</i>

## The report document (Markdown and PDF; plain text)
interviews-report-title = Отчёт о пробном собеседовании — { $job }
interviews-report-meta = { $job } · { $date } · длительность { $duration }
interviews-report-overall = Общая оценка: { $rating }/10
interviews-report-page = Interview Coach - страница { $page }
interviews-too-short = ⏹ Собеседование завершено. Слишком коротко для отчёта: вы ответили лишь один раз, поэтому оно не засчитывается в ваш тариф.
interviews-discard-ask = Отменить это собеседование? Ничего не сохранится, и оно не засчитается.
interviews-button-discard = 🗑 Отменить
interviews-button-keep = ▶️ Продолжить
interviews-discarded = 🗑 Собеседование отменено. Ничего не сохранено, и оно не засчитано в ваш тариф. /interview начинает новое.
