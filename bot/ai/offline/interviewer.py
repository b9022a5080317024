"""The scripted mock interviewer. Stateless: every turn is derived from the transcript alone,
so an interview survives a bot restart."""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.ai.listening import Reading, read_message
from bot.ai.offline.bank import Bank, BankQuestion
from bot.ai.offline.grading import coverage, score_points
from bot.ai.offline.lexicon import METRIC_RE
from bot.ai.offline.selection import asked_order, choose_question, practice_weights
from bot.ai.offline.skills import skill_mentions
from bot.ai.offline.text import normalise, plural, tokens
from bot.ai.schemas import Difficulty, InterviewPlan, JobContext, TranscriptLine
from bot.ai.streams import END_MARKER

FOLLOW_UPS: tuple[str, ...] = (
    "Could you give a concrete example of that from your own experience?",
    "Could you expand on that a little — how would it work in practice?",
    "Can you walk me through a specific situation where you applied this?",
)
_FOLLOW_UP_KEYS = tuple(normalise(f) for f in FOLLOW_UPS)

_TRANSITIONS: tuple[str, ...] = (
    "Thank you. Next question:",
    "Got it, thanks. Let's move on:",
    "Thanks for that. Here's the next one:",
    "Okay, noted. Next:",
)
_MOVE_ON = "No problem — let's move on."
_SKIPPED = "Sure — we'll skip that one."
# Lines that answer the candidate about the current question; none of them is a new question.
CLARIFY_LEAD = "Good question."
REPEAT_LEAD = "Of course — here it is again:"
REDIRECT_LEAD = "I'm not sure I follow."
_META_LEADS = (CLARIFY_LEAD, REPEAT_LEAD, REDIRECT_LEAD)
_DETAIL_LEADS = ("You mentioned ", "You said ")
MAX_META_LINES = 2  # per question: then the interview moves on
_LAST = "Thanks. Here's my last question:"

# Used only if the bank has nothing at all for a slot, so an interview never stalls.
FALLBACK_QUESTIONS: tuple[str, ...] = (
    "Tell me about a project you are proud of. What was your role and what was the outcome?",
    "Describe a technical problem you solved recently. How did you approach it?",
    "Tell me about a time you disagreed with a teammate. What happened?",
    "How do you make sure the code you ship works and keeps working?",
    "What would you like to learn or get better at in your next role, and why?",
)

SPREAD_FACTOR = 0.3  # weight kept by a skill per question already asked about it
THIN_WORDS = 20  # answers shorter than this get one follow-up
THIN_WORDS_NO_COVERAGE = 40  # ...as do answers up to this length that hit no key point


@dataclass(slots=True)
class InterviewState:
    """What the transcript says has happened so far."""

    main_questions: list[str] = field(default_factory=list)
    last_interviewer_was_follow_up: bool = False
    last_question: str | None = None
    last_answer: str | None = None  # set only when the candidate spoke last
    redirected: bool = False  # the current question already had its one redirect
    meta_lines: int = 0  # clarifications, repeats and redirects about the current question


def is_follow_up(line: str) -> bool:
    if line.startswith(_DETAIL_LEADS):
        return True
    key = normalise(line)
    return any(f in key for f in _FOLLOW_UP_KEYS)


def is_meta(line: str) -> bool:
    """A clarification, a repeat or a redirect: about the current question, not a new one."""
    return line.startswith(_META_LEADS)


def question_core(line: str) -> str:
    """The question itself, without the lead ("Thanks. Next question:") before it."""
    last = line.strip().split("\n\n")[-1].strip()
    for lead in ("Let's start. ", "The question was: "):
        if last.startswith(lead):
            last = last[len(lead) :]
    return last


def read_transcript(transcript: Sequence[TranscriptLine]) -> InterviewState:
    state = InterviewState()
    for line in transcript:
        if line.role == "interviewer":
            state.last_answer = None
            if is_meta(line.text):
                state.meta_lines += 1
                state.redirected = state.redirected or line.text.startswith(REDIRECT_LEAD)
                continue
            if is_follow_up(line.text):
                state.last_interviewer_was_follow_up = True
                continue
            state.main_questions.append(line.text)
            state.last_interviewer_was_follow_up = False
            state.last_question = line.text
            state.redirected, state.meta_lines = False, 0
        else:
            # Several candidate messages in a row are one answer.
            state.last_answer = f"{state.last_answer or ''} {line.text}".strip()
    return state


