## Plans: /plan, /upgrade, invoices, payments, /paysupport, the flood notice.

plans-command-plan = Your plan and usage
plans-command-upgrade = Upgrade with Telegram Stars
plans-command-paysupport = Help with payments
plans-name = { $plan ->
    [pro] Pro
    [max] Max
   *[free] Free
}
plans-date = { $date } UTC

## /plan
plans-your-plan = <b>Your plan: { $name }</b>
plans-active-until = Active until { $date }.
plans-ended = Your { $name } plan has ended; you're on Free again.
plans-what = { $resource ->
    [question] Practice questions
    [interview] Mock interviews
   *[resume] Resume analyses
}
plans-usage-unlimited = • { $what }: unlimited ({ $used } so far)
plans-usage-excluded = • { $what }: not included (Max plan)
plans-usage-limited = • { $what }: { $used } of { $limit } used
plans-interview-starts = • Interview starts: { $starts } of { $capacity } available ({ $refill } more each day)
plans-upgrade-hint = Upgrade with Telegram Stars: /upgrade
plans-button-buy = ⭐ { $extend ->
    [true] Extend
   *[false] Get
} { $name } — { $price } ⭐
plans-not-available = That plan isn't available. /plan shows what you have.

## /upgrade and invoices
plans-offers =
    <b>Upgrade with Telegram Stars</b>
    • <b>Pro</b> — { $pro } ⭐ for 30 days: unlimited practice questions and mock interviews.
    • <b>Max</b> — { $max } ⭐ for 30 days: everything in Pro, plus resume analysis.

    Pay once with an invoice below, or tap <i>Subscribe monthly</i> to renew every 30 days (cancel any time in Telegram). Questions about payments: /paysupport
plans-offers-on-max = You're on Max — paying again extends it by 30 days.
plans-price-label = { $name }, 30 days
plans-button-pay = Pay { $price } ⭐
plans-button-subscribe = 🔁 Subscribe monthly
plans-invoice-title = Interview Coach { $name }
plans-invoice-description = { $name } plan { $subscription ->
    [true] every 30 days, until you cancel
   *[false] for 30 days
}: { $plan ->
    [pro] unlimited practice questions and mock interviews
   *[max] unlimited practice questions and mock interviews, plus resume analysis
}.

## Payments
plans-checkout-failed = Something went wrong — please try again.
# Pre-checkout refusals (`CheckoutRefusal`), plain text.
plans-checkout-invalid-invoice = This invoice is no longer valid. Send /upgrade for a new one.
plans-checkout-not-your-invoice = This invoice was made for another Telegram account. Send /upgrade for yours.
plans-checkout-price-changed = The price has changed since this invoice was sent. Send /upgrade for a new one.
plans-checkout-higher-plan = You already have a higher plan. Send /plan to see it, or /upgrade to extend it.
plans-payment-unmatched = Thank you — your payment arrived, but I couldn't match it to a plan. Please send /paysupport with this id so we can sort it out: <code>{ $charge }</code>
plans-payment-wrong-amount = Your payment of { $amount } ⭐ arrived, but it isn't the price of this plan, so I haven't changed your plan. Please send /paysupport with this id and we'll sort it out: <code>{ $charge }</code>
plans-payment-done = ✅ Thank you! <b>{ $name }</b> is { $renewed ->
    [true] renewed
   *[false] active
}{ $until }. Your limits are lifted — /plan shows your usage.
plans-payment-until = { " " }until { $date }
plans-refunded = ↩️ Your payment of { $amount } ⭐ was refunded. /plan shows your plan now.

## /paysupport
plans-support =
    <b>Help with payments</b>
    Plans are paid in Telegram Stars, through Telegram.

    • <b>Paid, but the plan isn't active?</b> Payments apply within seconds — check /plan. If it still isn't, send <code>/paysupport</code> followed by what happened.
    • <b>Refunds:</b> within 14 days of a payment, ask with <code>/paysupport</code> and the reason; we refund the Stars in full and the plan time it bought ends.
    • <b>Subscriptions</b> renew every 30 days. Cancel any time in Telegram (Settings → My Stars); you keep the plan until the paid period ends.
    • Telegram's own support can't help with purchases made in bots — we can.
plans-support-contact = • You can also write to { $contact }.
plans-support-recent = <b>Your recent payments</b>
plans-support-payment = • { $date } — { $name }, { $amount } ⭐{ $refunded ->
    [true] {" "}(refunded)
   *[false] {""}
}: <code>{ $charge }</code>
plans-support-wait = 📨 Your last message is with the team already — they'll answer you here. You can send another in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
plans-support-sent = 📨 Thanks — your message went to the team. They'll answer you here in this chat.
plans-support-failed = ⚠️ Sorry — I couldn't pass your message on to the team just now. Please try again later{ $elsewhere }.
plans-support-elsewhere = { " " }or write to { $contact }
plans-support-relay = 💳 <b>/paysupport</b> from { $who } (id <code>{ $id }</code>):

## Flood control
plans-flood-backlog = 🐢 Slow down, please — I'm still working on your earlier messages. I'll ignore new ones until I've caught up.
plans-flood-rate = 🐢 Slow down, please — that's more than { $limit } messages in a minute. I'll ignore new ones for about { $seconds } s.
