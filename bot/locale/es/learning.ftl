## The learning loop: /progress, /review, suggested difficulty, Next for me, /remind.

learning-suggested = { $level } ⭐
learning-button-next-for-me = 🎯 La siguiente para mí
learning-button-review = 🔁 Repasar ({ $count } pendientes)
learning-button-review-now = 🔁 Repasar ahora
learning-button-practice-now = 🧠 Practicar ahora
learning-button-progress = 📈 Progreso
learning-focus = 🎯 <i>Para ti: { $skill }, tu habilidad más floja</i>
learning-job-not-found = No se encontró esa vacante.

## /progress
learning-progress-empty = 📈 Aún no hay progreso que mostrar. Envía /practice y responde tu primera pregunta: cada respuesta calificada aparecerá aquí.
learning-progress-title = 📈 <b>Tu progreso</b>{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-progress-answers = Preguntas respondidas: <b>{ $count }</b> · media <b>{ $average }/10</b>
learning-progress-trend = Últimas 10: <b>{ $last }</b> frente a las 10 anteriores: { $before } { $trend ->
    [up] 📈 mejorando
    [down] 📉 empeorando
   *[flat] ➡️ estable
}
learning-progress-recent = Últimas respuestas: <b>{ $last }/10</b> de media
learning-progress-skills = <b>Por habilidad</b>
learning-progress-skill = • { $skill }: { $average }/10 ({ $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
})
learning-progress-weakest = { $count ->
    [one] Habilidad más floja: <b>{ $skills }</b>
   *[other] Habilidades más flojas: <b>{ $skills }</b>
}
learning-progress-interviews = <b>Entrevistas simuladas</b>
learning-progress-interview = • { $date } · { $job }: { $rating }/10
learning-progress-streak = 🔥 Racha: { $days ->
    [0] ninguna respuesta hoy ni ayer
    [one] { $days } día
   *[other] { $days } días seguidos
}
learning-progress-due = 🔁 { $count ->
    [one] { $count } pregunta pendiente de repaso: /review
   *[other] { $count } preguntas pendientes de repaso: /review
}
learning-progress-next-due = 🔁 Próximo repaso: { $when } ({ $zone })
learning-chart-title = Notas a lo largo del tiempo{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-chart-rating = Nota (1–10)
learning-chart-answer = Respuestas, de la más antigua a la más reciente
learning-chart-caption = 📈 { $count ->
    [one] Tu última respuesta
   *[other] Tus últimas { $count } respuestas
}

## /review
learning-review-none = Todavía no hay nada que repasar. Responde preguntas con /practice: cada una volverá aquí cuando toque repasarla.
learning-review-none-due = ✅ No hay repasos pendientes. El próximo toca el { $when } ({ $zone }).
learning-review-header = 🔁 <b>Repaso</b> · { $level } · { $job } · { $count } pendientes

## /remind
learning-remind-ask-zone = ⏰ ¿En qué zona horaria estás? Elige una o escribe su nombre (por ejemplo <code>Europe/Madrid</code>).
learning-remind-bad-zone = No conozco esa zona horaria. Elige una de abajo o escribe un nombre como <code>Europe/Madrid</code> o <code>America/Mexico_City</code>.
learning-remind-ask-time = ⏰ ¿A qué hora te lo recuerdo cada día ({ $zone })? Elige una o escríbela como <code>HH:MM</code>.
learning-remind-bad-time = Indica la hora como <code>HH:MM</code>, por ejemplo <code>19:00</code>.
learning-remind-current = Tu recordatorio es a las <b>{ $time }</b> ({ $zone }). Elige una hora nueva, o /remind off para quitarlo.
learning-remind-set = ✅ Te lo recordaré cada día a las <b>{ $time }</b> ({ $zone }), salvo que ya hayas practicado ese día. /remind off lo quita; /remind zone cambia la zona horaria.
learning-remind-off = 🔕 Recordatorios desactivados. /remind los vuelve a activar.
learning-remind-none = No tienes ningún recordatorio activo. /remind crea uno.
learning-remind-cancelled = No se cambió ningún recordatorio.
learning-remind-left = Tu recordatorio no cambió; /remind para configurarlo.
learning-reminder = ⏰ <b>¡Hora de practicar!</b> { $count ->
    [0] Unos minutos al día mantienen en forma tus habilidades para entrevistas.
    [one] Tienes { $count } pregunta pendiente de repaso.
   *[other] Tienes { $count } preguntas pendientes de repaso.
}
learning-card-due = 🔁 { $count ->
    [one] { $count } pregunta pendiente de repaso: /review
   *[other] { $count } preguntas pendientes de repaso: /review
}
