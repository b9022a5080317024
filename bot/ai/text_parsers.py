"""Plain-text reply layouts, the last structured-output fallback, parsed into our models.

Servers that accept neither a JSON schema nor JSON mode are asked for the layouts in
`bot.ai.prompts` (`GRADE_TEXT_FORMAT`, ...); these parsers read them back, tolerating Markdown
headings, bold labels and numbering. Validation errors propagate as pydantic's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.ai.schemas import (
    REPORT_CATEGORIES,
    RESUME_CATEGORIES,
    GradeResult,
    InterviewReport,
    ResumeAnalysis,
)


def parse_grade_text(text: str) -> GradeResult:
    parts = sections(text, ["Rating", "Feedback", "Model answer"])
    return GradeResult.model_validate(
        {
            "rating": _score(parts.get("Rating", "")),
            "feedback": parts.get("Feedback", ""),
            "model_answer": parts.get("Model answer", ""),
        }
    )


def parse_report_text(text: str) -> InterviewReport:
    parts = sections(text, ["Overall rating", "Summary", *REPORT_CATEGORIES])
    categories = []
    for name in REPORT_CATEGORIES:
        body = parts.get(name, "")
        rating, rest = _take_score_line(body, "Rating")
        categories.append({"name": name, "rating": rating, "text": rest})
    return InterviewReport.model_validate(
        {
            "overall_rating": _score(parts.get("Overall rating", "")),
            "summary": parts.get("Summary", ""),
            "categories": categories,
        }
    )


def parse_resume_text(text: str) -> ResumeAnalysis:
    parts = sections(text, ["Overall score", *RESUME_CATEGORIES])
    data: dict[str, Any] = {"overall_score": _score(parts.get("Overall score", ""))}
    for key in RESUME_CATEGORIES:
        score, rest = _take_score_line(parts.get(key, ""), "Score")
        summary = re.search(r"^\s*\**summary\**\s*:\s*(.+)$", rest, re.IGNORECASE | re.MULTILINE)
        items = [
            {"type": m["type"].lower(), "name": m["name"].strip(" *"), "message": m["msg"].strip()}
            for m in _FEEDBACK_ITEM.finditer(rest)
        ]
        data[key] = {
            "score": score,
            "summary": summary.group(1).strip() if summary else "",
            "feedback": items,
        }
    return ResumeAnalysis.model_validate(data)


_FEEDBACK_ITEM = re.compile(
    r"^\s*[-*•]\s*\[?(?P<type>strength|minor-improvement|major-improvement)\]?\s*[|:\-–—]?\s*"
    r"(?P<name>[^:\n]+?)\s*:\s*(?P<msg>.+)$",
    re.IGNORECASE | re.MULTILINE,
)


def sections(text: str, headings: Sequence[str]) -> dict[str, str]:
    """Split a reply into the named sections; a heading line may carry inline content.

    A heading is a line (optionally with #, ** or numbering) that is the name alone or the
    name followed by ':' or a dash, e.g. `### Feedback`, `**Rating:** 7/10`, `ats — 6/10`.
    """
    patterns = [(name, _heading_pattern(name)) for name in headings]
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        cleaned = re.sub(r"^\s*(?:#+\s*|\d+[.)]\s*)?\**\s*", "", line).rstrip()
        for name, pattern in patterns:
            match = pattern.match(cleaned)
            if match and name not in found:
                current = found[name] = [match.group(1) or ""]
                break
        else:
            if current is not None:
                current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


def _heading_pattern(name: str) -> re.Pattern[str]:
    words = r"[\s_&/,-]+".join(re.escape(w) for w in re.findall(r"[A-Za-z0-9]+", name))
    return re.compile(rf"^{words}\**\s*(?:[:\-–—]\s*\**\s*(.*?)\s*\**)?$", re.IGNORECASE)


def _score(text: str) -> int | None:
    match = re.search(r"(\d+(?:\.\d+)?)", text)
    return round(float(match.group(1))) if match else None


def _take_score_line(body: str, label: str) -> tuple[int | None, str]:
    """The score from `Rating: 7/10` (or a bare `7/10` first line) and the remaining text."""
    lines = body.splitlines()
    for index, line in enumerate(lines[:3]):
        if re.match(rf"^\s*\**{label}\**\s*:|^\s*\d+(?:\.\d+)?\s*/\s*10\b", line, re.IGNORECASE):
            return _score(line), "\n".join(lines[:index] + lines[index + 1 :]).strip()
    return None, body.strip()
