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

## Refusals and failures of any admin command (`UsageError` carries one of these keys)
admin-usage-stats = Uso: /stats
admin-usage-user = Uso: /user &lt;id | @usuario&gt;
admin-usage-setplan = Uso: /setplan &lt;id | @usuario&gt; &lt;free|pro|max&gt; [días]
admin-usage-ban = Uso: /ban &lt;id | @usuario&gt; [motivo]
admin-usage-unban = Uso: /unban &lt;id | @usuario&gt;
admin-usage-broadcast = Uso: /broadcast &lt;texto&gt;
admin-usage-refund = Uso: /refund &lt;telegram_payment_charge_id&gt;
admin-no-user = No existe el usuario { $ref }.
admin-failed = ⚠️ /{ $command } ha fallado: { $error }.
admin-who = { $name }{ $handle } (<code>{ $id }</code>)
admin-never = nunca

## /stats
admin-stats =
    📊 <b>Estadísticas</b>
    Usuarios: <b>{ $users }</b> · nuevos en 7 días { $new_users } · activos en 7 días { $active_users }
    Bloquearon el bot: { $blocked } · bloqueados: { $banned }
    Planes: { $plans }
    Vacantes: { $jobs }
    Preguntas: { $questions } · respuestas: { $answers } · nota media { $answers_rating }/10
    Entrevistas: { $interviews } · completadas { $completed } · duración media { $duration } · nota media { $interview_rating }/10
    Análisis de currículum: { $resumes }
    Aprendizaje: activos en 7 días { $learners_7 } · en 30 días { $learners_30 } · respuestas al día { $answers_per_day } · recordatorios activados { $reminders }
    Stars recibidas: <b>{ $stars }</b> ⭐ en { $payments } pagos (sin contar reembolsos)
admin-stats-none = —

## /user
admin-user =
    👤 { $who }
    Alta: { $joined } · última actividad: { $last_active }
    Plan: <b>{ $plan }</b>
    Uso: { $usage }
    Vacantes: { $jobs }
    Se le puede escribir: { $reachable ->
        [true] sí
       *[false] no (bloqueó el bot)
    }
    Estado: { $status }
admin-user-plan-until = { $name } hasta el { $date }
admin-user-plan-no-end = { $name } (sin fecha de fin)
admin-user-plan-ended = { $name } ({ $ended } ha terminado)
admin-user-active = activo
admin-user-banned = 🚫 bloqueado
admin-user-banned-because = 🚫 bloqueado: { $reason }
admin-user-resource = { $resource ->
    [question] preguntas de práctica
    [interview] entrevistas simuladas
   *[resume] análisis de currículum
}
admin-user-usage-unlimited = { $name }: { $used } (ilimitado)
admin-user-usage-excluded = { $name }: { $used } (no incluido en el plan)
admin-user-usage-limited = { $name }: { $used } de { $limit }
admin-user-starts = inicios de entrevista disponibles: { $starts } de { $capacity }

## /setplan
admin-setplan-days = Los días deben ir de 1 a { $max }.
admin-setplan-free-no-end = El plan Gratis no tiene fecha de fin: /setplan &lt;usuario&gt; free
admin-setplan-done = ✅ { $who } tiene ahora el plan <b>{ $plan }</b>{ $until }.
admin-setplan-until = { " " }hasta el { $date }
admin-setplan-no-end = { " " }(sin fecha de fin)

## /refund
admin-refund-unknown = No hay ningún pago con ese charge id.
admin-refund-already = Ese pago ya se reembolsó.
admin-refund-refused = Telegram rechazó el reembolso: { $reason }
admin-refund-record-gone = ↩️ Telegram lo ha reembolsado; el registro del pago ya no existe.
admin-refund-done = ↩️ Reembolsadas { $amount } ⭐ al usuario <code>{ $user }</code> (se ha retirado el tiempo del plan { $plan }).

## /ban /unban
admin-ban-admin = No se puede bloquear a los administradores.
admin-ban-done = 🚫 { $newly ->
    [true] Bloqueado:
   *[false] Ya estaba bloqueado:
} { $who }.{ $reason }
admin-ban-reason = { " " }Motivo: { $reason }
admin-ban-subscription-cancelled = 🔁 Su suscripción en Stars (<code>{ $charge }</code>) ya no se renovará.
admin-ban-subscription-refused = ⚠️ Telegram se negó a cancelar su suscripción (<code>{ $charge }</code>): { $reason }
admin-unban-not-banned = El usuario { $id } no está bloqueado.
admin-unban-done = ✅ Bloqueo levantado: { $who }.
