## Resume analysis: /resume, the upload step, the report.

resume-command = Avaliar seu currículo para uma vaga
resume-pick-job = 📄 Para qual vaga devo avaliar seu currículo?
resume-ask = 📄 Envie seu currículo para <b>{ $job }</b> como arquivo — PDF, DOCX ou TXT, até { $mb } MB.
resume-ask-keeps = Eu leio o texto, avalio em relação à vaga e guardo só a avaliação, não o arquivo.
resume-ask-last = Última avaliação: <b>{ $score }/10</b> em { $date }.
resume-ask-cancel = /cancel para parar.
resume-button-last = 📋 Ver a última avaliação
resume-ask-again = Envie seu currículo como arquivo PDF, DOCX ou TXT (até { $mb } MB), ou /cancel.
resume-refused = ⚠️ { $reason }
    { $again }
resume-photo = Isso é uma foto — preciso do arquivo do currículo (📎 → Arquivo), não de uma imagem dele.
resume-text = Preciso do seu currículo como arquivo, não como mensagem de texto.
resume-not-document = Isso não é um documento.
resume-download-refused = Não consegui baixar esse arquivo do Telegram.
resume-job-gone = Essa vaga não existe mais. Envie /resume para escolher outra.
resume-ai-failed = ⚠️ { $reason } Nada foi salvo. Toque em Repetir para tentar de novo com o mesmo arquivo.
resume-button-retry = 🔁 Repetir
resume-retrying = Tentando de novo…
resume-file-gone = Não tenho mais esse arquivo. Envie /resume para começar de novo.
resume-file-gone-ask = Não tenho mais esse arquivo (só o guardo por pouco tempo, na memória).
resume-cancelled = Avaliação de currículo cancelada. /resume começa de novo.
resume-left = 📄 Avaliação de currículo interrompida — /resume para começar de novo.
resume-no-review = Não há avaliação salva para essa vaga.

## The report
resume-title = Avaliação do currículo
resume-title-last = Última avaliação ({ $date })
resume-header = 📄 <b>{ $title }</b> — { $job }
resume-overall = <b>Geral: { $score }/10</b> { $bar }
resume-up = 📈 Subiu { $diff } em relação a { $previous }/10 da última vez.
resume-down = 📉 Caiu { $diff } em relação a { $previous }/10 da última vez.
resume-same = ➖ Igual à última vez ({ $previous }/10).
resume-truncated = ✂️ <i>Seu currículo tem mais de umas { $pages } páginas; avaliei as primeiras { $pages }.</i>
resume-button-new-version = 📤 Avaliar uma nova versão
resume-category = { $key ->
    [ats] Compatibilidade com ATS
    [job_match] Aderência à vaga
    [writing_and_formatting] Redação e formatação
    [keyword_coverage] Cobertura de palavras-chave
   *[other] Outros
}
resume-not-a-resume = 🤔 Isto não parece um currículo: não tem seções de experiência, formação ou habilidades, nem datas, então não recebeu nota e nada foi contado. Envie /resume com seu currículo (PDF, DOCX ou TXT).
