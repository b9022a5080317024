## Uploaded files (resumes, job descriptions): why one can't be used (`DocumentError.problem`,
## `documents-<problem>`). One line each; which formats to send instead is the caller's to say.

documents-unsupported = { $extension ->
    [doc] Arquivos .doc antigos do Word não são suportados — salve como DOCX ou PDF e envie.
    [pages] Arquivos do Pages não são suportados — exporte para PDF ou DOCX e envie.
    [odt] Arquivos ODT não são suportados — salve como DOCX ou PDF e envie.
    [rtf] Arquivos RTF não são suportados — salve como DOCX, PDF ou TXT e envie.
   *[other] Só consigo ler arquivos PDF, DOCX e TXT — envie um desses, por favor.
}
documents-too-large = Esse arquivo passa do limite de { $limit_mb } MB.
documents-empty = Esse arquivo está vazio.
documents-no-text = Esse arquivo não tem texto.
documents-too-little-text = Esse arquivo tem texto de menos para revisar ({ $letters } letras e dígitos).
documents-not-text = Isso não parece um arquivo de texto.
documents-damaged = Não consegui ler esse arquivo — parece estar danificado.
documents-too-slow = Não consegui ler este arquivo a tempo — ele pode estar danificado ou ser complexo demais.
documents-pdf-invalid = Esse arquivo não é um PDF válido — pode estar danificado ou ter sido renomeado.
documents-pdf-damaged = Não consegui ler esse PDF — parece estar danificado. Tente exportá-lo de novo.
documents-pdf-no-pages = Esse PDF não tem páginas.
documents-pdf-encrypted = Esse PDF está protegido por senha — remova a senha (ou exporte de novo) e reenvie.
documents-pdf-scanned = Esse PDF não tem texto selecionável (parece digitalizado) — exporte-o do seu editor como PDF com texto.
documents-docx-encrypted = Esse arquivo do Word está protegido por senha ou é um .doc antigo — salve como DOCX comum ou PDF.
documents-docx-too-large-inside = Esse DOCX é grande demais por dentro para ser um currículo.
documents-docx-damaged = Não consegui abrir esse DOCX — parece estar danificado. Tente salvá-lo de novo.
