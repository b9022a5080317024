"""The rule-based interview report: seven categories, each rated with quoted evidence."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence

from bot.ai.offline.bank import Bank
from bot.ai.offline.grading import score_points
from bot.ai.offline.keywords import Keyword, labels
from bot.ai.offline.report_metrics import Exchange, Metrics, measure, sentence_with
from bot.ai.offline.text import StemIndex, period, plural, quote, sentences, times, tokens
from bot.ai.schemas import (
    PACING,
    REPORT_CATEGORIES,
    InterviewReport,
    JobContext,
    QuestionFeedback,
    ReportCategory,
    TranscriptLine,
)

Rated = tuple[int, str]

# Response quality and role fit say most about readiness; they count more in the overall.
_WEIGHTS = (1.0, 1.0, 2.0, 1.0, 1.0, 1.5, 1.0)


def _clamp(value: float) -> int:
    return max(1, min(10, round(value)))


def _per_answer(count: int, metrics: Metrics) -> float:
    return count / max(1, len(metrics.answered))


def communication(m: Metrics) -> Rated:
    words = m.mean_words
    filler_rate = 100 * len(m.fillers) / max(1, m.total_words)
    score = 7.0
    score -= 3 if words < 15 else 1 if words < 30 else 0
    score -= 1 if words > 220 else 0
    score -= 3 if filler_rate > 6 else 2 if filler_rate > 3 else 1 if filler_rate > 1.5 else 0
    score += 1 if m.structured >= max(1, len(m.answered) // 2) else 0
    if len(m.answered) == 1:
        lines = [f"Your answer was **{plural(round(words), 'word')}** long."]
    else:
        lines = [f"Your answers averaged **{plural(round(words), 'word')}**."]
    if m.fillers:
        common = Counter(f.lower() for f, _ in m.fillers).most_common(3)
        listed = ", ".join(f"“{f}” ×{n}" for f, n in common)
        filler, answer = m.fillers[0]
        lines.append(
            f"Filler words came up {times(len(m.fillers))} ({listed}), e.g. "
            f"{period(quote(sentence_with(answer, filler)))}"
        )
    else:
        lines.append("You avoided filler words — good.")
    clearest = max(m.answered, key=lambda e: (e.words <= 150, e.words), default=None)
    if clearest is not None and clearest.words >= 20:
        lines.append(f"A clear moment: {period(quote(clearest.answer))}")
    if words < 30:
        lines.append("Aim for 3-6 sentences per answer: point, explanation, example.")
    return _clamp(score), " ".join(lines)


def confidence(m: Metrics) -> Rated:
    hedges = _per_answer(len(m.hedges), m)
    owned = _per_answer(len(m.confident), m)
    score = 7.0
    score -= 3 if hedges > 2 else 2 if hedges > 1 else 1 if hedges > 0.5 else 0
    score += 2 if owned >= 1 else 1 if owned >= 0.5 else 0
    score -= min(2, m.apologies)
    lines: list[str] = []
    if m.confident:
        phrase, answer = m.confident[0]
        lines.append(f"You owned your work: {period(quote(sentence_with(answer, phrase)))}")
    if m.hedges:
        phrase, answer = m.hedges[0]
        lines.append(
            f"Hedging appeared {times(len(m.hedges))}, e.g. {quote(sentence_with(answer, phrase))}"
            " — state what you know plainly, then add caveats."
        )
    if m.apologies:
        lines.append(f"You apologised {times(m.apologies)}; there's no need to.")
    if not lines:
        lines.append("Neutral tone: few hedges, but few “I did X” statements either.")
    return _clamp(score), " ".join(lines)


def response_quality(m: Metrics) -> Rated:
    answered = m.answered
    lines: list[str] = []
    if m.coverages:
        mean_cover = statistics.fmean(c for _, c in m.coverages)
        score = 1 + 9 * mean_cover
        lines.append(f"On average you covered **{round(mean_cover * 100)}%** of the key points.")
        best, best_cover = max(m.coverages, key=lambda pair: pair[1])
        if best_cover > 0:
            best_quote = period(quote(best.answer))
            lines.append(f"Strongest answer ({round(best_cover * 100)}%): {best_quote}")
        worst, worst_cover = min(m.coverages, key=lambda pair: pair[1])
        if worst is not best and worst_cover < 0.5:
            lines.append(f"Weakest: {quote(worst.answer)} — it missed most key points.")
    else:
        score = 2 + min(4, m.mean_words / 25) + min(2, m.structured)
        lines.append("Rated on length and structure (no reference answers matched).")
    score += 1 if m.examples >= max(1, len(answered) // 2) else 0
    if m.examples == 0:
        lines.append(
            "No answer used a concrete example: say where it happened and what you did "
            "(“At my last job I…”), ideally with a number for the result."
        )
    return _clamp(score), " ".join(lines)


def pacing(m: Metrics) -> Rated:
    """From the voice answers only: their length and words per minute."""
    if not m.seconds:
        return 6, "Not measured: pacing is judged only from voice answers."
    median = statistics.median(m.seconds)
    words = sum(len(tokens(text)) for text, _ in m.timed)
    wpm = round(words * 60 / max(1.0, sum(m.seconds)))
    score = 8 if 20 <= median <= 150 else 6 if 10 <= median <= 240 else 4
    score -= 0 if 110 <= wpm <= 170 else 1 if 90 <= wpm <= 190 else 2
    lines = [
        f"Your voice answers lasted **{round(median)} s** (median; 20-150 s is comfortable) "
        f"at about **{wpm} words per minute** (110-170 is easy to follow)."
    ]
    long_text, long_s = max(m.timed, key=lambda t: t[1])
    short_text, short_s = min(m.timed, key=lambda t: t[1])
    if round(long_s) != round(short_s):
        lines.append(f"Longest ({round(long_s)} s): {period(quote(long_text, 10))}")
        lines.append(f"Shortest ({round(short_s)} s): {period(quote(short_text, 10))}")
    if wpm > 170:
        lines.append("Slow down a little and pause between points.")
    return _clamp(score), " ".join(lines)


def engagement(m: Metrics) -> Rated:
    score = 5.0
    score += 2 if m.questions_back else 0
    score += 1 if m.mean_words >= 40 else 0
    score += 1 if m.examples >= 1 else 0
    score -= min(3, m.follow_ups)
    lines: list[str] = []
    if m.questions_back:
        lines.append(f"You asked questions back, e.g. {quote(m.questions_back[0])} — good.")
    else:
        lines.append("You didn't ask the interviewer anything; one thoughtful question helps.")
    if m.follow_ups:
        lines.append(f"{plural(m.follow_ups, 'answer')} needed a follow-up to get to specifics.")
    return _clamp(score), " ".join(lines)


def role_fit(m: Metrics) -> Rated:
    found, missing = m.found_keywords, m.missing_keywords
    total = len(found) + len(missing)
    if total == 0:
        return 5, "The job description had no clear keywords to compare against."
    share = len(found) / total
    # Mentioning a third of a job's keywords in a short interview is already a strong match.
    score = 1 + 9 * min(1.0, share * 2.5)
    lines = []
    if found:
        example = keyword_sentence(m.answers, found[0])
        lines.append(f"You brought up {labels(found)}, e.g. {period(quote(example))}")
    if missing:
        lines.append(f"Not mentioned from the job description: {labels(missing, 6)}.")
    return _clamp(score), " ".join(lines)


_TIPS: dict[str, str] = {
    "Communication Clarity": "lead with the answer, then explain; drop fillers",
    "Confidence and Emotional State": "say “I did X” and state facts without hedging",
    "Response Quality": "name the key concepts explicitly and add an example",
    "Pacing and Timing": "pause briefly, then answer in 1-2 minutes",
    "Engagement and Interaction": "give specifics up front and ask about the team or work",
    "Role Fit & Alignment": "tie answers to the job's stack and responsibilities",
}


def keyword_sentence(answers: Sequence[str], keyword: Keyword) -> str:
    """The first sentence of the candidate's that mentions `keyword` (any spelling)."""
    every = [s for answer in answers for s in sentences(answer)]
    return next((s for s in every if keyword.found_in(StemIndex(s))), " ".join(answers))


