## The learning loop: /progress, /review, suggested difficulty, Next for me, /remind.

learning-suggested = { $level } ⭐
learning-button-next-for-me = 🎯 A próxima para mim
learning-button-review = 🔁 Revisar ({ $count } pendentes)
learning-button-review-now = 🔁 Revisar agora
learning-button-practice-now = 🧠 Praticar agora
learning-button-progress = 📈 Progresso
learning-focus = 🎯 <i>Para você: { $skill }, sua habilidade mais fraca</i>
learning-job-not-found = Essa vaga não foi encontrada.

## /progress
learning-progress-empty = 📈 Ainda não há progresso para mostrar. Envie /practice e responda sua primeira pergunta — cada resposta avaliada aparece aqui.
learning-progress-title = 📈 <b>Seu progresso</b>{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-progress-answers = Perguntas respondidas: <b>{ $count }</b> · média <b>{ $average }/10</b>
learning-progress-trend = Últimas 10: <b>{ $last }</b> contra as 10 anteriores: { $before } { $trend ->
    [up] 📈 melhorando
    [down] 📉 caindo
   *[flat] ➡️ estável
}
learning-progress-recent = Últimas respostas: <b>{ $last }/10</b> em média
learning-progress-skills = <b>Por habilidade</b>
learning-progress-skill = • { $skill }: { $average }/10 ({ $count ->
    [one] { $count } resposta
   *[other] { $count } respostas
})
learning-progress-weakest = { $count ->
    [one] Habilidade mais fraca: <b>{ $skills }</b>
   *[other] Habilidades mais fracas: <b>{ $skills }</b>
}
learning-progress-interviews = <b>Entrevistas simuladas</b>
learning-progress-interview = • { $date } · { $job }: { $rating }/10
learning-progress-streak = 🔥 Sequência: { $days ->
    [0] nenhuma resposta hoje nem ontem
    [one] { $days } dia
   *[other] { $days } dias seguidos
}
learning-progress-due = 🔁 { $count ->
    [one] { $count } pergunta para revisar — /review
   *[other] { $count } perguntas para revisar — /review
}
learning-progress-next-due = 🔁 Próxima revisão: { $when } ({ $zone })
learning-chart-title = Notas ao longo do tempo{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-chart-rating = Nota (1–10)
learning-chart-answer = Respostas, das mais antigas às mais recentes
learning-chart-caption = 📈 { $count ->
    [one] Sua última resposta
   *[other] Suas últimas { $count } respostas
}

## /review
learning-review-none = Ainda não há nada para revisar. Responda perguntas com /practice — cada uma volta aqui quando chegar a hora de revisá-la.
learning-review-none-due = ✅ Nenhuma revisão pendente. A próxima é em { $when } ({ $zone }).
learning-review-header = 🔁 <b>Revisão</b> · { $level } · { $job } · { $count } pendentes

## /remind
learning-remind-ask-zone = ⏰ Em qual fuso horário você está? Escolha um ou digite o nome (por exemplo <code>America/Sao_Paulo</code>).
learning-remind-bad-zone = Não conheço esse fuso horário. Escolha um abaixo ou digite um nome como <code>America/Sao_Paulo</code> ou <code>Europe/Lisbon</code>.
learning-remind-ask-time = ⏰ A que horas devo lembrar você todos os dias ({ $zone })? Escolha uma ou digite no formato <code>HH:MM</code>.
learning-remind-bad-time = Informe a hora como <code>HH:MM</code>, por exemplo <code>19:00</code>.
learning-remind-current = Seu lembrete está às <b>{ $time }</b> ({ $zone }). Escolha um novo horário, ou /remind off para desligá-lo.
learning-remind-set = ✅ Vou lembrar você todos os dias às <b>{ $time }</b> ({ $zone }) — a não ser que você já tenha praticado naquele dia. /remind off desliga; /remind zone muda o fuso horário.
learning-remind-off = 🔕 Lembretes desligados. /remind liga de novo.
learning-remind-none = Você não tem nenhum lembrete ativo. /remind cria um.
learning-remind-cancelled = Nenhum lembrete foi alterado.
learning-remind-left = Seu lembrete não foi alterado — /remind para configurá-lo.
learning-reminder = ⏰ <b>Hora de praticar!</b> { $count ->
    [0] Alguns minutos por dia mantêm suas habilidades de entrevista afiadas.
    [one] { $count } pergunta está pendente de revisão.
   *[other] { $count } perguntas estão pendentes de revisão.
}
learning-card-due = 🔁 { $count ->
    [one] { $count } pergunta para revisar — /review
   *[other] { $count } perguntas para revisar — /review
}
