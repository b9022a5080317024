## Admin: the admins' command menu, /broadcast, the ban notice.

admin-command-stats = Admin: cifras de uso
admin-command-user = Admin: buscar un usuario
admin-command-setplan = Admin: cambiar el plan de un usuario
admin-command-ban = Admin: bloquear a un usuario
admin-command-unban = Admin: levantar un bloqueo
admin-command-broadcast = Admin: escribir a todos los usuarios
admin-command-refund = Admin: reembolsar un pago en Stars

admin-ban-notice = 🚫 Tu acceso a este bot ha sido suspendido.

## /broadcast
admin-broadcast-preview = 📣 Vista previa del envío #{ $id }. Llegará a <b>{ $recipients }</b> usuarios activos que no han bloqueado el bot:
admin-button-send = Enviar
admin-button-cancel = Cancelar
admin-broadcast-failed = Ha fallado; revisa los registros.
admin-broadcast-done-already = Este envío ya se hizo o se canceló.
admin-broadcast-cancelled-answer = Cancelado.
admin-broadcast-cancelled = Envío #{ $id } cancelado; no se mandó nada.
admin-broadcast-sending = Enviando…
admin-broadcast-figures = enviados { $sent } · bloquearon el bot { $blocked } · fallidos { $failed }
admin-broadcast-finished = ✅ Envío #{ $id } terminado: { $figures } (de { $total }).
admin-broadcast-progress = 📤 Envío #{ $id }: { $done }/{ $total } — { $figures }
