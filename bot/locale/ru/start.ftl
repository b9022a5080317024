## /start, /help, /cancel and what happens outside any flow.

start-welcome = 👋 Привет, { $name }! Я ваш <b>ИИ-тренер по собеседованиям</b>.

    Сохраните вакансию, к которой готовитесь, а затем:
    • <b>тренируйтесь</b> на технических вопросах разной сложности и получайте за каждый ответ оценку из 10 с разбором и правильным ответом;
    • пройдите <b>пробное собеседование</b> текстом или голосом и получите подробный отчёт;
    • проверьте своё <b>резюме</b> на соответствие вакансии.

    Начните с /newjob. /help покажет все команды.
start-help-title = <b>Команды</b>
start-nothing-to-cancel = Отменять нечего. /help покажет, что я умею.
start-not-waiting-file = Сейчас я не жду файла. Чтобы проверить резюме, сначала отправьте /resume; описание вакансии — начните с /newjob.
start-not-waiting-voice = Сейчас я не жду ответа. Начните с /practice или /interview.
start-not-waiting = Сейчас я не жду ответа. Попробуйте /practice, /interview или /help.
start-paste-joined = 📎 Telegram разбил ваш текст на { $parts } { $parts ->
        [one] часть
        [few] части
       *[other] частей
    }; я снова соединил их в один ({ NUMBER($chars, useGrouping: "true") } { $chars ->
        [one] символ
        [few] символа
       *[other] символов
    }).
start-unknown-command = Извините, я не знаю такой команды. Смотрите /help.
start-stale-button = Эта кнопка больше не работает. Отправьте /help, чтобы начать заново.
start-groups-answer = Я работаю только в личных чатах.
start-groups-pointer = Я тренирую по одному человеку — напишите мне в личку: @{ $bot }

## The command menu (setMyCommands) and /help
command-start = Приветствие и что я умею
command-newjob = Сохранить вакансию для подготовки
command-jobs = Ваши сохранённые вакансии
command-practice = Тренировать вопросы с собеседований
command-review = Повторить вопросы, которые пора повторить
command-progress = Ваш прогресс со временем
command-remind = Ежедневное напоминание о тренировке
command-interview = Пройти пробное собеседование
command-interviews = Прошлые собеседования и отчёты
command-resume = Проверить резюме под вакансию
command-plan = Ваш тариф и расход лимитов
command-upgrade = Улучшить тариф за Telegram Stars
command-paysupport = Помощь с оплатой
command-help = Все команды
command-cancel = Выйти из текущего шага
