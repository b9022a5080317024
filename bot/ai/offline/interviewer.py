"""The scripted mock interviewer. Stateless: every turn is derived from the transcript alone,
so an interview survives a bot restart."""

from __future__ import annotations

import random
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.ai.honesty import precheck_answer
from bot.ai.offline.bank import Bank, BankQuestion
from bot.ai.offline.grading import coverage, score_points
from bot.ai.offline.selection import asked_order, choose_question, practice_weights
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


def is_follow_up(line: str) -> bool:
    key = normalise(line)
    return any(f in key for f in _FOLLOW_UP_KEYS)


def read_transcript(transcript: Sequence[TranscriptLine]) -> InterviewState:
    state = InterviewState()
    for line in transcript:
        if line.role == "interviewer":
            state.last_answer = None
            if is_follow_up(line.text):
                state.last_interviewer_was_follow_up = True
                continue
            state.main_questions.append(line.text)
            state.last_interviewer_was_follow_up = False
            state.last_question = line.text
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
        no_content = answer is not None and self._is_no_content(state, answer)
        if answer is not None and not no_content and self._wants_follow_up(state, answer):
            return FOLLOW_UPS[(len(state.main_questions) - 1) % len(FOLLOW_UPS)]
        if len(state.main_questions) >= plan.max_questions:
            return self._closing(job, plan, state)
        return self._next_question(job, plan, state, no_content)

    def _is_no_content(self, state: InterviewState, answer: str) -> bool:
        # Rating 1 means nothing to build on ("idk", gibberish); a merely short answer
        # (rating 2) is worth a follow-up instead.
        verdict = precheck_answer(state.last_question or "", answer)
        return verdict is not None and verdict.rating == 1

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
        self, job: JobContext, plan: InterviewPlan, state: InterviewState, moved_on: bool
    ) -> str:
        asked = len(state.main_questions)
        if moved_on:
            lead = _MOVE_ON
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
        asked = asked_order(self._bank, state.main_questions)
        # Alternate, starting with an experience question to warm up.
        if index % 2 == 0 and "behavioural" in self._bank.skills:
            weights = {"behavioural": 1.0}
        else:
            weights = _technical_weights(job, self._bank, asked)
        rng = random.Random(_seed(job, plan, index, asked))
        question = choose_question(self._bank, weights, difficulty, asked, rng)
        if question is not None:
            return question.text
        return FALLBACK_QUESTIONS[index % len(FALLBACK_QUESTIONS)]


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
