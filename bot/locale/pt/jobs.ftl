## Job profiles: /newjob, /jobs, the card, editing and deleting.

jobs-not-found = Vaga não encontrada — talvez tenha sido excluída.
jobs-page-not-found = Não encontrado.
jobs-old-button = Esse botão é de uma mensagem antiga.
jobs-old-button-now = Esse botão é de uma mensagem antiga. Agora, { $expected }
jobs-warning = ⚠️ { $reason }
jobs-stray = Não consigo usar { $what } aqui — { $expected }
jobs-stray-what = { $kind ->
    [sticker] uma figurinha
    [photo] uma foto
    [voice] uma mensagem de voz
    [audio] um áudio
    [video] um vídeo
    [video_note] uma mensagem de vídeo
    [animation] um GIF
    [document] um arquivo
   *[other] isso
}
jobs-invalid-download-failed = Não consegui baixar esse arquivo — cole o texto.

## Levels, keyed by ExperienceLevel's values
jobs-level = { $level ->
    [junior] Júnior
    [mid-level] Pleno
   *[senior] Sênior
}

## Wrong values (the service's InvalidValue reasons)
jobs-invalid-what = { $what ->
    [title] cargo
   *[name] nome
}
jobs-invalid-empty = O { jobs-invalid-what } não pode ficar vazio.
jobs-invalid-too-long = O { jobs-invalid-what } deve ter no máximo { $limit } caracteres (tem { $got }).
jobs-invalid-description-short = A descrição deve ter pelo menos { $limit } caracteres — cole o anúncio da vaga.
jobs-invalid-description-long = A descrição deve ter no máximo { NUMBER($limit, useGrouping: "true") } caracteres (tem { NUMBER($got, useGrouping: "true") }).
jobs-invalid-level = Escolha Júnior, Pleno ou Sênior.
jobs-invalid-file-type = Só consigo ler arquivos .txt e .pdf — ou cole o texto.
jobs-invalid-file-empty = Esse arquivo está vazio — envie a descrição da vaga ou cole o texto.
jobs-invalid-file-unreadable = { $message }
jobs-invalid-file-too-long = Esse arquivo é longo demais para a descrição de uma vaga (no máximo { NUMBER($limit, useGrouping: "true") } caracteres).
jobs-invalid-file-too-large = Esse arquivo tem mais de 10 MB — envie um menor ou cole o texto.
jobs-invalid-field = Esse campo não pode ser editado.

## The list and the card
jobs-none = Você ainda não tem vagas salvas. Crie uma com /newjob.
jobs-list = <b>Suas vagas</b> ({ $total })
    Toque em uma para abrir, ou /newjob para adicionar outra.
jobs-list-paged = <b>Suas vagas</b> ({ $total }) — página { $page } de { $pages }
    Toque em uma para abrir, ou /newjob para adicionar outra.
jobs-card-name = 🏢 <b>{ $name }</b>
jobs-card-title = 💼 { $title }
jobs-card-level = 📈 { $level }
jobs-card-preview = <i>{ $text }</i>
jobs-card-counts = 🧠 { $questions ->
    [0] { $questions } perguntas feitas
    [one] { $questions } pergunta feita
   *[other] { $questions } perguntas feitas
    } · 🎤 { $interviews ->
    [0] { $interviews } entrevistas realizadas
    [one] { $interviews } entrevista realizada
   *[other] { $interviews } entrevistas realizadas
    }
jobs-button-practice = 🧠 Praticar
jobs-button-interview = 🎤 Entrevista
jobs-button-resume = 📄 Currículo
jobs-button-past-questions = Perguntas anteriores
jobs-button-past-interviews = Entrevistas anteriores
jobs-button-edit = ✏️ Editar
jobs-button-delete = 🗑 Excluir
jobs-button-all = « Todas as vagas
jobs-button-previous = ◀
jobs-button-next = ▶

