## Shared by every feature: buttons, errors, limits, voice, the job picker.

kit-button-unreadable = Este botón ya no está activo. Envía /help para volver a empezar.
kit-button-too-old = Este mensaje es demasiado antiguo; envía el comando de nuevo.
kit-button-not-yours = Ese botón no es tuyo.
kit-not-found = No se encontró; puede que se haya eliminado.
kit-job-not-found = No se encontró esa vacante. /jobs muestra las tuyas.
kit-offline-notice = 🧩 <i>Modo sin conexión: responde el coach integrado (no hay ninguna clave de IA configurada).</i>
    🇬🇧 <i>El coach integrado escribe sus preguntas y comentarios en inglés.</i>

## Errors
kit-ai-error = ⚠️ { $reason }
kit-error-database = ⚠️ No he podido acceder a mi base de datos. No se ha perdido nada; inténtalo de nuevo.
kit-error-generic = ⚠️ Lo siento, algo ha fallado por mi parte. Inténtalo de nuevo.

## The job picker
kit-no-jobs = Aún no tienes vacantes guardadas. Crea una primero con /newjob.
kit-picker-more = <i>Se muestran tus { $limit } vacantes más recientes; /jobs las muestra todas.</i>

## Plan limits
kit-limit-rate = ⏳ Has empezado muchas entrevistas últimamente. La próxima se libera en unas { $hours } h.
kit-limit-used = 🔒 Has usado { $limit } de { $limit } { $what } del plan { $plan }. Mejora tu plan para seguir; /plan muestra tu uso.
kit-limit-resume = 🔒 El análisis de currículum viene con el plan Max; no forma parte del plan { $plan }.
kit-limit-excluded = 🔒 { $what_capitalized } no forman parte del plan { $plan }. Mejora tu plan; /plan muestra qué incluye cada plan.
kit-limit-what = { $resource ->
    [question] preguntas de práctica
    [interview] entrevistas simuladas
   *[resume] análisis de currículum
}
kit-limit-what-capitalized = { $resource ->
    [question] Las preguntas de práctica
    [interview] Las entrevistas simuladas
   *[resume] Los análisis de currículum
}
kit-button-get-max = ⭐ Obtener Max
kit-button-upgrade = ⭐ Mejorar plan

## Voice answers
kit-voice-unavailable = 🎙 Las respuestas por voz necesitan un servicio de IA con voz. Escribe tu respuesta, por favor.
kit-voice-failed = 🎙 No he podido transcribirlo: { $reason } Puedes escribir tu respuesta.
kit-voice-empty = 🎙 No he oído ninguna palabra en esa grabación. Inténtalo de nuevo o escribe tu respuesta.
kit-voice-heard = 🎙 <i>He entendido:</i> { $text }
kit-voice-size-unknown = 🎙 Telegram no me ha dicho el tamaño de esa grabación, así que no puedo descargarla. Grábala de nuevo o escribe tu respuesta.
kit-voice-too-large = 🎙 Esa grabación es demasiado grande para mí (más de 20 MB). Envía una más corta o escribe tu respuesta.
kit-voice-too-long = 🎙 Esa grabación dura más de { $minutes } minutos; haz la respuesta por voz más corta o escríbela.
kit-answer-cut = ✂️ Esa respuesta es muy larga: me quedé con sus primeros { $limit } caracteres.
