## /start, /help, /cancel and what happens outside any flow.

start-welcome = 👋 Hi { $name }! I'm your <b>AI interview coach</b>.

    Save a job you're preparing for, then:
    • <b>practise</b> technical questions by difficulty and get each answer rated out of 10 with feedback and the correct answer;
    • run a <b>mock interview</b> by text or voice and get a full report;
    • have your <b>resume</b> checked against the job.

    Start with /newjob. /help lists every command.
start-help-title = <b>Commands</b>
start-nothing-to-cancel = Nothing to cancel. /help lists what I can do.
start-not-waiting-file = I'm not waiting for a file right now. To have a resume reviewed, send /resume first; for a job description, start with /newjob.
start-not-waiting-voice = I'm not waiting for an answer right now. Start with /practice or /interview.
start-not-waiting = I'm not waiting for an answer right now. Try /practice, /interview or /help.
start-paste-joined = 📎 Telegram split your text into { $parts } parts; I joined them back into one ({ NUMBER($chars, useGrouping: "true") } characters).
start-unknown-command = Sorry, I don't know that command. See /help.
start-stale-button = This button is no longer active. Send /help to start again.
start-groups-answer = I work in private chats only.
start-groups-pointer = I coach one person at a time — message me privately: @{ $bot }

## The command menu (setMyCommands) and /help
command-start = Welcome and what I can do
command-newjob = Save a job to prepare for
command-jobs = Your saved jobs
command-practice = Practise interview questions
command-review = Review questions that are due
command-progress = Your progress over time
command-remind = A daily practice reminder
command-interview = Run a mock interview
command-interviews = Past interviews and reports
command-resume = Check your resume against a job
command-plan = Your plan and usage
command-upgrade = Upgrade with Telegram Stars
command-paysupport = Help with payments
command-help = All commands
command-cancel = Leave the current step
