## Mock interviews: /interview, answers, /end, the report, /interviews.

interviews-interviewer = 🧑‍💼 <b>Entrevistador</b>
interviews-where-we-left-off = 🧑‍💼 <b>Entrevistador</b> <i>(de onde paramos)</i>
interviews-not-found = Essa entrevista não foi encontrada.
interviews-already-ended = Essa entrevista já terminou.
interviews-has-ended = Esta entrevista já terminou.
interviews-job-not-found = Essa vaga não foi encontrada. /jobs lista as suas.
interviews-paused = Sua entrevista está pausada — /interview para continuar, /end para encerrar.

## Buttons
interviews-button-end = ⏹ Encerrar entrevista
interviews-button-voice = { $on ->
    [true] 🔊 Respostas em voz: ligadas
   *[false] 🔈 Respostas em voz: desligadas
}
interviews-voice-answer = { $on ->
    [true] 🔊 Respostas em voz ligadas
   *[false] 🔈 Respostas em voz desligadas
}
interviews-button-retry = 🔁 Tentar de novo
interviews-button-replace = ⏹ Encerrar e começar outra
interviews-button-continue = ▶️ Continuar a atual
interviews-button-markdown = ⬇️ Markdown
interviews-button-pdf = ⬇️ PDF
interviews-button-transcript = 📜 Transcrição
interviews-button-all = 🗂 Todas as entrevistas
interviews-button-retry-report = 🔁 Tentar o relatório de novo

## Starting
interviews-pick-job = Para qual vaga é esta entrevista simulada?
interviews-intro = 🎤 <b>Entrevista simulada — { $job }</b>

    Vou fazer cerca de { $questions } perguntas, uma de cada vez — uma mistura de perguntas sobre experiência e técnicas — e aprofundar quando uma resposta ficar rasa. Dura até { $minutes } { $minutes ->
        [one] minuto
       *[other] minutos
    }.

    • Responda cada pergunta { $speech ->
        [true] por texto ou com uma mensagem de voz
       *[false] por texto
    }.
    • Toque em <b>Encerrar entrevista</b> ou envie /end para terminar a qualquer momento.
    • No final você recebe um relatório completo, com notas em 7 categorias.
interviews-intro-voice = • Toque em <b>Respostas em voz</b> para também ouvir minhas perguntas como mensagens de voz.
interviews-in-progress = Você já tem uma entrevista simulada em andamento para <b>{ $job }</b>. Só pode haver uma por vez — encerrá-la (você recebe o relatório) e começar a nova, ou continuar a atual?

## The interview in progress
interviews-answer-here = 🎤 Você está em uma entrevista simulada: responda por texto ou voz, ou envie /end para encerrar.
interviews-nothing-asked = ⚠️ O entrevistador ainda não perguntou nada — toque em Tentar de novo ou envie /end.
interviews-turn-failed = ⚠️ O entrevistador não respondeu: { $reason }
    Tudo até aqui está salvo — toque em Tentar de novo, ou envie /end para encerrar e receber seu relatório.
interviews-empty-reply = O coach de IA devolveu uma resposta vazia. Tente de novo.
interviews-already-answered = O entrevistador já respondeu.
interviews-none-in-progress = Nenhuma entrevista simulada em andamento. /interview começa uma.

## Ending and the report
interviews-ended-empty = ⏹ Entrevista encerrada. Você não respondeu nenhuma pergunta, então não há relatório e ela não conta para o seu plano.
interviews-ended = ⏹ Entrevista encerrada após { $duration }. Escrevendo seu relatório…
interviews-report-failed = ⚠️ Não consegui escrever seu relatório: { $reason }
    A entrevista está salva — toque em Tentar o relatório de novo.
interviews-no-pdf = Não há PDF deste relatório — baixe o Markdown.
interviews-caption-markdown = 📝 O relatório da sua entrevista (Markdown)
interviews-caption-pdf = 📄 O relatório da sua entrevista (PDF)

## /interviews
interviews-pick-history = De qual vaga você quer ver as entrevistas simuladas?
interviews-history-title = 🗂 <b>Entrevistas simuladas — { $job }</b>
interviews-history-empty = { $title }

    Nenhuma ainda. /interview começa uma.
interviews-history = { $title }

    Data · duração · nota geral{ $more }. Toque em uma para abrir.
interviews-history-more = {" "}(as { $shown } mais recentes de { $total })
interviews-label-active = { $when } · em andamento
interviews-label-no-report = { $when } · { $duration } · ainda sem relatório
interviews-label-rated = { $when } · { $duration } · ⭐ { $rating }/10
interviews-still-active = 🎤 Esta entrevista ainda está em andamento: responda a última pergunta ou encerre-a.
interviews-no-report = Esta entrevista ainda não tem relatório.
interviews-transcript-title = 📜 <b>Transcrição</b> — { $meta }
interviews-transcript-you = 🙋 <b>Você</b>{ $voice ->
    [true] {" "}🎙
   *[false] {""}
}<i>{ $took }</i>
interviews-transcript-took = {" "}· { $seconds } s
interviews-transcript-empty = <i>Nada foi dito ainda.</i>

## The report document (Markdown and PDF; plain text)
interviews-report-title = Relatório da entrevista simulada — { $job }
interviews-report-meta = { $job } · { $date } · duração { $duration }
interviews-report-overall = Nota geral: { $rating }/10
interviews-report-page = Interview Coach - página { $page }
interviews-too-short = ⏹ Entrevista encerrada. Curta demais para um relatório: você respondeu só uma vez, então ela não conta no seu plano.
interviews-discard-ask = Descartar esta entrevista? Nada é salvo e ela não vai contar.
interviews-button-discard = 🗑 Descartar
interviews-button-keep = ▶️ Continuar
interviews-discarded = 🗑 Entrevista descartada. Nada foi salvo e ela não conta no seu plano. /interview começa uma nova.
