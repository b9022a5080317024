## Resume analysis: /resume, the upload step, the report.

resume-command = Revisar tu currículum frente a una vacante
resume-pick-job = 📄 ¿Frente a qué vacante reviso tu currículum?
resume-ask = 📄 Envía tu currículum para <b>{ $job }</b> como archivo: PDF, DOCX o TXT, hasta { $mb } MB.
resume-ask-keeps = Leo su texto, lo reviso frente a la vacante y guardo solo la revisión, no el archivo.
resume-ask-last = Última revisión: <b>{ $score }/10</b> el { $date }.
resume-ask-cancel = /cancel para salir.
resume-button-last = 📋 Ver la última revisión
resume-ask-again = Envía tu currículum como archivo PDF, DOCX o TXT (hasta { $mb } MB), o /cancel.
resume-refused = ⚠️ { $reason }
    { $again }
resume-photo = Eso es una foto: necesito el archivo del currículum (📎 → Archivo), no una imagen.
resume-text = Necesito tu currículum como archivo, no como mensaje de texto.
resume-not-document = Eso no es un documento.
resume-download-refused = No he podido descargar ese archivo de Telegram.
resume-job-gone = Esa vacante ya no existe. Envía /resume para elegir otra.
resume-ai-failed = ⚠️ { $reason } No se guardó nada. Toca Reintentar para probar de nuevo con el mismo archivo.
resume-button-retry = 🔁 Reintentar
resume-retrying = Intentándolo de nuevo…
resume-file-gone = Ya no tengo ese archivo. Envía /resume para volver a empezar.
resume-file-gone-ask = Ya no tengo ese archivo (solo lo guardo un momento, en memoria).
resume-cancelled = Revisión de currículum cancelada. /resume para empezar de nuevo.
resume-left = 📄 Revisión de currículum detenida; /resume para empezar de nuevo.
resume-no-review = No hay ninguna revisión guardada para esa vacante.

## The report
resume-title = Revisión del currículum
resume-title-last = Última revisión ({ $date })
resume-header = 📄 <b>{ $title }</b> — { $job }
resume-overall = <b>Global: { $score }/10</b> { $bar }
resume-up = 📈 { $diff } más que la última vez ({ $previous }/10).
resume-down = 📉 { $diff } menos que la última vez ({ $previous }/10).
resume-same = ➖ Igual que la última vez ({ $previous }/10).
resume-truncated = ✂️ <i>Tu currículum tiene más de unas { $pages } páginas; he revisado las primeras { $pages }.</i>
resume-button-new-version = 📤 Revisar una versión nueva
resume-category = { $key ->
    [ats] Compatibilidad con ATS
    [job_match] Encaje con la vacante
    [writing_and_formatting] Redacción y formato
    [keyword_coverage] Cobertura de palabras clave
   *[other] Otros
}
resume-not-a-resume = 🤔 Esto no parece un currículum: no tiene secciones de experiencia, formación ni habilidades, ni fechas, así que no se puntuó y no se contó nada. Envía /resume con tu currículum (PDF, DOCX o TXT).
