## Users' data: /mydata and /deleteme.

account-export-caption = 📦 Everything I hold about you: a JSON file per table and your interview reports as Markdown.
account-export-too-soon = 📦 I sent your data less than an hour ago. You can ask again in { $minutes } min.

account-delete-explain = 🗑 <b>Delete everything I hold about you?</b>

    This deletes, for good:
    • your jobs ({ $jobs }), practice questions ({ $questions }) and answers ({ $answers });
    • your mock interviews ({ $interviews }) with their reports;
    • your resume analyses ({ $resumes });
    • your plan, usage, settings and any conversation in progress.

    Your Stars subscriptions are cancelled. { $payments ->
        [0] You have made no payments.
        [one] Your one payment is kept without your name or username (only its charge id, amount and date, as the law and refunds require).
       *[other] Your { $payments } payments are kept without your name or username (only their charge ids, amounts and dates, as the law and refunds require).
    }

    Send /mydata first if you want a copy. You can start again afresh with /start afterwards.
account-button-delete = 🗑 Delete everything
account-button-keep = Keep my data
account-deleted = ✅ Done: everything I held about you is deleted. If you come back, /start begins afresh.
account-subscription-not-cancelled = ⚠️ Telegram did not let me cancel your Stars subscription; please cancel it in Telegram's settings (Settings → My Stars).
account-kept = 👍 Nothing was deleted.
account-delete-left = Nothing was deleted.

## The command menu
command-mydata = Download everything I hold about you
command-deleteme = Delete all your data
