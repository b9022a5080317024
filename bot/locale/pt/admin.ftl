## Admin: the admins' command menu, /broadcast, the ban notice.

admin-command-stats = Admin: números de uso
admin-command-user = Admin: consultar um usuário
admin-command-setplan = Admin: mudar o plano de um usuário
admin-command-ban = Admin: banir um usuário
admin-command-unban = Admin: remover um banimento
admin-command-broadcast = Admin: enviar mensagem a todos
admin-command-refund = Admin: reembolsar um pagamento em Stars

admin-ban-notice = 🚫 Seu acesso a este bot foi suspenso.

## /broadcast
admin-broadcast-preview = 📣 Prévia do envio #{ $id }. Ele vai para <b>{ $recipients }</b> usuários ativos que não bloquearam o bot:
admin-button-send = Enviar
admin-button-cancel = Cancelar
admin-broadcast-failed = Falhou; veja os logs.
admin-broadcast-done-already = Este envio já foi feito ou cancelado.
admin-broadcast-cancelled-answer = Cancelado.
admin-broadcast-cancelled = Envio #{ $id } cancelado; nada foi enviado.
admin-broadcast-sending = Enviando…
admin-broadcast-figures = enviados { $sent } · bloquearam o bot { $blocked } · falharam { $failed }
admin-broadcast-finished = ✅ Envio #{ $id } concluído: { $figures } (de { $total }).
admin-broadcast-progress = 📤 Envio #{ $id }: { $done }/{ $total } — { $figures }

## Refusals and failures of any admin command (`UsageError` carries one of these keys)
admin-usage-stats = Uso: /stats
admin-usage-user = Uso: /user &lt;id | @usuário&gt;
admin-usage-setplan = Uso: /setplan &lt;id | @usuário&gt; &lt;free|pro|max&gt; [dias]
admin-usage-ban = Uso: /ban &lt;id | @usuário&gt; [motivo]
admin-usage-unban = Uso: /unban &lt;id | @usuário&gt;
admin-usage-broadcast = Uso: /broadcast &lt;texto&gt;
admin-usage-refund = Uso: /refund &lt;telegram_payment_charge_id&gt;
admin-no-user = Usuário { $ref } não encontrado.
admin-failed = ⚠️ /{ $command } falhou: { $error }.
admin-who = { $name }{ $handle } (<code>{ $id }</code>)
admin-never = nunca

## /stats
admin-stats =
    📊 <b>Estatísticas</b>
    Usuários: <b>{ $users }</b> · novos em 7 dias { $new_users } · ativos em 7 dias { $active_users }
    Bloquearam o bot: { $blocked } · banidos: { $banned }
    Planos: { $plans }
    Vagas: { $jobs }
    Perguntas: { $questions } · respostas: { $answers } · nota média { $answers_rating }/10
    Entrevistas: { $interviews } · concluídas { $completed } · duração média { $duration } · nota média { $interview_rating }/10
    Análises de currículo: { $resumes }
    Estudo: ativos em 7 dias { $learners_7 } · em 30 dias { $learners_30 } · respostas por dia { $answers_per_day } · lembretes ativados { $reminders }
    Stars recebidas: <b>{ $stars }</b> ⭐ em { $payments } pagamentos (sem contar reembolsos)
admin-stats-none = —

## /user
admin-user =
    👤 { $who }
    Entrou em { $joined } · última atividade { $last_active }
    Plano: <b>{ $plan }</b>
    Uso: { $usage }
    Vagas: { $jobs }
    Recebe mensagens: { $reachable ->
        [true] sim
       *[false] não (bloqueou o bot)
    }
    Status: { $status }
admin-user-plan-until = { $name } até { $date }
admin-user-plan-no-end = { $name } (sem data de término)
admin-user-plan-ended = { $name } ({ $ended } terminou)
admin-user-active = ativo
admin-user-banned = 🚫 banido
admin-user-banned-because = 🚫 banido: { $reason }
admin-user-resource = { $resource ->
    [question] perguntas de prática
    [interview] entrevistas simuladas
   *[resume] análises de currículo
}
admin-user-usage-unlimited = { $name }: { $used } (ilimitado)
admin-user-usage-excluded = { $name }: { $used } (fora do plano)
admin-user-usage-limited = { $name }: { $used } de { $limit }
admin-user-starts = inícios de entrevista restantes: { $starts } de { $capacity }

## /setplan
admin-setplan-days = O número de dias deve ser de 1 a { $max }.
admin-setplan-free-no-end = O plano Grátis não tem data de término: /setplan &lt;usuário&gt; free
admin-setplan-done = ✅ { $who } agora está no plano <b>{ $plan }</b>{ $until }.
admin-setplan-until = { " " }até { $date }
admin-setplan-no-end = { " " }(sem data de término)

## /refund
admin-refund-unknown = Nenhum pagamento com esse charge id.
admin-refund-already = Esse pagamento já foi reembolsado.
admin-refund-refused = O Telegram recusou o reembolso: { $reason }
admin-refund-record-gone = ↩️ O Telegram fez o reembolso; o registro do pagamento não existe mais.
admin-refund-done = ↩️ { $amount } ⭐ reembolsadas ao usuário <code>{ $user }</code> (o tempo do plano { $plan } foi retirado).

## /ban /unban
admin-ban-admin = Admins não podem ser banidos.
admin-ban-done = 🚫 { $newly ->
    [true] Banido:
   *[false] Já estava banido:
} { $who }.{ $reason }
admin-ban-reason = { " " }Motivo: { $reason }
admin-ban-subscription-cancelled = 🔁 A assinatura em Stars do usuário (<code>{ $charge }</code>) não será mais renovada.
admin-ban-subscription-refused = ⚠️ O Telegram recusou o cancelamento da assinatura do usuário (<code>{ $charge }</code>): { $reason }
admin-unban-not-banned = O usuário { $id } não está banido.
admin-unban-done = ✅ Banimento removido: { $who }.
