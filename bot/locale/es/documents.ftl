## Uploaded files (resumes, job descriptions): why one can't be used (`DocumentError.problem`,
## `documents-<problem>`). One line each; which formats to send instead is the caller's to say.

documents-unsupported = { $extension ->
    [doc] Los archivos .doc antiguos de Word no son compatibles: guárdalo como DOCX o PDF y envíalo.
    [pages] Los archivos de Pages no son compatibles: expórtalo a PDF o DOCX y envíalo.
    [odt] Los archivos ODT no son compatibles: guárdalo como DOCX o PDF y envíalo.
    [rtf] Los archivos RTF no son compatibles: guárdalo como DOCX, PDF o TXT y envíalo.
   *[other] Solo puedo leer archivos PDF, DOCX y TXT; envía uno de esos, por favor.
}
documents-too-large = Ese archivo supera el límite de { $limit_mb } MB.
documents-empty = Ese archivo está vacío.
documents-no-text = Ese archivo no contiene texto.
documents-too-little-text = Ese archivo tiene muy poco texto para revisarlo ({ $letters } letras y cifras).
documents-not-text = Eso no parece un archivo de texto.
documents-damaged = No he podido leer ese archivo; parece dañado.
documents-too-slow = No he podido leer este archivo a tiempo; puede que esté dañado o que sea demasiado complejo.
documents-pdf-invalid = Ese archivo no es un PDF válido; puede que esté dañado o que se le haya cambiado el nombre.
documents-pdf-damaged = No he podido leer ese PDF; parece dañado. Prueba a exportarlo de nuevo.
documents-pdf-no-pages = Ese PDF no tiene páginas.
documents-pdf-encrypted = Ese PDF está protegido con contraseña: quítale la contraseña (o vuelve a exportarlo) y envíalo otra vez.
documents-pdf-scanned = Ese PDF no tiene texto seleccionable (parece escaneado): expórtalo desde tu editor como PDF con texto.
documents-docx-encrypted = Ese archivo de Word está protegido con contraseña o es un .doc antiguo: guárdalo como DOCX normal o como PDF.
documents-docx-too-large-inside = Ese DOCX es demasiado grande por dentro para ser un currículum.
documents-docx-damaged = No he podido abrir ese DOCX; parece dañado. Prueba a guardarlo de nuevo.
