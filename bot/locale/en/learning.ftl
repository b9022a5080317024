## The learning loop: /progress, /review, suggested difficulty, Next for me, /remind.

learning-suggested = { $level } ⭐
learning-button-next-for-me = 🎯 Next for me
learning-button-review = 🔁 Review ({ $count } due)
learning-button-review-now = 🔁 Review now
learning-button-practice-now = 🧠 Practice now
learning-button-progress = 📈 Progress
learning-focus = 🎯 <i>For you: { $skill }, your weakest skill</i>
learning-job-not-found = That job wasn't found.

## /progress
learning-progress-empty = 📈 No progress to show yet. Send /practice and answer your first question — each rated answer shows up here.
learning-progress-title = 📈 <b>Your progress</b>{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-progress-answers = Questions answered: <b>{ $count }</b> · average <b>{ $average }/10</b>
learning-progress-trend = Last 10: <b>{ $last }</b> vs the 10 before: { $before } { $trend ->
    [up] 📈 improving
    [down] 📉 slipping
   *[flat] ➡️ steady
}
learning-progress-recent = Latest answers: <b>{ $last }/10</b> on average
learning-progress-skills = <b>By skill</b>
learning-progress-skill = • { $skill }: { $average }/10 ({ $count ->
    [one] 1 answer
   *[other] { $count } answers
})
learning-progress-weakest = { $count ->
    [one] Weakest skill: <b>{ $skills }</b>
   *[other] Weakest skills: <b>{ $skills }</b>
}
learning-progress-interviews = <b>Mock interviews</b>
learning-progress-interview = • { $date } · { $job }: { $rating }/10
learning-progress-streak = 🔥 Streak: { $days ->
    [0] no answers today or yesterday
    [one] 1 day
   *[other] { $days } days in a row
}
learning-progress-due = 🔁 { $count ->
    [one] 1 question is due for review — /review
   *[other] { $count } questions are due for review — /review
}
learning-progress-next-due = 🔁 Next review due { $when } ({ $zone })
learning-chart-title = Ratings over time{ $scope ->
    [job] {" "}· { $job }
   *[all] {""}
}
learning-chart-rating = Rating (1–10)
learning-chart-answer = Answers, oldest first
learning-chart-caption = 📈 Your last { $count ->
    [one] answer
   *[other] { $count } answers
}

## /review
learning-review-none = Nothing to review yet. Answer questions with /practice — each one comes back here when it is due.
learning-review-none-due = ✅ No reviews due. The next one is due { $when } ({ $zone }).
learning-review-header = 🔁 <b>Review</b> · { $level } · { $job } · { $count } due

## /remind
learning-remind-ask-zone = ⏰ Which time zone are you in? Choose one, or type its name (for example <code>Europe/Berlin</code>).
learning-remind-bad-zone = I don't know that time zone. Choose one below, or type a name like <code>Europe/Berlin</code> or <code>America/New_York</code>.
learning-remind-ask-time = ⏰ At what time should I remind you every day ({ $zone })? Choose one, or type it as <code>HH:MM</code>.
learning-remind-bad-time = Please give the time as <code>HH:MM</code>, for example <code>19:00</code>.
learning-remind-current = Your reminder is at <b>{ $time }</b> ({ $zone }). Choose a new time, or /remind off to stop it.
learning-remind-set = ✅ I'll remind you every day at <b>{ $time }</b> ({ $zone }) — unless you've already practised that day. /remind off stops it; /remind zone changes the time zone.
learning-remind-off = 🔕 Reminders are off. /remind turns them on again.
learning-remind-none = You have no reminder on. /remind sets one.
learning-remind-cancelled = No reminder was changed.
learning-remind-left = Your reminder wasn't changed — /remind to set it.
learning-reminder = ⏰ <b>Time to practise!</b> { $count ->
    [0] A few minutes a day keeps interview skills sharp.
    [one] 1 question is due for review.
   *[other] { $count } questions are due for review.
}
learning-card-due = 🔁 { $count ->
    [one] 1 question due for review — /review
   *[other] { $count } questions due for review — /review
}