def role_of(job: JobContext) -> str:
    return job.title or job.name


def is_thin(answer: str, question: BankQuestion | None) -> bool:
    words = len(tokens(answer))
    if words < THIN_WORDS:
        return True
    if question is not None and words < THIN_WORDS_NO_COVERAGE:
        return coverage(score_points(question, answer)) == 0.0
    return False


def interview_difficulty(job: JobContext, index: int, max_questions: int) -> Difficulty:
    """Start gentle and build up, at a level that matches the job."""
    later = index >= max(1, max_questions // 2)
    if job.experience_level == "junior":
        return "medium" if later else "easy"
    if job.experience_level == "senior":
        return "hard" if later else "medium"
    return "medium" if index > 0 else "easy"


class ScriptedInterviewer:
    def __init__(self, bank: Bank) -> None:
        self._bank = bank

    def next_line(
        self, job: JobContext, transcript: Sequence[TranscriptLine], plan: InterviewPlan
    ) -> str:
        """The interviewer's next line; the closing line ends with END_MARKER."""
        state = read_transcript(transcript)
        if plan.must_close:
            return self._closing(job, plan, state)
        if not state.main_questions:
            return self._greeting(job, plan)
        answer = state.last_answer
        moved_on: str | None = None
        if answer is not None:
            reading = self._read(state, answer)
            line = self._respond(state, reading)
            if line is not None:
                return line
            if reading.kind == "skip":
                moved_on = _SKIPPED
            elif reading.kind != "answer":
                moved_on = _MOVE_ON
        if len(state.main_questions) >= plan.max_questions:
            return self._closing(job, plan, state)
        return self._next_question(job, plan, state, moved_on)

    def _read(self, state: InterviewState, answer: str) -> Reading:
        question = self._bank.find(state.last_question or "")
        points = tuple(k.point for k in question.key_points) if question is not None else ()
        return read_message(question_core(state.last_question or ""), answer, points)

    def _respond(self, state: InterviewState, reading: Reading) -> str | None:
        """A line about the current question (clarify, repeat, redirect, follow up), or None
        to move on to the next one."""
        core = question_core(state.last_question or "")
        room = state.meta_lines < MAX_META_LINES
        if reading.kind == "clarification" and room:
            return f"{CLARIFY_LEAD} {self._clarification(state)}\n\nThe question was: {core}"
        if reading.kind == "repeat" and room:
            return f"{REPEAT_LEAD}\n\n{core}"
        if reading.kind == "nonsense" and not state.redirected and room:
            return (
                f"{REDIRECT_LEAD} That doesn't seem to answer the question — could you try "
                f"again in a sentence or two, in your own words?\n\nThe question was: {core}"
            )
        if reading.kind == "answer" and self._wants_follow_up(state, state.last_answer or ""):
            return follow_up(reading.detail, len(state.main_questions))
        return None

    def _clarification(self, state: InterviewState) -> str:
        question = self._bank.find(state.last_question or "")
        if question is None or question.skill == "behavioural":
            return (
                "Any real situation counts — in your own team or with another one, at work, in "
                "study or on a side project. Pick the example you know best, then tell me what "
                "the situation was, what you did and how it turned out."
            )
        return (
            "I'd like to hear how you would approach this in practice: what you'd do, why, "
            "and what you'd watch out for. Make any reasonable assumption and say it out loud — "
            "there's no single right answer."
        )

    def _wants_follow_up(self, state: InterviewState, answer: str) -> bool:
        if state.last_interviewer_was_follow_up:
            return False  # at most one follow-up per question
        question = self._bank.find(state.last_question or "")
        return is_thin(answer, question)

    def _greeting(self, job: JobContext, plan: InterviewPlan) -> str:
        question = self._question_text(job, plan, InterviewState())
        count = plural(plan.max_questions, "main question")
        mix = " — a mix of experience and technical topics" if plan.max_questions > 1 else ""
        return (
            f"Hi {plan.candidate_name}! Thanks for joining this mock interview for the "
            f"**{role_of(job)}** role. I'll ask you {count}{mix}. Answer as you would in a real "
            f"interview, in your own words.\n\nLet's start. {question}"
        )

    def _next_question(
        self, job: JobContext, plan: InterviewPlan, state: InterviewState, moved_on: str | None
    ) -> str:
        asked = len(state.main_questions)
        if moved_on:
            lead = moved_on
        elif asked == plan.max_questions - 1:
            lead = _LAST
        else:
            lead = _TRANSITIONS[asked % len(_TRANSITIONS)]
        return f"{lead}\n\n{self._question_text(job, plan, state)}"

    def _closing(self, job: JobContext, plan: InterviewPlan, state: InterviewState) -> str:
        count = len(state.main_questions)
        covered = f"We covered {plural(count, 'question')}. " if count else ""
        return (
            f"Thank you, {plan.candidate_name} — that's all from me. {covered}Your detailed "
            f"feedback report comes next. Good luck with the {role_of(job)} interviews! "
            f"{END_MARKER}"
        )

    def _question_text(self, job: JobContext, plan: InterviewPlan, state: InterviewState) -> str:
        index = len(state.main_questions)
        difficulty = interview_difficulty(job, index, plan.max_questions)
        asked = asked_order(self._bank, [*plan.previous_questions, *state.main_questions])
        # Alternate, starting with an experience question to warm up.
        if index % 2 == 0 and "behavioural" in self._bank.skills:
            weights = {"behavioural": 1.0}
        else:
            weights = _technical_weights(job, self._bank, asked)
        rng = random.Random(_seed(job, plan, index, asked))
        allowed = on_stack(job)
        question = choose_question(self._bank, weights, difficulty, asked, rng, allowed)
        if question is not None:
            return question.text
        return FALLBACK_QUESTIONS[index % len(FALLBACK_QUESTIONS)]


def follow_up(detail: str | None, index: int) -> str:
    """A follow-up that names what the candidate said (a number, a tool, a claim) and probes
    it; a general one when the answer named nothing concrete."""
    if not detail:
        return FOLLOW_UPS[(index - 1) % len(FOLLOW_UPS)]
    if METRIC_RE.search(detail):
        return f"You mentioned “{detail}” — how did you measure that, and what was it before?"
    if len(detail.split()) <= 3:
        return (
            f"You mentioned {detail} — why {detail} there, and what would you watch out for "
            "when using it?"
        )
    return f"You said “{detail}” — can you walk me through how that played out, step by step?"


# Not interview questions: advice about interviewing, kept in the bank for practice.
COACHING_QUESTIONS = frozenset({"behavioural-006"})
# Languages whose mention (or code) makes a question about that stack.
_LANGUAGES = frozenset({"python", "javascript", "java", "go"})
# Frameworks and tools specific enough that a question naming them needs the job to name them.
_SPECIFIC_RE = re.compile(
    r"\b(?:express(?:\.js)?|django|flask|fastapi|celery|spring(?: boot)?|kotlin|vue(?:\.js)?|"
    r"angular|deno|unittest|pytest|rails|laravel|next\.js|node(?:\.js)?)\b",
    re.IGNORECASE,
)


def on_stack(job: JobContext) -> Callable[[BankQuestion], bool]:
    """Whether a bank question fits the job: an interview question (not coaching), about
    languages the job names, naming no specific framework or tool the job doesn't name."""
    text = " ".join(filter(None, (job.name, job.title, job.description)))
    lowered = text.lower()
    skills = set(skill_mentions(text))

    def allowed(question: BankQuestion) -> bool:
        if question.id in COACHING_QUESTIONS:
            return False
        if question.skill == "behavioural":
            return True
        named = set(skill_mentions(question.text)) & _LANGUAGES
        if named - skills:
            return False
        return all(m.group(0).lower() in lowered for m in _SPECIFIC_RE.finditer(question.text))

    return allowed


def _technical_weights(job: JobContext, bank: Bank, asked: dict[str, int]) -> dict[str, float]:
    weights = practice_weights(job, bank, technical_only=True)
    done = Counter(q.skill for q in map(bank.by_id, asked) if q is not None)
    if not any(skill in done for skill in weights):
        # The first technical question is about the job's main skill.
        top = min(weights, key=lambda skill: (-weights[skill], skill))
        return {top: weights[top]}
    # Afterwards, skills already covered count less, so the interview ranges over the stack.
    return {skill: w * SPREAD_FACTOR ** done[skill] for skill, w in weights.items()}


def _seed(job: JobContext, plan: InterviewPlan, index: int, asked: dict[str, int]) -> int:
    # A stable seed (not hash(), which is salted per process) keeps restarts deterministic.
    key = "|".join((job.name, job.title or "", plan.candidate_name, str(index), *sorted(asked)))
    return zlib.crc32(key.encode("utf-8"))
