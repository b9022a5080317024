## Shared by every feature: buttons, errors, limits, voice, the job picker.

kit-button-unreadable = Este botão não está mais ativo. Envie /help para começar de novo.
kit-button-too-old = Esta mensagem é antiga demais — envie o comando de novo.
kit-button-not-yours = Esse botão não é seu.
kit-not-found = Não encontrado — talvez tenha sido excluído.
kit-job-not-found = Essa vaga não foi encontrada. /jobs lista as suas.
kit-offline-notice = 🧩 <i>Modo offline: quem responde é o coach integrado (nenhuma chave de IA configurada).</i>
    🇬🇧 <i>O coach integrado escreve as perguntas e os comentários em inglês.</i>

## Errors
kit-ai-error = ⚠️ { $reason }
kit-error-database = ⚠️ Não consegui acessar meu banco de dados agora. Nada foi perdido — tente de novo.
kit-error-generic = ⚠️ Desculpe, algo deu errado do meu lado. Tente de novo.

## The job picker
kit-no-jobs = Você ainda não tem vagas salvas. Crie uma primeiro com /newjob.
kit-picker-more = <i>Mostrando suas { $limit } vagas mais recentes; veja todas em /jobs.</i>

## Plan limits
kit-limit-rate = ⏳ Você começou muitas entrevistas nos últimos tempos. A próxima fica disponível em cerca de { $hours } h.
kit-limit-used = 🔒 Você usou { $limit } de { $limit } { $what } do plano { $plan }. Faça upgrade para continuar — /plan mostra seu uso.
kit-limit-resume = 🔒 A análise de currículo faz parte do plano Max; não está incluída no plano { $plan }.
kit-limit-excluded = 🔒 { $what_capitalized } não fazem parte do plano { $plan }. Faça upgrade — /plan mostra o que cada plano inclui.
kit-limit-what = { $resource ->
    [question] perguntas de prática
    [interview] entrevistas simuladas
   *[resume] análises de currículo
}
kit-limit-what-capitalized = { $resource ->
    [question] Perguntas de prática
    [interview] Entrevistas simuladas
   *[resume] Análises de currículo
}
kit-button-get-max = ⭐ Assinar Max
kit-button-upgrade = ⭐ Fazer upgrade

## Voice answers
kit-voice-unavailable = 🎙 Respostas por voz precisam de um serviço de IA com fala. Digite sua resposta, por favor.
kit-voice-failed = 🎙 Não consegui transcrever isso: { $reason } Você pode digitar sua resposta.
kit-voice-empty = 🎙 Não ouvi nenhuma palavra nessa gravação. Tente de novo ou digite sua resposta.
kit-voice-heard = 🎙 <i>Eu ouvi:</i> { $text }
kit-voice-size-unknown = 🎙 O Telegram não me informou o tamanho dessa gravação, então não consigo baixá-la. Grave de novo ou digite sua resposta.
kit-voice-too-large = 🎙 Essa gravação é grande demais para mim (mais de 20 MB). Envie uma mais curta ou digite sua resposta.
kit-voice-too-long = 🎙 Essa gravação tem mais de { $minutes } minutos — faça uma resposta por voz mais curta ou digite sua resposta.
kit-answer-cut = ✂️ Essa resposta é muito longa: fiquei com os primeiros { $limit } caracteres.
