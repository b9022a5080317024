## /practice: questions by difficulty, answers rated out of 10.

practice-level = { $level ->
    [easy] Fácil
    [medium] Media
   *[hard] Difícil
}
practice-which-job = ¿Para qué vacante quieres practicar?
practice-choose-difficulty = 🎯 Práctica para <b>{ $job }</b>. Elige una dificultad:
practice-button-past = 📜 Preguntas anteriores
practice-button-try-again = 🔁 Intentar de nuevo
practice-button-done = ✅ Terminar
practice-button-retry = 🔁 Reintentar
practice-button-new-question = 🎯 Nueva pregunta
practice-answer-hint = { $voice ->
    [true] <i>Responde con un texto o un mensaje de voz · /cancel para salir</i>
   *[false] <i>Responde con un mensaje de texto · /cancel para salir</i>
}
practice-answer-how = { $voice ->
    [true] Responde con un texto o un mensaje de voz.
   *[false] Responde con un mensaje de texto.
}
practice-question-header = ❓ <b>Pregunta · { $level }</b> · { $job }
    { $hint }
practice-job-gone = Esa vacante ya no existe. Envía /practice para elegir otra.
practice-job-not-found = No se encontró esa vacante.
practice-question-failed = ⚠️ No he podido obtener una pregunta: { $reason }
    No se guardó ni se contó nada. Pulsa Reintentar para volver a intentarlo.
practice-grade-failed = ⚠️ No he podido calificar tu respuesta: { $reason }
    Tu respuesta se conserva: pulsa Reintentar para que se califique, o envía otra.
practice-too-many-gradings = 🔒 Hoy ya se ha calificado esta pregunta { $limit } veces, el máximo para una pregunta. Elige una pregunta nueva o vuelve a responder esta mañana.
practice-question-gone = Esa pregunta ya no existe. Envía /practice para una nueva.
practice-question-not-found = No se encontró esa pregunta.
practice-rating = <b>Nota: { $rating }/10</b>
    { $bar }

    <b>Comentarios</b>
practice-correct-answer = ✅ <b>Respuesta correcta</b>
practice-remind-choose = Elige arriba <b>Fácil</b>, <b>Media</b> o <b>Difícil</b> para la siguiente pregunta, <b>Intentar de nuevo</b> o <b>Terminar</b>, o /cancel.
practice-finished = ✅ Práctica terminada. Envía /practice cuando quieras para más preguntas.
practice-stopped = Práctica detenida. Envía /practice para volver a empezar.
practice-used-button = Ya estoy en ello: ese botón ya se usó.
practice-left = Tu pregunta de práctica queda aparcada; /practice para una nueva.

## Past questions
practice-answer-again = 🔁 <b>Responder de nuevo</b> · { $level } · { $job }
practice-best-so-far = Mejor nota hasta ahora: <b>{ $best }/10</b>
practice-none-yet = Aún no hay preguntas de práctica para <b>{ $job }</b>.
practice-past-title = 📜 <b>Preguntas anteriores</b> · { $job }
practice-past-item = { $number }. { $text }
    {"    "}<i>{ $level } · { $best ->
        [none] sin responder aún
       *[other] mejor nota { $best }/10
    }</i>
practice-past-button = { $number }. { $score } · { $text }
practice-past-newest = <i>Se muestran las { $count } más recientes.</i>
practice-past-tap = Toca una para responderla de nuevo.
practice-not-answered = 🤷 <b>Aún no hay respuesta, así que no hay nota.</b> En la práctica no pasa nada. En una entrevista, razona en voz alta: di lo que sí sabes y cómo lo averiguarías.
    Envía una respuesta cuando quieras, mira la correcta o salta esta pregunta.
practice-button-show-answer = 💡 Ver respuesta
practice-button-skip = ⏭ Saltar
practice-show-answer-failed = ⚠️ No pude obtener la respuesta: { $reason }
    Pulsa Ver respuesta para intentarlo de nuevo, o Saltar.
practice-skipped = ⏭ Saltada: esta pregunta queda sin nota. Elige la siguiente:
practice-skill-tag = 🏷 #{ $skill }
