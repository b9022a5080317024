## Operações: /health para administradores, alertas de erros.

ops-health = <b>Saúde</b>: { $ok ->
        [true] ✅ OK
       *[other] ⚠️ degradado
    }
    Banco de dados: { $database }
    Atualizações: { $updates } (última atendida: { $last_update })
    Última chamada ao modelo: { $model } ({ $model_kind }, { $model_at })
    Atualizações guardadas enquanto o banco de dados estava fora: { $kept }
ops-never = nunca
ops-seconds-ago = há { $seconds } s
ops-alert = 🚨 <b>Erro não tratado</b>: <code>{ $error }</code>
    Handler: <code>{ $handler }</code>
    Atualização: <code>{ $update }</code>
    (Um alerta por tipo a cada 10 minutos; os detalhes estão nos logs.)
ops-unavailable = ⏳ Estou indisponível por um momento. Guardei sua mensagem e respondo assim que voltar — não precisa enviá-la de novo.
