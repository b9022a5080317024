## Job profiles: /newjob, /jobs, the card, editing and deleting.

jobs-not-found = No se encontró la vacante; puede que se haya eliminado.
jobs-page-not-found = No encontrado.
jobs-old-button = Ese botón es de un mensaje antiguo.
jobs-old-button-now = Ese botón es de un mensaje antiguo. Ahora, { $expected }
jobs-warning = ⚠️ { $reason }
jobs-stray = No puedo usar { $what } aquí: { $expected }
jobs-stray-what = { $kind ->
    [sticker] un sticker
    [photo] una foto
    [voice] un mensaje de voz
    [audio] un audio
    [video] un vídeo
    [video_note] un videomensaje
    [animation] un GIF
    [document] un archivo
   *[other] eso
}
jobs-invalid-download-failed = No he podido descargar ese archivo; pega el texto en su lugar.

## Levels, keyed by ExperienceLevel's values
jobs-level = { $level ->
    [junior] Junior
    [mid-level] Intermedio
   *[senior] Senior
}

## Wrong values (the service's InvalidValue reasons)
jobs-invalid-what = { $what ->
    [title] puesto
   *[name] nombre
}
jobs-invalid-empty = El { jobs-invalid-what } no puede estar vacío.
jobs-invalid-too-long = El { jobs-invalid-what } debe tener como máximo { $limit } caracteres (tiene { $got }).
jobs-invalid-description-short = La descripción debe tener al menos { $limit } caracteres; pega el anuncio de la vacante.
jobs-invalid-description-long = La descripción debe tener como máximo { NUMBER($limit, useGrouping: "true") } caracteres (tiene { NUMBER($got, useGrouping: "true") }).
jobs-invalid-level = Elige Junior, Intermedio o Senior.
jobs-invalid-file-type = Solo puedo leer archivos .txt y .pdf; también puedes pegar el texto.
jobs-invalid-file-empty = Ese archivo está vacío; envía la descripción de la vacante o pega el texto.
jobs-invalid-file-unreadable = { $message }
jobs-invalid-file-too-long = Ese archivo es demasiado largo para la descripción de una vacante (como máximo { NUMBER($limit, useGrouping: "true") } caracteres).
jobs-invalid-file-too-large = Ese archivo pesa más de 10 MB; envía uno más pequeño o pega el texto.
jobs-invalid-field = Ese campo no se puede editar.

## The list and the card
jobs-none = Aún no tienes vacantes guardadas. Crea una con /newjob.
jobs-list = <b>Tus vacantes</b> ({ $total })
    Toca una para abrirla, o /newjob para añadir otra.
jobs-list-paged = <b>Tus vacantes</b> ({ $total }) — página { $page } de { $pages }
    Toca una para abrirla, o /newjob para añadir otra.
jobs-card-name = 🏢 <b>{ $name }</b>
jobs-card-title = 💼 { $title }
jobs-card-level = 📈 { $level }
jobs-card-preview = <i>{ $text }</i>
jobs-card-counts = 🧠 { $questions ->
    [one] { $questions } pregunta hecha
   *[other] { $questions } preguntas hechas
    } · 🎤 { $interviews ->
    [one] { $interviews } entrevista realizada
   *[other] { $interviews } entrevistas realizadas
    }
jobs-button-practice = 🧠 Practicar
jobs-button-interview = 🎤 Entrevista
jobs-button-resume = 📄 Currículum
jobs-button-past-questions = Preguntas anteriores
jobs-button-past-interviews = Entrevistas anteriores
jobs-button-edit = ✏️ Editar
jobs-button-delete = 🗑 Eliminar
jobs-button-all = « Todas las vacantes
jobs-button-previous = ◀
jobs-button-next = ▶

## Deleting
jobs-delete-ask = 🗑 ¿Eliminar <b>{ $name }</b>? También se eliminarán { $questions ->
    [one] { $questions } pregunta
   *[other] sus { $questions } preguntas
    } y { $interviews ->
    [one] { $interviews } entrevista
   *[other] { $interviews } entrevistas
    }. No se puede deshacer.
jobs-button-delete-yes = Sí, eliminar
jobs-button-keep = Conservar
jobs-deleted-answer = Eliminada.
jobs-deleted = 🗑 Se eliminó <b>{ $name }</b>, con { $questions ->
    [one] { $questions } pregunta
   *[other] { $questions } preguntas
    } y { $interviews ->
    [one] { $interviews } entrevista
   *[other] { $interviews } entrevistas
    }.

## /newjob
jobs-new-name = 🏢 <b>Nueva vacante</b> (1/4)
    ¿Cuál es el <b>nombre de la empresa o de la vacante</b>? Hasta 100 caracteres. /cancel para salir.
jobs-new-title = 💼 (2/4) ¿Cuál es el <b>puesto</b>? Por ejemplo: Backend Engineer.
jobs-new-level = 📈 (3/4) ¿Qué <b>nivel de experiencia</b>?
jobs-new-description = 📄 (4/4) Pega la <b>descripción de la vacante</b> (de 20 a 10.000 caracteres) o envíala como archivo .txt o .pdf (hasta 10 MB).
jobs-new-expected-name = escribe el nombre de la empresa o de la vacante.
jobs-new-expected-title = escribe el puesto o toca Omitir.
jobs-new-expected-level = elige Junior, Intermedio o Senior con los botones.
jobs-new-expected-description = pega la descripción de la vacante o envíala como archivo .txt o .pdf.
jobs-new-busy = Estás creando una vacante: { $expected } O envía /cancel para salir.
jobs-new-cancelled = Cancelado: no se guardó ninguna vacante.
jobs-new-left = Tu nueva vacante no se guardó; envía /newjob para empezar de nuevo.
jobs-new-again = ↩️ Empezamos de nuevo.
jobs-new-lost = He perdido tus respuestas; empecemos de nuevo.
jobs-new-saved = ✅ Vacante guardada.
jobs-button-skip = Omitir

## Editing a job
jobs-edit-field = ✏️ Editando <b>{ $name }</b>. ¿Qué quieres cambiar? /cancel para salir.
jobs-edit-level = 📈 Elige el nuevo <b>nivel de experiencia</b> para <b>{ $name }</b>.
jobs-edit-value = { $field ->
    [name] 🏢 Envía el nuevo <b>nombre de la empresa o de la vacante</b> (hasta 100 caracteres).
    [title] 💼 Envía el nuevo <b>puesto</b> (hasta 100 caracteres) o bórralo.
   *[description] 📄 Pega la nueva <b>descripción de la vacante</b> (de 20 a 10.000 caracteres) o envíala como archivo .txt o .pdf (hasta 10 MB).
}
jobs-edit-expected-field = elige qué cambiar con los botones.
jobs-edit-expected-level = elige Junior, Intermedio o Senior con los botones.
jobs-edit-expected-value = { $field ->
    [name] escribe el nuevo nombre.
    [title] escribe el nuevo puesto o toca Borrar puesto.
   *[description] pega la nueva descripción o envía un archivo .txt o .pdf.
}
jobs-edit-busy = Estás editando una vacante: { $expected } O /cancel para salir.
jobs-edit-cancelled = Cancelado: la vacante no cambió.
jobs-edit-left = Tu edición no se guardó; la vacante no ha cambiado.
jobs-edit-saved = ✅ Guardado.
jobs-edit-gone = No se encontró la vacante; puede que se haya eliminado. No se cambió nada.
jobs-field = { $field ->
    [name] Nombre
    [title] Puesto
    [experience_level] Nivel
   *[description] Descripción
}
jobs-button-clear-title = Borrar puesto
