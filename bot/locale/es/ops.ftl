## Operaciones: /health para administradores, avisos de errores.

ops-health = <b>Estado</b>: { $ok ->
        [true] ✅ OK
       *[other] ⚠️ degradado
    }
    Base de datos: { $database }
    Actualizaciones: { $updates } (última atendida: { $last_update })
    Última llamada al modelo: { $model } ({ $model_kind }, { $model_at })
    Actualizaciones guardadas mientras la base de datos estaba caída: { $kept }
ops-never = nunca
ops-seconds-ago = hace { $seconds } s
ops-alert = 🚨 <b>Error no controlado</b>: <code>{ $error }</code>
    Manejador: <code>{ $handler }</code>
    Actualización: <code>{ $update }</code>
    (Un aviso por tipo cada 10 minutos; los detalles están en los registros).
ops-unavailable = ⏳ No estoy disponible por un momento. Guardé tu mensaje y te responderé en cuanto vuelva; no hace falta que lo envíes otra vez.
