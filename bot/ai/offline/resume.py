"""Rule-based resume analysis against a job: keywords, match, ATS, writing and extras."""

from __future__ import annotations

import datetime as dt
import re

from bot.ai.offline.keywords import Keyword, job_keywords, labels, split_found
from bot.ai.offline.resume_checks import (
    Finding,
    ats_findings,
    category,
    other_findings,
    score_from,
    writing_findings,
)
from bot.ai.offline.skills import skill_mentions, skill_weights
from bot.ai.offline.text import STOPWORDS, StemIndex, plural, stem, tokens
from bot.ai.schemas import ExperienceLevel, JobContext, ResumeAnalysis, ResumeCategory

_YEARS_RE = re.compile(r"\b(\d{1,2})\+?\s*(?:years|yrs)\b", re.IGNORECASE)
_RANGE_RE = re.compile(
    r"\b((?:19|20)\d\d)\b[^\n\d]{0,20}?[-–—]\s*(?:[A-Za-z]{3,9}\.?\s+)?"
    r"((?:19|20)\d\d|present|current|now|today)\b",
    re.IGNORECASE,
)
_EDUCATION_RE = re.compile(
    r"\b(?:bsc|msc|ba|ma|phd|bachelor|master|degree|university|college|school|diploma)\b",
    re.IGNORECASE,
)
# Years of experience each level usually expects (lower bound).
_LEVEL_YEARS: dict[ExperienceLevel, int] = {"junior": 0, "mid-level": 2, "senior": 5}
_SKILL_NAMES = {
    "dsa": "algorithms & data structures",
    "system_design": "system design",
    "http_apis": "HTTP APIs",
    "cloud_aws": "cloud/AWS",
    "sql": "SQL/databases",
    "behavioural": "collaboration/leadership",
}
# Whether the resume gets read at all (ATS) and fits the role count most; keywords overlap with
# the job match, so they count less on their own; extras are a bonus.
_WEIGHTS = {
    "ats": 1.5,
    "job_match": 1.5,
    "writing_and_formatting": 1.0,
    "keyword_coverage": 1.0,
    "other": 0.5,
}
# A weak core category caps the overall: strong keywords can't make up for a resume an ATS
# can't parse. The overall is at most the lowest core score plus this.
_CORE = ("ats", "job_match", "writing_and_formatting", "keyword_coverage")
_CAP_ABOVE_WEAKEST = 3
# A resume this short can't show enough experience to rate well, however well it is written.
FAR_TOO_SHORT_WORDS = 75
FAR_TOO_SHORT_CAP = 3


def analyze_resume(job: JobContext, resume_text: str) -> ResumeAnalysis:
    text = resume_text.replace("\r\n", "\n")
    parts = {
        "ats": _ats(text),
        "job_match": _job_match(job, text),
        "writing_and_formatting": _writing(text),
        "keyword_coverage": _keyword_coverage(job, text),
        "other": _other(text),
    }
    scores = {name: part.score for name, part in parts.items()}
    return ResumeAnalysis(overall_score=overall_score(scores, len(text.split())), **parts)


def overall_score(scores: dict[str, int], words: int) -> int:
    """A weighted mean of the category scores, capped by the weakest core category and, for a
    resume far too short to judge, capped low."""
    total = sum(_WEIGHTS[name] * score for name, score in scores.items())
    overall = round(total / sum(_WEIGHTS[name] for name in scores))
    overall = min(overall, min(scores[name] for name in _CORE) + _CAP_ABOVE_WEAKEST)
    if words < FAR_TOO_SHORT_WORDS:
        overall = min(overall, FAR_TOO_SHORT_CAP)
    return max(1, min(10, overall))


def _keyword_coverage(job: JobContext, text: str) -> ResumeCategory:
    keywords = job_keywords(job)
    if not keywords:
        return category(
            5,
            "The job description is too short to extract keywords; add it in full for a check.",
            [Finding("minor-improvement", "Job description", "No keywords could be extracted.")],
        )
    found, missing = split_found(keywords, text)
    share = len(found) / len(keywords)
    score = max(1, min(10, round(1 + 9 * share)))
    findings = _keyword_findings(found, missing, share)
    summary = f"Your resume mentions {len(found)} of the job's {plural(len(keywords), 'keyword')}."
    return category(score, summary, findings)


def _keyword_findings(found: list[Keyword], missing: list[Keyword], share: float) -> list[Finding]:
    out: list[Finding] = []
    if found:
        out.append(Finding("strength", "Matched keywords", f"Found: {labels(found, 10)}."))
    if missing:
        kind = "major-improvement" if share < 0.5 else "minor-improvement"
        out.append(
            Finding(
                kind,
                "Missing keywords",
                f"Missing: {labels(missing, 15)}. Where they are true for you, use the job's "
                "exact wording in your skills section and bullets.",
            )
        )
    return out


