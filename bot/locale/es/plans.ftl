## Plans: /plan, /upgrade, invoices, payments, /paysupport, the flood notice.

plans-command-plan = Tu plan y tu uso
plans-command-upgrade = Mejorar el plan con Telegram Stars
plans-command-paysupport = Ayuda con los pagos
plans-name = { $plan ->
    [pro] Pro
    [max] Max
   *[free] Gratis
}
plans-date = { $date } UTC

## /plan
plans-your-plan = <b>Tu plan: { $name }</b>
plans-active-until = Activo hasta el { $date }.
plans-ended = Tu plan { $name } ha terminado; vuelves a estar en Gratis.
plans-what = { $resource ->
    [question] Preguntas de práctica
    [interview] Entrevistas simuladas
   *[resume] Análisis de currículum
}
plans-usage-unlimited = • { $what }: ilimitadas ({ $used } hasta ahora)
plans-usage-excluded = • { $what }: no incluido (plan Max)
plans-usage-limited = • { $what }: { $used } de { $limit } usadas
plans-interview-starts = • Inicios de entrevista: { $starts } de { $capacity } disponibles ({ $refill } más cada día)
plans-upgrade-hint = Mejora tu plan con Telegram Stars: /upgrade
plans-button-buy = ⭐ { $extend ->
    [true] Ampliar
   *[false] Obtener
} { $name } — { $price } ⭐
plans-not-available = Ese plan no está disponible. /plan muestra lo que tienes.

## /upgrade and invoices
plans-offers =
    <b>Mejora tu plan con Telegram Stars</b>
    • <b>Pro</b> — { $pro } ⭐ por 30 días: preguntas de práctica y entrevistas simuladas ilimitadas.
    • <b>Max</b> — { $max } ⭐ por 30 días: todo lo de Pro, más el análisis de currículum.

    Paga una vez con una de las facturas de abajo, o toca <i>Suscribirse cada mes</i> para renovar cada 30 días (cancela cuando quieras en Telegram). Dudas sobre pagos: /paysupport
plans-offers-on-max = Tienes Max: si vuelves a pagar, se amplía 30 días.
plans-price-label = { $name }, 30 días
plans-button-pay = Pagar { $price } ⭐
plans-button-subscribe = 🔁 Suscribirse cada mes
plans-invoice-title = Interview Coach { $name }
plans-invoice-description = Plan { $name } { $subscription ->
    [true] cada 30 días, hasta que lo canceles
   *[false] por 30 días
}: { $plan ->
    [pro] preguntas de práctica y entrevistas simuladas ilimitadas
   *[max] preguntas de práctica y entrevistas simuladas ilimitadas, más el análisis de currículum
}.

## Payments
plans-checkout-failed = Algo ha fallado; inténtalo de nuevo.
# Pre-checkout refusals (`CheckoutRefusal`), plain text.
plans-checkout-invalid-invoice = Esta factura ya no es válida. Envía /upgrade para obtener una nueva.
plans-checkout-not-your-invoice = Esta factura se creó para otra cuenta de Telegram. Envía /upgrade para obtener la tuya.
plans-checkout-price-changed = El precio ha cambiado desde que se envió esta factura. Envía /upgrade para obtener una nueva.
plans-checkout-higher-plan = Ya tienes un plan superior. Envía /plan para verlo o /upgrade para ampliarlo.
plans-payment-unmatched = Gracias: tu pago ha llegado, pero no he podido asociarlo a ningún plan. Envía /paysupport con este identificador para que lo solucionemos: <code>{ $charge }</code>
plans-payment-wrong-amount = Tu pago de { $amount } ⭐ ha llegado, pero no coincide con el precio de este plan, así que no he cambiado tu plan. Envía /paysupport con este identificador y lo solucionaremos: <code>{ $charge }</code>
plans-payment-done = ✅ ¡Gracias! <b>{ $name }</b> está { $renewed ->
    [true] renovado
   *[false] activo
}{ $until }. Tus límites se han levantado; /plan muestra tu uso.
plans-payment-until = { " " }hasta el { $date }
plans-refunded = ↩️ Se te ha reembolsado el pago de { $amount } ⭐. /plan muestra tu plan actual.

## /paysupport
plans-support =
    <b>Ayuda con los pagos</b>
    Los planes se pagan con Telegram Stars, a través de Telegram.

    • <b>¿Has pagado y el plan no está activo?</b> Los pagos se aplican en segundos; revisa /plan. Si sigue sin estarlo, envía <code>/paysupport</code> seguido de lo que ha pasado.
    • <b>Reembolsos:</b> en los 14 días siguientes a un pago, pídelo con <code>/paysupport</code> y el motivo; te devolvemos todas las Stars y el tiempo de plan que compraron termina.
    • <b>Las suscripciones</b> se renuevan cada 30 días. Cancela cuando quieras en Telegram (Ajustes → Mis Stars); conservas el plan hasta que acabe el periodo pagado.
    • El soporte de Telegram no puede ayudar con compras hechas en bots; nosotros sí.
plans-support-contact = • También puedes escribir a { $contact }.
plans-support-recent = <b>Tus pagos recientes</b>
plans-support-payment = • { $date } — { $name }, { $amount } ⭐{ $refunded ->
    [true] {" "}(reembolsado)
   *[false] {""}
}: <code>{ $charge }</code>
plans-support-wait = 📨 Tu último mensaje ya está con el equipo; te responderán aquí. Podrás enviar otro dentro de { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
plans-support-sent = 📨 Gracias: tu mensaje ha llegado al equipo. Te responderán aquí, en este chat.
plans-support-failed = ⚠️ Lo siento, ahora mismo no he podido pasar tu mensaje al equipo. Inténtalo de nuevo más tarde{ $elsewhere }.
plans-support-elsewhere = { " " }o escribe a { $contact }
plans-support-relay = 💳 <b>/paysupport</b> de { $who } (id <code>{ $id }</code>):

## Flood control
plans-flood-backlog = 🐢 Más despacio, por favor: aún estoy con tus mensajes anteriores. Ignoraré los nuevos hasta ponerme al día.
plans-flood-rate = 🐢 Más despacio, por favor: son más de { $limit } mensajes en un minuto. Ignoraré los nuevos durante unos { $seconds } s.
