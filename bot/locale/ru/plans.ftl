## Plans: /plan, /upgrade, invoices, payments, /paysupport, the flood notice.

plans-command-plan = Ваш тариф и расход лимитов
plans-command-upgrade = Улучшить тариф за Telegram Stars
plans-command-paysupport = Помощь с оплатой
plans-name = { $plan ->
    [pro] Pro
    [max] Max
   *[free] Бесплатный
}
plans-date = { $date } UTC

## /plan
plans-your-plan = <b>Ваш тариф: { $name }</b>
plans-active-until = Действует до { $date }.
plans-ended = Ваш тариф { $name } закончился; вы снова на бесплатном.
plans-what = { $resource ->
    [question] Вопросы для тренировки
    [interview] Пробные собеседования
   *[resume] Анализ резюме
}
plans-usage-unlimited = • { $what }: без ограничений (пока использовано { $used })
plans-usage-excluded = • { $what }: не входит (тариф Max)
plans-usage-limited = • { $what }: использовано { $used } из { $limit }
plans-interview-starts = • Запуски собеседований: доступно { $starts } из { $capacity } (+{ $refill } каждый день)
plans-upgrade-hint = Улучшить тариф за Telegram Stars: /upgrade
plans-button-buy = ⭐ { $extend ->
    [true] Продлить
   *[false] Купить
} { $name } — { $price } ⭐
plans-not-available = Этот тариф недоступен. /plan покажет ваш текущий.

## /upgrade and invoices
plans-offers =
    <b>Улучшите тариф за Telegram Stars</b>
    • <b>Pro</b> — { $pro } ⭐ на 30 дней: безлимитные вопросы для тренировки и пробные собеседования.
    • <b>Max</b> — { $max } ⭐ на 30 дней: всё, что в Pro, плюс анализ резюме.

    Оплатите один раз по счёту ниже или нажмите <i>Подписка на месяц</i>, чтобы продлевать каждые 30 дней (отменить можно в любой момент в Telegram). Вопросы об оплате: /paysupport
plans-offers-on-max = У вас Max — повторная оплата продлит его на 30 дней.
plans-price-label = { $name }, 30 дней
plans-button-pay = Оплатить { $price } ⭐
plans-button-subscribe = 🔁 Подписка на месяц
plans-invoice-title = Interview Coach { $name }
plans-invoice-description = Тариф { $name } { $subscription ->
    [true] каждые 30 дней, пока вы не отмените подписку
   *[false] на 30 дней
}: { $plan ->
    [pro] безлимитные вопросы для тренировки и пробные собеседования
   *[max] безлимитные вопросы для тренировки и пробные собеседования, плюс анализ резюме
}.

## Payments
plans-checkout-failed = Что-то пошло не так — попробуйте ещё раз.
# Pre-checkout refusals (`CheckoutRefusal`), plain text.
plans-checkout-invalid-invoice = Этот счёт больше не действителен. Отправьте /upgrade, чтобы получить новый.
plans-checkout-not-your-invoice = Этот счёт выставлен другому аккаунту Telegram. Отправьте /upgrade, чтобы получить свой.
plans-checkout-price-changed = Цена изменилась после отправки этого счёта. Отправьте /upgrade, чтобы получить новый.
plans-checkout-higher-plan = У вас уже есть тариф выше. Отправьте /plan, чтобы посмотреть его, или /upgrade, чтобы продлить.
plans-payment-unmatched = Спасибо — платёж пришёл, но я не смог сопоставить его с тарифом. Отправьте /paysupport с этим идентификатором, и мы всё уладим: <code>{ $charge }</code>
plans-payment-wrong-amount = Ваш платёж на { $amount } ⭐ пришёл, но сумма не совпадает с ценой тарифа, поэтому я не стал менять тариф. Отправьте /paysupport с этим идентификатором, и мы всё уладим: <code>{ $charge }</code>
plans-payment-done = ✅ Спасибо! Тариф <b>{ $name }</b> { $renewed ->
    [true] продлён
   *[false] активен
}{ $until }. Ограничения сняты — /plan покажет расход.
plans-payment-until = { " " }до { $date }
plans-refunded = ↩️ Ваш платёж на { $amount } ⭐ возвращён. /plan покажет ваш тариф.

## /paysupport
plans-support =
    <b>Помощь с оплатой</b>
    Тарифы оплачиваются в Telegram Stars через Telegram.

    • <b>Оплатили, а тариф не активен?</b> Платежи применяются за секунды — проверьте /plan. Если тариф всё ещё не активен, отправьте <code>/paysupport</code> и опишите, что произошло.
    • <b>Возврат:</b> в течение 14 дней после оплаты попросите его через <code>/paysupport</code>, указав причину; мы вернём Stars полностью, а оплаченное ими время тарифа закончится.
    • <b>Подписки</b> продлеваются каждые 30 дней. Отменить можно в любой момент в Telegram (Настройки → Мои звёзды); тариф сохранится до конца оплаченного периода.
    • Поддержка Telegram не помогает с покупками в ботах — а мы поможем.
plans-support-contact = • Ещё можно написать { $contact }.
plans-support-recent = <b>Ваши последние платежи</b>
plans-support-payment = • { $date } — { $name }, { $amount } ⭐{ $refunded ->
    [true] {" "}(возвращён)
   *[false] {""}
}: <code>{ $charge }</code>
plans-support-wait = 📨 Ваше последнее сообщение уже у команды — вам ответят здесь. Следующее можно отправить через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
    [many] { $minutes } минут
   *[other] { $minutes } минуты
}.
plans-support-sent = 📨 Спасибо — сообщение передано команде. Вам ответят здесь, в этом чате.
plans-support-failed = ⚠️ Извините — сейчас не удалось передать сообщение команде. Попробуйте позже{ $elsewhere }.
plans-support-elsewhere = { " " }или напишите { $contact }
plans-support-relay = 💳 <b>/paysupport</b> от { $who } (id <code>{ $id }</code>):

## Flood control
plans-flood-backlog = 🐢 Помедленнее, пожалуйста — я ещё разбираю ваши прошлые сообщения. Новые буду пропускать, пока не догоню.
plans-flood-rate = 🐢 Помедленнее, пожалуйста — больше { $limit } сообщений в минуту. Новые буду пропускать примерно { $seconds } с.
