## Tus datos: /mydata y /deleteme.

account-export-caption = 📦 Todo lo que guardo sobre ti: un archivo JSON por tabla y los informes de tus entrevistas en Markdown.
account-export-too-soon = 📦 Te envié tus datos hace menos de una hora. Puedes volver a pedirlos en { $minutes } min.

account-delete-explain = 🗑 <b>¿Borro todo lo que guardo sobre ti?</b>

    Esto borra, para siempre:
    • tus vacantes ({ $jobs }), preguntas de práctica ({ $questions }) y respuestas ({ $answers });
    • tus entrevistas de prueba ({ $interviews }) con sus informes;
    • tus análisis de currículum ({ $resumes });
    • tu plan, tu uso, tus ajustes y cualquier conversación en curso.

    Tus suscripciones con Stars se cancelan. { $payments ->
        [0] No has hecho ningún pago.
        [one] Tu único pago se conserva sin tu nombre ni tu usuario (solo su id de cobro, importe y fecha, como exigen la ley y los reembolsos).
       *[other] Tus { $payments } pagos se conservan sin tu nombre ni tu usuario (solo sus ids de cobro, importes y fechas, como exigen la ley y los reembolsos).
    }

    Envía /mydata antes si quieres una copia. Después puedes empezar de cero con /start.
account-button-delete = 🗑 Borrar todo
account-button-keep = Conservar mis datos
account-deleted = ✅ Listo: todo lo que guardaba sobre ti está borrado. Si vuelves, /start empieza de cero.
account-subscription-not-cancelled = ⚠️ Telegram no me dejó cancelar tu suscripción con Stars; cancélala en los ajustes de Telegram (Ajustes → Mis Stars).
account-kept = 👍 No se borró nada.
account-delete-left = No se borró nada.

## The command menu
command-mydata = Descargar todo lo que guardo sobre ti
command-deleteme = Borrar todos tus datos
