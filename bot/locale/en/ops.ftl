## Operations: /health for admins, alerts about errors.

ops-health = <b>Health</b>: { $ok ->
        [true] ✅ OK
       *[other] ⚠️ degraded
    }
    Database: { $database }
    Updates: { $updates } (last handled: { $last_update })
    Last model call: { $model } ({ $model_kind }, { $model_at })
    Updates kept while the database was down: { $kept }
ops-never = never
ops-seconds-ago = { $seconds } s ago
ops-alert = 🚨 <b>Unhandled error</b>: <code>{ $error }</code>
    Handler: <code>{ $handler }</code>
    Update: <code>{ $update }</code>
    (One alert per kind every 10 minutes; details are in the logs.)
ops-unavailable = ⏳ I'm temporarily unavailable. I've kept your message and will answer as soon as I'm back — no need to send it again.
