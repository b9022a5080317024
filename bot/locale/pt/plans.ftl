## Plans: /plan, /upgrade, invoices, payments, /paysupport, the flood notice.

plans-command-plan = Seu plano e seu uso
plans-command-upgrade = Fazer upgrade com Telegram Stars
plans-command-paysupport = Ajuda com pagamentos
plans-name = { $plan ->
    [pro] Pro
    [max] Max
   *[free] Grátis
}
plans-date = { $date } UTC

## /plan
plans-your-plan = <b>Seu plano: { $name }</b>
plans-active-until = Ativo até { $date }.
plans-ended = Seu plano { $name } terminou; você voltou ao Grátis.
plans-what = { $resource ->
    [question] Perguntas de prática
    [interview] Entrevistas simuladas
   *[resume] Análises de currículo
}
plans-usage-unlimited = • { $what }: ilimitado ({ $used } até agora)
plans-usage-excluded = • { $what }: não incluído (plano Max)
plans-usage-limited = • { $what }: { $used } de { $limit } usadas
plans-interview-starts = • Inícios de entrevista: { $starts } de { $capacity } disponíveis (mais { $refill } por dia)
plans-upgrade-hint = Faça upgrade com Telegram Stars: /upgrade
plans-button-buy = ⭐ { $extend ->
    [true] Estender
   *[false] Assinar
} { $name } — { $price } ⭐
plans-not-available = Esse plano não está disponível. /plan mostra o que você tem.

## /upgrade and invoices
plans-offers =
    <b>Faça upgrade com Telegram Stars</b>
    • <b>Pro</b> — { $pro } ⭐ por 30 dias: perguntas de prática e entrevistas simuladas ilimitadas.
    • <b>Max</b> — { $max } ⭐ por 30 dias: tudo do Pro, mais a análise de currículo.

    Pague uma vez com uma fatura abaixo, ou toque em <i>Assinar todo mês</i> para renovar a cada 30 dias (cancele quando quiser no Telegram). Dúvidas sobre pagamentos: /paysupport
plans-offers-on-max = Você está no Max — pagar de novo estende o plano por 30 dias.
plans-price-label = { $name }, 30 dias
plans-button-pay = Pagar { $price } ⭐
plans-button-subscribe = 🔁 Assinar todo mês
plans-invoice-title = Interview Coach { $name }
plans-invoice-description = Plano { $name } { $subscription ->
    [true] a cada 30 dias, até você cancelar
   *[false] por 30 dias
}: { $plan ->
    [pro] perguntas de prática e entrevistas simuladas ilimitadas
   *[max] perguntas de prática e entrevistas simuladas ilimitadas, mais a análise de currículo
}.

## Payments
plans-checkout-failed = Algo deu errado — tente de novo.
# Pre-checkout refusals (`CheckoutRefusal`), plain text.
plans-checkout-invalid-invoice = Esta fatura não é mais válida. Envie /upgrade para receber uma nova.
plans-checkout-not-your-invoice = Esta fatura foi criada para outra conta do Telegram. Envie /upgrade para receber a sua.
plans-checkout-price-changed = O preço mudou desde que esta fatura foi enviada. Envie /upgrade para receber uma nova.
plans-checkout-higher-plan = Você já tem um plano superior. Envie /plan para vê-lo ou /upgrade para estendê-lo.
plans-payment-unmatched = Obrigado — seu pagamento chegou, mas não consegui associá-lo a um plano. Envie /paysupport com este código para resolvermos: <code>{ $charge }</code>
plans-payment-wrong-amount = Seu pagamento de { $amount } ⭐ chegou, mas não corresponde ao preço deste plano, então não mudei seu plano. Envie /paysupport com este código e vamos resolver: <code>{ $charge }</code>
plans-payment-done = ✅ Obrigado! O <b>{ $name }</b> está { $renewed ->
    [true] renovado
   *[false] ativo
}{ $until }. Seus limites foram liberados — /plan mostra seu uso.
plans-payment-until = { " " }até { $date }
plans-refunded = ↩️ Seu pagamento de { $amount } ⭐ foi reembolsado. /plan mostra seu plano agora.

## /paysupport
plans-support =
    <b>Ajuda com pagamentos</b>
    Os planos são pagos em Telegram Stars, pelo Telegram.

    • <b>Pagou e o plano não está ativo?</b> Os pagamentos são aplicados em segundos — confira /plan. Se ainda não estiver, envie <code>/paysupport</code> seguido do que aconteceu.
    • <b>Reembolsos:</b> até 14 dias após um pagamento, peça com <code>/paysupport</code> e o motivo; devolvemos as Stars integralmente e o tempo de plano comprado com elas termina.
    • <b>Assinaturas</b> renovam a cada 30 dias. Cancele quando quiser no Telegram (Configurações → Minhas Stars); você mantém o plano até o fim do período pago.
    • O suporte do Telegram não ajuda com compras feitas em bots — nós ajudamos.
plans-support-contact = • Você também pode escrever para { $contact }.
plans-support-recent = <b>Seus pagamentos recentes</b>
plans-support-payment = • { $date } — { $name }, { $amount } ⭐{ $refunded ->
    [true] {" "}(reembolsado)
   *[false] {""}
}: <code>{ $charge }</code>
plans-support-wait = 📨 Sua última mensagem já está com a equipe — eles vão responder aqui. Você pode enviar outra em { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
plans-support-sent = 📨 Obrigado — sua mensagem foi para a equipe. Eles vão responder aqui nesta conversa.
plans-support-failed = ⚠️ Desculpe — não consegui passar sua mensagem para a equipe agora. Tente de novo mais tarde{ $elsewhere }.
plans-support-elsewhere = { " " }ou escreva para { $contact }
plans-support-relay = 💳 <b>/paysupport</b> de { $who } (id <code>{ $id }</code>):

## Flood control
plans-flood-backlog = 🐢 Mais devagar, por favor — ainda estou cuidando das suas mensagens anteriores. Vou ignorar as novas até alcançar.
plans-flood-rate = 🐢 Mais devagar, por favor — são mais de { $limit } mensagens em um minuto. Vou ignorar as novas por cerca de { $seconds } s.
