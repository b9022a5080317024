## Mock interviews: /interview, answers, /end, the report, /interviews.

interviews-interviewer = 🧑‍💼 <b>Entrevistador</b>
interviews-where-we-left-off = 🧑‍💼 <b>Entrevistador</b> <i>(donde lo dejamos)</i>
interviews-not-found = No se encontró esa entrevista.
interviews-already-ended = Esa entrevista ya ha terminado.
interviews-has-ended = Esta entrevista ya ha terminado.
interviews-job-not-found = No se encontró esa vacante. /jobs muestra las tuyas.
interviews-paused = Tu entrevista está en pausa: /interview para continuar, /end para terminar.

## Buttons
interviews-button-end = ⏹ Terminar entrevista
interviews-button-voice = { $on ->
    [true] 🔊 Respuestas por voz: sí
   *[false] 🔈 Respuestas por voz: no
}
interviews-voice-answer = { $on ->
    [true] 🔊 Respuestas por voz activadas
   *[false] 🔈 Respuestas por voz desactivadas
}
interviews-button-retry = 🔁 Reintentar
interviews-button-replace = ⏹ Terminarla y empezar otra
interviews-button-continue = ▶️ Seguir con la actual
interviews-button-markdown = ⬇️ Markdown
interviews-button-pdf = ⬇️ PDF
interviews-button-transcript = 📜 Transcripción
interviews-button-all = 🗂 Todas las entrevistas
interviews-button-retry-report = 🔁 Reintentar informe

## Starting
interviews-pick-job = ¿Para qué vacante es esta entrevista simulada?
interviews-intro = 🎤 <b>Entrevista simulada — { $job }</b>

    Te haré unas { $questions } preguntas, una a una —una mezcla de experiencia y preguntas técnicas— y repreguntaré cuando una respuesta se quede corta. Dura como máximo { $minutes } { $minutes ->
        [one] minuto
       *[other] minutos
    }.

    • Responde a cada pregunta { $speech ->
        [true] por texto o con un mensaje de voz
       *[false] por texto
    }.
    • Pulsa <b>Terminar entrevista</b> o envía /end para acabar cuando quieras.
    • Al final recibirás un informe completo, con notas en 7 categorías.
interviews-intro-voice = • Toca <b>Respuestas por voz</b> para oír también mis preguntas como notas de voz.
interviews-in-progress = Ya tienes una entrevista simulada en curso para <b>{ $job }</b>. Solo puede haber una a la vez: ¿la terminas (recibirás su informe) y empiezas la nueva, o sigues con ella?

## The interview in progress
interviews-answer-here = 🎤 Estás en una entrevista simulada: responde por texto o por voz, o envía /end para terminar.
interviews-nothing-asked = ⚠️ El entrevistador aún no ha preguntado nada: pulsa Reintentar o envía /end.
interviews-turn-failed = ⚠️ El entrevistador no respondió: { $reason }
    Todo lo anterior está guardado: pulsa Reintentar, o envía /end para terminar y recibir tu informe.
interviews-empty-reply = El coach de IA devolvió una respuesta vacía. Inténtalo de nuevo.
interviews-already-answered = El entrevistador ya ha respondido.
interviews-none-in-progress = No hay ninguna entrevista simulada en curso. /interview empieza una.

## Ending and the report
interviews-ended-empty = ⏹ Entrevista terminada. No respondiste a ninguna pregunta, así que no hay informe y no cuenta para tu plan.
interviews-ended = ⏹ Entrevista terminada tras { $duration }. Escribiendo tu informe…
interviews-report-failed = ⚠️ No he podido escribir tu informe: { $reason }
    La entrevista está guardada: pulsa Reintentar informe para volver a intentarlo.
interviews-no-pdf = No hay PDF de este informe; descarga el Markdown.
interviews-caption-markdown = 📝 El informe de tu entrevista (Markdown)
interviews-caption-pdf = 📄 El informe de tu entrevista (PDF)

## /interviews
interviews-pick-history = ¿De qué vacante quieres ver las entrevistas simuladas?
interviews-history-title = 🗂 <b>Entrevistas simuladas — { $job }</b>
interviews-history-empty = { $title }

    Todavía ninguna. /interview empieza una.
interviews-history = { $title }

    Fecha · duración · nota global{ $more }. Toca una para abrirla.
interviews-history-more = {" "}(las { $shown } más recientes de { $total })
interviews-label-active = { $when } · en curso
interviews-label-no-report = { $when } · { $duration } · sin informe aún
interviews-label-rated = { $when } · { $duration } · ⭐ { $rating }/10
interviews-still-active = 🎤 Esta entrevista sigue en curso: responde a la última pregunta o termínala.
interviews-no-report = Esta entrevista aún no tiene informe.
interviews-transcript-title = 📜 <b>Transcripción</b> — { $meta }
interviews-transcript-you = 🙋 <b>Tú</b>{ $voice ->
    [true] {" "}🎙
   *[false] {""}
}<i>{ $took }</i>
interviews-transcript-took = {" "}· { $seconds } s
interviews-transcript-empty = <i>Aún no se ha dicho nada.</i>

## The report document (Markdown and PDF; plain text)
interviews-report-title = Informe de entrevista simulada — { $job }
interviews-report-meta = { $job } · { $date } · duración { $duration }
interviews-report-overall = Nota global: { $rating }/10
interviews-report-page = Interview Coach - página { $page }
interviews-too-short = ⏹ Entrevista terminada. Demasiado corta para un informe: respondiste solo una vez, así que no cuenta para tu plan.
interviews-discard-ask = ¿Descartar esta entrevista? No se guarda nada y no contará.
interviews-button-discard = 🗑 Descartar
interviews-button-keep = ▶️ Seguir
interviews-discarded = 🗑 Entrevista descartada. No se guardó nada y no cuenta para tu plan. /interview empieza una nueva.
