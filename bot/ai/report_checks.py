"""Deterministic checks on a mock interview report, whichever backend wrote it, so it follows
the transcript (`bot.ai.gateway` applies them):

- Answers that are nonsense, "I don't know" or skipped (`bot.ai.listening`) cap the categories
  they speak to: the cap is the share of real answers times ten (at least 2), so an interview
  made of such answers is rated 3 or less overall.
- Pacing is judged only from voice answers; a typed interview's pacing is "not measured".
- The strengths section lists only categories rated 6 or more.
- Skipped questions are noted in the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.ai.listening import read_message
from bot.ai.offline.text import plural
from bot.ai.schemas import PACING, STRENGTHS, InterviewReport, ReportCategory, TranscriptLine

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
    return report.model_copy(
        update={"overall_rating": overall, "summary": summary, "categories": categories}
    )


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
