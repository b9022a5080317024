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