def _job_match(job: JobContext, text: str) -> ResumeCategory:
    wanted = skill_weights(job)
    have = skill_mentions(text)
    findings: list[Finding] = []
    role = job.title or job.name
    if wanted:
        share = sum(w for s, w in wanted.items() if s in have) / sum(wanted.values())
        findings += _skill_findings(wanted, have)
        summary = f"Covers {round(share * 100)}% of the skill areas the {role} role asks for."
    else:
        share = 0.5  # nothing to compare against: neutral
        summary = (
            f"The {role} job description names no skill areas to compare against, so this "
            "checks seniority and title only."
        )
    findings += _seniority_findings(job, text)
    findings += _title_findings(job, text)
    penalty = sum(3 if f.type == "major-improvement" else 0 for f in findings)
    score = max(1, min(10, round(1 + 9 * share) - penalty))
    return category(score, summary, findings)


def _skill_findings(wanted: dict[str, float], have: dict[str, int]) -> list[Finding]:
    ranked = sorted(wanted, key=lambda s: -wanted[s])
    matched = [_SKILL_NAMES.get(s, s) for s in ranked if s in have]
    lacking = [_SKILL_NAMES.get(s, s) for s in ranked if s not in have]
    out: list[Finding] = []
    if matched:
        out.append(Finding("strength", "Skill areas", f"Shows {', '.join(matched)}."))
    if lacking:
        top = lacking[0]
        kind = "major-improvement" if wanted[ranked[0]] >= 3 and top == ranked[0] else None
        out.append(
            Finding(
                kind or "minor-improvement",
                "Skill gaps",
                f"No evidence of {', '.join(lacking)}. Add projects or bullets that show them.",
            )
        )
    return out


def estimated_years(text: str) -> int | None:
    """Years stated ("5+ years"), else the span of dated roles (degrees left out)."""
    stated = [int(m.group(1)) for m in _YEARS_RE.finditer(text)]
    if stated:
        return max(stated)
    this_year = dt.date.today().year
    spans: list[tuple[int, int]] = []
    for line in text.splitlines():
        if _EDUCATION_RE.search(line):
            continue
        for m in _RANGE_RE.finditer(line):
            end = m.group(2)
            spans.append((int(m.group(1)), int(end) if end.isdigit() else this_year))
    if not spans:
        return None
    return max(e for _, e in spans) - min(s for s, _ in spans) or None


def _seniority_findings(job: JobContext, text: str) -> list[Finding]:
    years = estimated_years(text)
    expected = _LEVEL_YEARS[job.experience_level]
    if years is None:
        return [
            Finding(
                "minor-improvement",
                "Experience",
                "Couldn't tell how many years of experience you have; state it in your summary "
                "and date every role.",
            )
        ]
    if years < expected:
        return [
            Finding(
                "major-improvement",
                "Seniority",
                f"About {plural(years, 'year')} of experience shown; {job.experience_level} roles "
                f"usually expect {expected}+. Highlight scope and ownership to close the gap.",
            )
        ]
    shown = f"About {plural(years, 'year')} of experience shown."
    return [Finding("strength", "Seniority", shown)]


def _title_findings(job: JobContext, text: str) -> list[Finding]:
    title = job.title or job.name
    words = {stem(t) for t in tokens(title) if t not in STOPWORDS and len(t) > 2}
    if not words:
        return []
    index = StemIndex(text)
    if index.share_of(frozenset(words)) >= 0.5:
        return [Finding("strength", "Title", f"Your resume reflects the “{title}” title.")]
    return [
        Finding(
            "minor-improvement",
            "Title",
            f"Mirror the target title “{title}” in your summary or headline.",
        )
    ]


def _ats(text: str) -> ResumeCategory:
    findings = ats_findings(text)
    problems = sum(1 for f in findings if f.type != "strength")
    summary = (
        "Parses cleanly for applicant tracking systems."
        if problems == 0
        else f"{plural(problems, 'issue')} could trip applicant tracking systems."
    )
    return category(score_from(findings), summary, findings)


def _writing(text: str) -> ResumeCategory:
    findings = writing_findings(text)
    problems = [f.name for f in findings if f.type != "strength"]
    summary = (
        "Clear, achievement-focused writing."
        if not problems
        else f"Improve: {', '.join(problems).lower()}."
    )
    return category(score_from(findings), summary, findings)


def _other(text: str) -> ResumeCategory:
    findings = other_findings(text)
    strengths = sum(1 for f in findings if f.type == "strength")
    score = max(1, min(10, 4 + 2 * strengths))
    summary = (
        f"{strengths} of 3 extras found (links to your work, certifications, achievements)."
        if strengths
        else "No extras yet: add links to your work, certifications or achievements."
    )
    return category(score, summary, findings)
