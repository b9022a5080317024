## /practice: questions by difficulty, answers rated out of 10.

practice-level = { $level ->
    [easy] Fácil
    [medium] Média
   *[hard] Difícil
}
practice-which-job = Para qual vaga você quer praticar?
practice-choose-difficulty = 🎯 Prática para <b>{ $job }</b>. Escolha uma dificuldade:
practice-button-past = 📜 Perguntas anteriores
practice-button-try-again = 🔁 Tentar de novo
practice-button-done = ✅ Concluir
practice-button-retry = 🔁 Repetir
practice-button-new-question = 🎯 Nova pergunta
practice-answer-hint = { $voice ->
    [true] <i>Responda com um texto ou uma mensagem de voz · /cancel para parar</i>
   *[false] <i>Responda com uma mensagem de texto · /cancel para parar</i>
}
practice-answer-how = { $voice ->
    [true] Responda com um texto ou uma mensagem de voz.
   *[false] Responda com uma mensagem de texto.
}
practice-question-header = ❓ <b>Pergunta · { $level }</b> · { $job }
    { $hint }
practice-job-gone = Essa vaga não existe mais. Envie /practice para escolher outra.
practice-job-not-found = Essa vaga não foi encontrada.
practice-question-failed = ⚠️ Não consegui obter uma pergunta: { $reason }
    Nada foi salvo nem contado. Toque em Repetir para tentar de novo.
practice-grade-failed = ⚠️ Não consegui avaliar sua resposta: { $reason }
    Sua resposta foi guardada — toque em Repetir para que seja avaliada, ou envie outra.
practice-too-many-gradings = 🔒 Esta pergunta já foi avaliada { $limit } vezes hoje, o máximo para uma pergunta. Escolha uma nova pergunta ou responda esta de novo amanhã.
practice-question-gone = Essa pergunta não existe mais. Envie /practice para uma nova.
practice-question-not-found = Essa pergunta não foi encontrada.
practice-rating = <b>Nota: { $rating }/10</b>
    { $bar }

    <b>Comentários</b>
practice-correct-answer = ✅ <b>Resposta correta</b>
practice-remind-choose = Escolha <b>Fácil</b>, <b>Média</b> ou <b>Difícil</b> acima para a próxima pergunta, <b>Tentar de novo</b> ou <b>Concluir</b> — ou /cancel.
practice-finished = ✅ Prática concluída. Envie /practice quando quiser para mais perguntas.
practice-stopped = Prática interrompida. Envie /practice para começar de novo.
practice-used-button = Já estou nisso — esse botão já foi usado.
practice-left = Sua pergunta de prática ficou de lado — /practice para uma nova.

## Past questions
practice-answer-again = 🔁 <b>Responder de novo</b> · { $level } · { $job }
practice-best-so-far = Melhor nota até agora: <b>{ $best }/10</b>
practice-none-yet = Ainda não há perguntas de prática para <b>{ $job }</b>.
practice-past-title = 📜 <b>Perguntas anteriores</b> · { $job }
practice-past-item = { $number }. { $text }
    {"    "}<i>{ $level } · { $best ->
        [none] ainda sem resposta
       *[other] melhor nota { $best }/10
    }</i>
practice-past-button = { $number }. { $score } · { $text }
practice-past-newest = <i>Mostrando as { $count } mais recentes.</i>
practice-past-tap = Toque em uma para responder de novo.
practice-not-answered = 🤷 <b>Ainda sem resposta — então sem nota.</b> No treino, tudo bem. Numa entrevista, raciocine em voz alta: diga o que você sabe e como descobriria o resto.
    Envie uma resposta quando quiser, veja a correta ou pule esta pergunta.
practice-button-show-answer = 💡 Ver resposta
practice-button-skip = ⏭ Pular
practice-show-answer-failed = ⚠️ Não consegui obter a resposta: { $reason }
    Toque em Ver resposta para tentar de novo, ou em Pular.
practice-skipped = ⏭ Pulada — esta pergunta fica sem nota. Escolha a próxima:
practice-skill-tag = 🏷 #{ $skill }