## Deleting
jobs-delete-ask = 🗑 Excluir <b>{ $name }</b>? { $questions ->
    [0] { $questions } perguntas
    [one] { $questions } pergunta
   *[other] { $questions } perguntas
    } e { $interviews ->
    [0] { $interviews } entrevistas
    [one] { $interviews } entrevista
   *[other] { $interviews } entrevistas
    } também serão excluídas. Isso não pode ser desfeito.
jobs-button-delete-yes = Sim, excluir
jobs-button-keep = Manter
jobs-deleted-answer = Excluída.
jobs-deleted = 🗑 <b>{ $name }</b> foi excluída, com { $questions ->
    [0] { $questions } perguntas
    [one] { $questions } pergunta
   *[other] { $questions } perguntas
    } e { $interviews ->
    [0] { $interviews } entrevistas
    [one] { $interviews } entrevista
   *[other] { $interviews } entrevistas
    }.

## /newjob
jobs-new-name = 🏢 <b>Nova vaga</b> (1/4)
    Qual é o <b>nome da empresa ou da vaga</b>? Até 100 caracteres. /cancel interrompe.
jobs-new-title = 💼 (2/4) Qual é o <b>cargo</b>? Por exemplo: Backend Engineer.
jobs-new-level = 📈 (3/4) Qual é o <b>nível de experiência</b>?
jobs-new-description = 📄 (4/4) Cole a <b>descrição da vaga</b> (de 20 a 10.000 caracteres) ou envie como arquivo .txt ou .pdf (até 10 MB).
jobs-new-expected-name = digite o nome da empresa ou da vaga.
jobs-new-expected-title = digite o cargo ou toque em Pular.
jobs-new-expected-level = escolha Júnior, Pleno ou Sênior nos botões.
jobs-new-expected-description = cole a descrição da vaga ou envie como arquivo .txt ou .pdf.
jobs-new-busy = Você está criando uma vaga: { $expected } Ou envie /cancel para parar.
jobs-new-cancelled = Cancelado — nenhuma vaga foi salva.
jobs-new-left = Sua nova vaga não foi salva — envie /newjob para começar de novo.
jobs-new-again = ↩️ Recomeçando.
jobs-new-lost = Perdi suas respostas — vamos recomeçar.
jobs-new-saved = ✅ Vaga salva.
jobs-button-skip = Pular

## Editing a job
jobs-edit-field = ✏️ Editando <b>{ $name }</b>. O que você quer mudar? /cancel interrompe.
jobs-edit-level = 📈 Escolha o novo <b>nível de experiência</b> para <b>{ $name }</b>.
jobs-edit-value = { $field ->
    [name] 🏢 Envie o novo <b>nome da empresa ou da vaga</b> (até 100 caracteres).
    [title] 💼 Envie o novo <b>cargo</b> (até 100 caracteres) ou apague-o.
   *[description] 📄 Cole a nova <b>descrição da vaga</b> (de 20 a 10.000 caracteres) ou envie como arquivo .txt ou .pdf (até 10 MB).
}
jobs-edit-expected-field = escolha o que mudar nos botões.
jobs-edit-expected-level = escolha Júnior, Pleno ou Sênior nos botões.
jobs-edit-expected-value = { $field ->
    [name] digite o novo nome.
    [title] digite o novo cargo ou toque em Apagar cargo.
   *[description] cole a nova descrição ou envie um arquivo .txt ou .pdf.
}
jobs-edit-busy = Você está editando uma vaga: { $expected } Ou /cancel para parar.
jobs-edit-cancelled = Cancelado — a vaga não foi alterada.
jobs-edit-left = Sua edição não foi salva — a vaga continua igual.
jobs-edit-saved = ✅ Salvo.
jobs-edit-gone = Vaga não encontrada — talvez tenha sido excluída. Nada foi alterado.
jobs-field = { $field ->
    [name] Nome
    [title] Cargo
    [experience_level] Nível
   *[description] Descrição
}
jobs-button-clear-title = Apagar cargo