def overall_strengths(named: list[tuple[str, Rated]]) -> Rated:
    ranked = sorted(named, key=lambda item: -item[1][0])
    score = statistics.fmean(rating for _, (rating, _) in named)
    best = [f"- **{name}** ({r}/10)" for name, (r, _) in ranked[:2]]
    worst = [f"- **{name}** ({r}/10): {_TIPS[name]}." for name, (r, _) in ranked[-2:][::-1]]
    # Top ratings that are still low are only the strongest so far, not strengths.
    heading = "**Strengths**" if ranked[0][1][0] >= 6 else "**Strongest areas so far**"
    text = heading + "\n" + "\n".join(best) + "\n\n**Areas for improvement**\n"
    return _clamp(score), text + "\n".join(worst)


_BUILDERS: tuple[Callable[[Metrics], Rated], ...] = (
    communication,
    confidence,
    response_quality,
    pacing,
    engagement,
    role_fit,
)


def interview_report(
    job: JobContext, transcript: Sequence[TranscriptLine], candidate_name: str, bank: Bank
) -> InterviewReport:
    metrics = measure(job, transcript, bank)
    if not metrics.answered:
        return _empty_report(candidate_name)
    scored = zip(REPORT_CATEGORIES[:-1], _BUILDERS, strict=True)
    named = [(name, build(metrics)) for name, build in scored]
    measured = [(n, r) for n, r in named if n != PACING or metrics.seconds]
    named.append((REPORT_CATEGORIES[-1], overall_strengths(measured)))
    categories = [
        ReportCategory(name=n, rating=r if (n != PACING or metrics.seconds) else None, text=t)
        for n, (r, t) in named
    ]
    weighted = [
        (w, c.rating) for w, c in zip(_WEIGHTS, categories, strict=True) if c.rating is not None
    ]
    overall = _clamp(sum(w * r for w, r in weighted) / sum(w for w, _ in weighted))
    summary = _summary(job, candidate_name, metrics, measured, overall)
    return InterviewReport(
        overall_rating=overall,
        summary=summary,
        categories=categories,
        questions=[_question_feedback(e) for e in metrics.answered if e.question.strip()],
    )


