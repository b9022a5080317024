"""Deterministic checks on a mock interview report, whichever backend wrote it, so it follows
the transcript (`bot.ai.gateway` applies them):

- Answers that are nonsense, "I don't know" or skipped (`bot.ai.listening`) cap the categories
  they speak to: the cap is the share of real answers times ten (at least 2), so an interview
  made of such answers is rated 3 or less overall.
- Pacing is judged only from voice answers; a typed interview's pacing is "not measured".
- The strengths section lists only categories rated 6 or more.
- Skipped questions are noted in the summary.
- Each behavioural answer is checked for STAR (Situation, Task, Action, Result); the parts
  it lacks are named in that question's feedback.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.ai.listening import read_message
from bot.ai.offline.lexicon import ACTION_VERBS
from bot.ai.offline.text import plural
from bot.ai.schemas import (
    PACING,
    STRENGTHS,
    InterviewReport,
    QuestionFeedback,
    ReportCategory,
    StarPart,
    TranscriptLine,
)

STRENGTH_FROM = 6
MIN_CAP = 2
# Categories that say how the candidate answered: a non-answer caps them.
CAPPED = (
    "Communication Clarity",
    "Confidence and Emotional State",
    "Response Quality",
    "Engagement and Interaction",
    "Role Fit & Alignment",
)
NOT_MEASURED = (
    "Not measured: pacing is judged only from voice answers (their length and words per "
    "minute), and this interview's answers were typed — typing speed says nothing about pace."
)
_TIPS: dict[str, str] = {
    "Communication Clarity": "lead with the answer, then explain; drop fillers",
    "Confidence and Emotional State": "say “I did X” and state facts without hedging",
    "Response Quality": "answer the question asked, name the key concepts, add an example",
    "Pacing and Timing": "pause briefly, then answer in 1-2 minutes",
    "Engagement and Interaction": "give specifics up front and ask about the team or work",
    "Role Fit & Alignment": "tie answers to the job's stack and responsibilities",
}


@dataclass(frozen=True, slots=True)
class AnswerCounts:
    real: int = 0
    empty: int = 0  # nonsense or "I don't know"
    skipped: int = 0

    @property
    def cap(self) -> int:
        judged = self.real + self.empty + self.skipped
        if judged == 0:
            return MIN_CAP
        return max(MIN_CAP, round(10 * self.real / judged))


def count_answers(transcript: Sequence[TranscriptLine]) -> AnswerCounts:
    """Each candidate message read against the interviewer line before it; clarifying
    questions and requests to repeat are neither answers nor non-answers."""
    real = empty = skipped = 0
    question = ""
    for line in transcript:
        if line.role == "interviewer":
            question = line.text.split("\n\n")[-1]
            continue
        kind = read_message(question, line.text).kind
        if kind == "answer":
            real += 1
        elif kind in ("nonsense", "dont_know"):
            empty += 1
        elif kind == "skip":
            skipped += 1
    return AnswerCounts(real, empty, skipped)


def honest_report(report: InterviewReport, transcript: Sequence[TranscriptLine]) -> InterviewReport:
    counts = count_answers(transcript)
    voiced = any(line.role == "candidate" and line.voice_seconds for line in transcript)
    categories: list[ReportCategory] = []
    for category in report.categories:
        rating, text = category.rating, category.text
        if category.name == PACING and not voiced:
            rating, text = None, NOT_MEASURED
        elif category.name in CAPPED and rating is not None and rating > counts.cap:
            rating = counts.cap
        categories.append(category.model_copy(update={"rating": rating, "text": text}))
    rated = [c for c in categories if c.rating is not None and c.name != STRENGTHS]
    strengths = _strengths(rated)
    categories = [
        c.model_copy(update={"rating": strengths[0], "text": strengths[1]})
        if c.name == STRENGTHS
        else c
        for c in categories
    ]
    overall = min(report.overall_rating, counts.cap)
    summary = report.summary.strip()
    if counts.skipped:
        summary += f" You skipped {plural(counts.skipped, 'question')}."
    checked = report.model_copy(
        update={"overall_rating": overall, "summary": summary, "categories": categories}
    )
    return with_star(checked, transcript)


def _strengths(rated: list[ReportCategory]) -> tuple[int, str]:
    """The strengths and areas to improve, from the ratings: a strength is rated 6 or more."""
    ranked = sorted(rated, key=lambda c: -(c.rating or 0))
    strong = [c for c in ranked if (c.rating or 0) >= STRENGTH_FROM][:3]
    weak = [c for c in reversed(ranked) if (c.rating or 0) < STRENGTH_FROM][:3]
    weak = weak or ranked[-1:]
    lines = ["**Strengths**"]
    lines += [f"- **{c.name}** ({c.rating}/10)" for c in strong] or [
        "- None yet: no area was rated 6/10 or higher."
    ]
    lines += ["", "**Areas for improvement**"]
    lines += [f"- **{c.name}** ({c.rating}/10): {_TIPS.get(c.name, 'practise it')}." for c in weak]
    mean = sum(c.rating or 0 for c in rated) / max(1, len(rated))
    return max(1, min(10, round(mean))), "\n".join(lines)


# ----- per-question feedback: STAR for behavioural answers -----------------------------------

BEHAVIOURAL_RE = re.compile(
    r"\b(?:tell me about (?:a|an|the) (?:time|situation|project|moment)|describe (?:a|an) "
    r"(?:time|situation)|give (?:me )?an example of (?:a|when)|walk me through a (?:time|"
    r"situation)|have you ever)\b",
    re.IGNORECASE,
)
STAR_PATTERNS: dict[StarPart, re.Pattern[str]] = {
    "Situation": re.compile(
        r"\b(?:at my (?:last|previous|current|first) (?:job|company|role|team|internship)|"
        r"in my (?:last|previous|current) (?:job|role|team|company|project)|when i was|"
        r"there was|we had|our (?:team|project|company|service|app|product)|once,? )",
        re.IGNORECASE,
    ),
    "Task": re.compile(
        r"\b(?:i was (?:asked|responsible|tasked|in charge)|my (?:role|task|job|goal|"
        r"responsibility) was|i (?:needed|had) to|the goal was|we needed to|we had to|"
        r"(?:i|we) wanted to)\b",
        re.IGNORECASE,
    ),
    "Action": re.compile(
        r"\b(?:i|we) (?:then |first |quickly )?(?:"
        + "|".join(sorted(ACTION_VERBS))
        + r"|talked|spoke|asked|proposed|suggested|decided|set up|wrote|organised|organized|"
        r"explained|met|scheduled|reviewed|agreed|split|paired|measured|listened|fixed)\b",
        re.IGNORECASE,
    ),
    "Result": re.compile(
        r"\b(?:as a result|result(?:ed)?|in the end|eventually|outcome|so that|which (?:cut|"
        r"reduced|increased|improved|saved|meant)|(?:we|it|that) (?:shipped|worked|launched|"
        r"delivered|improved|reduced|cut|saved)|learned|learnt)\b|\d+ ?%",
        re.IGNORECASE,
    ),
}
_STAR_HINTS: dict[StarPart, str] = {
    "Situation": "set the scene: where and when it happened",
    "Task": "say what you were responsible for",
    "Action": "say what *you* did, step by step",
    "Result": "end with the outcome, ideally a number, and what you learned",
}


def star_gaps(answer: str) -> list[StarPart]:
    """The STAR parts (Situation, Task, Action, Result) a behavioural answer lacks."""
    return [part for part, pattern in STAR_PATTERNS.items() if not pattern.search(answer)]


def star_text(gaps: Sequence[StarPart]) -> str:
    if not gaps:
        return "STAR: Situation, Task, Action and Result are all there."
    hints = "; ".join(f"**{part}** — {_STAR_HINTS[part]}" for part in gaps)
    return f"STAR: missing {', '.join(gaps)} ({hints})."


def exchanges(transcript: Sequence[TranscriptLine]) -> list[tuple[str, str]]:
    """(interviewer line, the candidate's answer to it) for every line that was answered."""
    out: list[tuple[str, str]] = []
    question, said = "", []
    for line in [*transcript, TranscriptLine("interviewer", "")]:
        if line.role == "interviewer":
            if question and said:
                out.append((question, " ".join(said)))
            question, said = line.text, []
        else:
            said.append(line.text)
    return out


def with_star(report: InterviewReport, transcript: Sequence[TranscriptLine]) -> InterviewReport:
    """Every behavioural question answered gets its STAR check, named in its feedback."""
    items = list(report.questions)
    for asked, answer in exchanges(transcript):
        if not BEHAVIOURAL_RE.search(asked) or read_message(asked, answer).kind != "answer":
            continue
        gaps = star_gaps(answer)
        core = asked.strip().split("\n\n")[-1].strip()
        index = next((i for i, q in enumerate(items) if _same_question(q.question, core)), None)
        if index is None:
            items.append(
                QuestionFeedback(
                    question=core,
                    did_well="You answered with a story of your own.",
                    missing=star_text(gaps),
                    model_answer=(
                        "Situation (where and when), Task (your responsibility), Action (what "
                        "you did, step by step), Result (the outcome, with a number)."
                    ),
                    star_missing=gaps,
                )
            )
            continue
        item = items[index]
        missing = item.missing if "STAR:" in item.missing else f"{item.missing} {star_text(gaps)}"
        items[index] = item.model_copy(update={"star_missing": gaps, "missing": missing})
    return report.model_copy(update={"questions": items})


def _same_question(written: str, asked: str) -> bool:
    a, b = " ".join(written.lower().split()), " ".join(asked.lower().split())
    return bool(a) and bool(b) and (a in b or b in a or a[:60] == b[:60])
