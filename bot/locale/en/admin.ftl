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