_STAR_OUTLINE = (
    "Situation (where and when), Task (what you were responsible for), Action (what you did, "
    "step by step), Result (the outcome, with a number, and what you learned)."
)


def _question_feedback(exchange: Exchange) -> QuestionFeedback:
    """What one answer did well, what it missed, and a short model answer (the bank's)."""
    asked = exchange.question.strip().split("\n\n")[-1].removeprefix("Let's start. ")
    question = exchange.bank_question
    if question is None:
        return QuestionFeedback(
            question=asked,
            did_well=f"You answered in your own words: {period(quote(exchange.answer, 12))}",
            missing="Name the key concepts explicitly and add a concrete example.",
            model_answer=_STAR_OUTLINE,
        )
    results = score_points(question, exchange.answer)
    hit = [r.point for r in results if r.credit >= 0.5]
    missed = [r.point for r in results if r.credit < 0.5]
    did_well = (
        "You covered: " + "; ".join(hit[:3]) + "."
        if hit
        else f"You gave an answer of your own: {period(quote(exchange.answer, 12))}"
    )
    missing = "Not covered: " + "; ".join(missed[:3]) + "." if missed else "Nothing essential."
    model = question.answer if question.skill != "behavioural" else _STAR_OUTLINE
    return QuestionFeedback(
        question=asked, did_well=did_well, missing=missing, model_answer=quote(model, 60)[1:-1]
    )


def _summary(
    job: JobContext,
    name: str,
    m: Metrics,
    named: list[tuple[str, Rated]],
    overall: int,
) -> str:
    scored = named[:-1]
    best = max(scored, key=lambda item: item[1][0])
    worst = min(scored, key=lambda item: item[1][0])
    if best[1][0] == worst[1][0]:
        areas = f"Every area was rated {best[1][0]}/10."
    else:
        areas = (
            f"Strongest area: {best[0]} ({best[1][0]}/10); the biggest opportunity: "
            f"{worst[0]} ({worst[1][0]}/10)."
        )
    return (
        f"{name} answered {plural(len(m.answered), 'question')} for the "
        f"{job.title or job.name} role ({plural(m.total_words, 'word')} in total), overall "
        f"{overall}/10. {areas} This report was produced offline by rule-based analysis of "
        "your answers."
    )


def _empty_report(name: str) -> InterviewReport:
    text = "No answers were given, so there is nothing to assess yet."
    categories = [ReportCategory(name=n, rating=1, text=text) for n in REPORT_CATEGORIES]
    summary = f"{name} didn't answer any questions, so the interview can't be assessed."
    return InterviewReport(overall_rating=1, summary=summary, categories=categories)
