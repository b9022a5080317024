## Uploaded files (resumes, job descriptions): why one can't be used (`DocumentError.problem`,
## `documents-<problem>`). One line each; which formats to send instead is the caller's to say.

documents-unsupported = { $extension ->
    [doc] Old Word .doc files aren't supported — save it as DOCX or PDF and send that.
    [pages] Pages files aren't supported — export it to PDF or DOCX and send that.
    [odt] ODT files aren't supported — save it as DOCX or PDF and send that.
    [rtf] RTF files aren't supported — save it as DOCX, PDF or TXT and send that.
   *[other] I can read PDF, DOCX and TXT files only — please send one of those.
}
documents-too-large = That file is over the { $limit_mb } MB limit.
documents-empty = That file is empty.
documents-no-text = That file has no text in it.
documents-too-little-text = That file has too little text to review ({ $letters } letters and digits).
documents-not-text = That doesn't look like a text file.
documents-damaged = I couldn't read that file — it seems damaged.
documents-too-slow = I couldn't read this file in time — it may be damaged or far too complex.
documents-pdf-invalid = That file isn't a valid PDF — it may be damaged or renamed.
documents-pdf-damaged = I couldn't read that PDF — it seems damaged. Try exporting it again.
documents-pdf-no-pages = That PDF has no pages.
documents-pdf-encrypted = That PDF is password-protected — remove the password (or export it again) and resend.
documents-pdf-scanned = That PDF has no selectable text (it looks scanned) — export it from your editor as a text PDF.
documents-docx-encrypted = That Word file is password-protected or an old .doc — save it as a plain DOCX or PDF.
documents-docx-too-large-inside = That DOCX is far too large inside to be a resume.
documents-docx-damaged = I couldn't open that DOCX — it seems damaged. Try saving it again.
