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
