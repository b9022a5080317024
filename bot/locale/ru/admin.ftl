## Admin: the admins' command menu, /broadcast, the ban notice.

admin-command-stats = Админ: статистика использования
admin-command-user = Админ: найти пользователя
admin-command-setplan = Админ: сменить тариф пользователя
admin-command-ban = Админ: заблокировать пользователя
admin-command-unban = Админ: снять блокировку
admin-command-broadcast = Админ: написать всем пользователям
admin-command-refund = Админ: вернуть платёж в Stars

admin-ban-notice = 🚫 Ваш доступ к этому боту приостановлен.

## /broadcast
admin-broadcast-preview = 📣 Предпросмотр рассылки #{ $id }. Её получат активные пользователи, не заблокировавшие бота: <b>{ $recipients }</b>.
admin-button-send = Отправить
admin-button-cancel = Отмена
admin-broadcast-failed = Не получилось; смотрите логи.
admin-broadcast-done-already = Эта рассылка уже отправлена или отменена.
admin-broadcast-cancelled-answer = Отменено.
admin-broadcast-cancelled = Рассылка #{ $id } отменена; ничего не отправлено.
admin-broadcast-sending = Отправляю…
admin-broadcast-figures = отправлено { $sent } · заблокировали бота { $blocked } · ошибок { $failed }
admin-broadcast-finished = ✅ Рассылка #{ $id } завершена: { $figures } (из { $total }).
admin-broadcast-progress = 📤 Рассылка #{ $id }: { $done }/{ $total } — { $figures }

## Refusals and failures of any admin command (`UsageError` carries one of these keys)
admin-usage-stats = Формат: /stats
admin-usage-user = Формат: /user &lt;id | @username&gt;
admin-usage-setplan = Формат: /setplan &lt;id | @username&gt; &lt;free|pro|max&gt; [дней]
admin-usage-ban = Формат: /ban &lt;id | @username&gt; [причина]
admin-usage-unban = Формат: /unban &lt;id | @username&gt;
admin-usage-broadcast = Формат: /broadcast &lt;текст&gt;
admin-usage-refund = Формат: /refund &lt;telegram_payment_charge_id&gt;
admin-no-user = Пользователь { $ref } не найден.
admin-failed = ⚠️ Ошибка в /{ $command }: { $error }.
admin-who = { $name }{ $handle } (<code>{ $id }</code>)
admin-never = никогда

## /stats
admin-stats =
    📊 <b>Статистика</b>
    Пользователи: <b>{ $users }</b> · новых за 7 дней: { $new_users } · активных за 7 дней: { $active_users }
    Заблокировали бота: { $blocked } · заблокированы нами: { $banned }
    Тарифы: { $plans }
    Вакансии: { $jobs }
    Вопросы: { $questions } · ответы: { $answers } · средняя оценка { $answers_rating }/10
    Собеседования: { $interviews } · завершено: { $completed } · средняя длительность { $duration } · средняя оценка { $interview_rating }/10
    Анализы резюме: { $resumes }
    Обучение: активных за 7 дней: { $learners_7 } · за 30 дней: { $learners_30 } · ответов в день: { $answers_per_day } · с напоминаниями: { $reminders }
    Получено Stars: <b>{ $stars }</b> ⭐ · платежей: { $payments } (без учёта возвратов)
admin-stats-none = —

## /user
admin-user =
    👤 { $who }
    Регистрация: { $joined } · последняя активность: { $last_active }
    Тариф: <b>{ $plan }</b>
    Расход: { $usage }
    Вакансии: { $jobs }
    Можно написать: { $reachable ->
        [true] да
       *[false] нет (заблокировал бота)
    }
    Статус: { $status }
admin-user-plan-until = { $name } до { $date }
admin-user-plan-no-end = { $name } (бессрочно)
admin-user-plan-ended = { $name } ({ $ended } закончился)
admin-user-active = активен
admin-user-banned = 🚫 заблокирован
admin-user-banned-because = 🚫 заблокирован: { $reason }
admin-user-resource = { $resource ->
    [question] вопросы для тренировки
    [interview] пробные собеседования
   *[resume] анализ резюме
}
admin-user-usage-unlimited = { $name }: { $used } (без ограничений)
admin-user-usage-excluded = { $name }: { $used } (не входит в тариф)
admin-user-usage-limited = { $name }: { $used } из { $limit }
admin-user-starts = осталось запусков собеседований: { $starts } из { $capacity }

## /setplan
admin-setplan-days = Число дней — от 1 до { $max }.
admin-setplan-free-no-end = У бесплатного тарифа нет срока окончания: /setplan &lt;пользователь&gt; free
admin-setplan-done = ✅ { $who } теперь на тарифе <b>{ $plan }</b>{ $until }.
admin-setplan-until = { " " }до { $date }
admin-setplan-no-end = { " " }(бессрочно)

## /refund
admin-refund-unknown = Платежа с таким charge id нет.
admin-refund-already = Этот платёж уже возвращён.
admin-refund-refused = Telegram отказал в возврате: { $reason }
admin-refund-record-gone = ↩️ Telegram вернул платёж, но записи о нём уже нет.
admin-refund-done = ↩️ Пользователю <code>{ $user }</code> возвращено { $amount } ⭐ (оплаченное время тарифа { $plan } отозвано).

## /ban /unban
admin-ban-admin = Администраторов нельзя заблокировать.
admin-ban-done = 🚫 { $newly ->
    [true] Заблокирован:
   *[false] Уже заблокирован:
} { $who }.{ $reason }
admin-ban-reason = { " " }Причина: { $reason }
admin-ban-subscription-cancelled = 🔁 Подписка пользователя в Stars (<code>{ $charge }</code>) больше не будет продлеваться.
admin-ban-subscription-refused = ⚠️ Telegram отказался отменить подписку пользователя (<code>{ $charge }</code>): { $reason }
admin-unban-not-banned = Пользователь { $id } не заблокирован.
admin-unban-done = ✅ Блокировка снята: { $who }.
