## Admin: the admins' command menu, /broadcast, the ban notice.

admin-command-stats = Admin: usage figures
admin-command-user = Admin: look up a user
admin-command-setplan = Admin: set a user's plan
admin-command-ban = Admin: ban a user
admin-command-unban = Admin: lift a ban
admin-command-broadcast = Admin: message every user
admin-command-refund = Admin: refund a Stars payment

admin-ban-notice = 🚫 Your access to this bot has been suspended.

## /broadcast
admin-broadcast-preview = 📣 Broadcast #{ $id } preview. It goes to <b>{ $recipients }</b> active users who haven't blocked the bot:
admin-button-send = Send
admin-button-cancel = Cancel
admin-broadcast-failed = That failed; see the logs.
admin-broadcast-done-already = This broadcast was sent or cancelled already.
admin-broadcast-cancelled-answer = Cancelled.
admin-broadcast-cancelled = Broadcast #{ $id } cancelled; nothing was sent.
admin-broadcast-sending = Sending…
admin-broadcast-figures = sent { $sent } · blocked the bot { $blocked } · failed { $failed }
admin-broadcast-finished = ✅ Broadcast #{ $id } finished: { $figures } (of { $total }).
admin-broadcast-progress = 📤 Broadcast #{ $id }: { $done }/{ $total } — { $figures }

## Refusals and failures of any admin command (`UsageError` carries one of these keys)
admin-usage-stats = Usage: /stats
admin-usage-user = Usage: /user &lt;id | @username&gt;
admin-usage-setplan = Usage: /setplan &lt;id | @username&gt; &lt;free|pro|max&gt; [days]
admin-usage-ban = Usage: /ban &lt;id | @username&gt; [reason]
admin-usage-unban = Usage: /unban &lt;id | @username&gt;
admin-usage-broadcast = Usage: /broadcast &lt;text&gt;
admin-usage-refund = Usage: /refund &lt;telegram_payment_charge_id&gt;
admin-no-user = No user { $ref }.
admin-failed = ⚠️ /{ $command } failed: { $error }.
admin-who = { $name }{ $handle } (<code>{ $id }</code>)
admin-never = never

## /stats
admin-stats =
    📊 <b>Stats</b>
    Users: <b>{ $users }</b> · new in 7 days { $new_users } · active in 7 days { $active_users }
    Blocked the bot: { $blocked } · banned: { $banned }
    Plans: { $plans }
    Job profiles: { $jobs }
    Questions: { $questions } · answers: { $answers } · average rating { $answers_rating }/10
    Interviews: { $interviews } · completed { $completed } · average duration { $duration } · average rating { $interview_rating }/10
    Resume analyses: { $resumes }
    Learners: active in 7 days { $learners_7 } · in 30 days { $learners_30 } · answers a day { $answers_per_day } · reminders on { $reminders }
    Stars received: <b>{ $stars }</b> ⭐ from { $payments } payments (refunds excluded)
admin-stats-none = —

## /user
admin-user =
    👤 { $who }
    Joined { $joined } · last active { $last_active }
    Plan: <b>{ $plan }</b>
    Usage: { $usage }
    Job profiles: { $jobs }
    Reachable: { $reachable ->
        [true] yes
       *[false] no (blocked the bot)
    }
    Status: { $status }
admin-user-plan-until = { $name } until { $date }
admin-user-plan-no-end = { $name } (no end)
admin-user-plan-ended = { $name } ({ $ended } has ended)
admin-user-active = active
admin-user-banned = 🚫 banned
admin-user-banned-because = 🚫 banned: { $reason }
admin-user-resource = { $resource ->
    [question] practice questions
    [interview] mock interviews
   *[resume] resume analyses
}
admin-user-usage-unlimited = { $name }: { $used } (unlimited)
admin-user-usage-excluded = { $name }: { $used } (not in the plan)
admin-user-usage-limited = { $name }: { $used } of { $limit }
admin-user-starts = interview starts left: { $starts } of { $capacity }

## /setplan
admin-setplan-days = Days must be 1 to { $max }.
admin-setplan-free-no-end = The free plan has no end: /setplan &lt;user&gt; free
admin-setplan-done = ✅ { $who } is now on <b>{ $plan }</b>{ $until }.
admin-setplan-until = { " " }until { $date }
admin-setplan-no-end = { " " }(no end)

## /refund
admin-refund-unknown = No payment with that charge id.
admin-refund-already = That payment was refunded already.
admin-refund-refused = Telegram refused the refund: { $reason }
admin-refund-record-gone = ↩️ Telegram refunded it; the payment record is gone.
admin-refund-done = ↩️ Refunded { $amount } ⭐ to user <code>{ $user }</code> ({ $plan } plan time taken back).

## /ban /unban
admin-ban-admin = Admins can't be banned.
admin-ban-done = 🚫 { $newly ->
    [true] Banned
   *[false] Already banned:
} { $who }.{ $reason }
admin-ban-reason = { " " }Reason: { $reason }
admin-ban-subscription-cancelled = 🔁 Their Stars subscription (<code>{ $charge }</code>) renews no more.
admin-ban-subscription-refused = ⚠️ Telegram refused to cancel their subscription (<code>{ $charge }</code>): { $reason }
admin-unban-not-banned = User { $id } is not banned.
admin-unban-done = ✅ Unbanned { $who }.
