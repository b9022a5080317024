## Uploaded files (resumes, job descriptions): why one can't be used (`DocumentError.problem`,
## `documents-<problem>`). One line each; which formats to send instead is the caller's to say.

documents-unsupported = { $extension ->
    [doc] Старые файлы Word .doc не поддерживаются — сохраните документ в DOCX или PDF и отправьте его.
    [pages] Файлы Pages не поддерживаются — экспортируйте документ в PDF или DOCX и отправьте его.
    [odt] Файлы ODT не поддерживаются — сохраните документ в DOCX или PDF и отправьте его.
    [rtf] Файлы RTF не поддерживаются — сохраните документ в DOCX, PDF или TXT и отправьте его.
   *[other] Я читаю только файлы PDF, DOCX и TXT — пожалуйста, отправьте файл в одном из этих форматов.
}
documents-too-large = Файл больше допустимых { $limit_mb } МБ.
documents-empty = Файл пустой.
documents-no-text = В файле нет текста.
documents-too-little-text = В файле слишком мало текста для проверки (букв и цифр: { $letters }).
documents-not-text = Это не похоже на текстовый файл.
documents-damaged = Не удалось прочитать файл — похоже, он повреждён.
documents-too-slow = Не удалось вовремя прочитать файл — возможно, он повреждён или слишком сложен.
documents-pdf-invalid = Это некорректный PDF — возможно, файл повреждён или переименован.
documents-pdf-damaged = Не удалось прочитать PDF — похоже, он повреждён. Попробуйте экспортировать его заново.
documents-pdf-no-pages = В этом PDF нет страниц.
documents-pdf-encrypted = Этот PDF защищён паролем — снимите пароль (или экспортируйте файл заново) и отправьте ещё раз.
documents-pdf-scanned = В этом PDF нет текста, который можно выделить (похоже, это скан) — экспортируйте его из редактора как текстовый PDF.
documents-docx-encrypted = Этот файл Word защищён паролем или это старый .doc — сохраните его как обычный DOCX или PDF.
documents-docx-too-large-inside = Этот DOCX внутри слишком велик для резюме.
documents-docx-damaged = Не удалось открыть DOCX — похоже, он повреждён. Попробуйте сохранить его заново.
