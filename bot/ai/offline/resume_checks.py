"""Resume checks that don't depend on the job: ATS readability, writing, extras."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ai.offline.lexicon import ACTION_VERBS, FIRST_PERSON_RE, NUMBER_RE
from bot.ai.offline.text import agree, period, plural, quote, tokens
from bot.ai.schemas import FeedbackType, ResumeCategory, ResumeFeedbackItem

SECTIONS: dict[str, tuple[str, ...]] = {
    "Experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
    ),
    "Education": ("education", "academic background", "qualifications", "education and training"),
    "Skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "technologies",
        "tech stack",
        "competencies",
        "core competencies",
    ),
    "Summary": ("summary", "profile", "professional summary", "about", "about me", "objective"),
    "Projects": ("projects", "personal projects", "selected projects", "side projects"),
    "Certifications": ("certifications", "certificates", "licenses and certifications"),
}
REQUIRED_SECTIONS = ("Experience", "Education", "Skills")

# A resume can be 90,000 characters of anything, so no pattern may try a long run of
# characters again from each of them (quadratic time: "a" * 90_000 took half a minute). The
# lookbehinds below start a match only where a run of name characters starts.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\w/])\+?\d[\d\s().-]{7,}\d(?![\w/])")
LINKEDIN_RE = re.compile(r"linkedin\.com/(?:in|pub)/", re.IGNORECASE)
GITHUB_RE = re.compile(r"github\.com/\w", re.IGNORECASE)
# A link: a full address (group `url`) or a bare domain (group `domain`), which is tried once
# per run of name characters and starts at its first letter or digit ("-site.dev" gives
# "site.dev", as before).
URL_RE = re.compile(
    r"\b(?P<url>(?:https?://|www\.)\S+)"
    r"|(?<![\w-])-*+\b(?P<domain>[\w-]+\.(?:dev|io|me|com|net|org)/?\S*)",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^\s*([•\-*–▪◦●○➢✓>·])\s+")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_FORMATS: dict[str, re.Pattern[str]] = {
    "Month YYYY": re.compile(rf"\b{_MONTHS}\s+(?:19|20)\d\d\b", re.IGNORECASE),
    "MM/YYYY": re.compile(r"\b(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d\b"),
    "YYYY-MM": re.compile(r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b"),
}
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
CERT_RE = re.compile(
    r"\b(?:certified|certification|certificate|cka|ckad|pmp|cissp|comptia|scrum master)\b",
    re.IGNORECASE,
)
ACHIEVEMENT_RE = re.compile(
    r"\b(?:award|awarded|winner|won|hackathon|open[- ]source|contributor|publication|published|"
    r"speaker|talk at|patent)\b",
    re.IGNORECASE,
)
# Three cells on a line; one such line is a contact header, several are a table.
TABLE_RE = re.compile(r"\|.*\|.*\||\t.*\t")
TABLE_MIN_LINES = 3
ODD_CHAR_RE = re.compile(r"[\u2500-\u257f\ue000-\uf8ff\U0001F300-\U0001FAFF\x00-\x08\x0b\x0c]")
WEAK_OPENERS_RE = re.compile(r"\b(?:responsible for|duties included|worked on|helped with)\b", re.I)

LONG_BULLET_WORDS = 35


@dataclass(frozen=True, slots=True)
class Finding:
    type: FeedbackType
    name: str
    message: str

    def item(self) -> ResumeFeedbackItem:
        return ResumeFeedbackItem(type=self.type, name=self.name, message=self.message)


def score_from(findings: list[Finding], base: int = 10) -> int:
    """Start from `base` and subtract per problem: majors cost 3 points, minors 1."""
    cost = {"major-improvement": 3, "minor-improvement": 1, "strength": 0}
    return max(1, min(10, base - sum(cost[f.type] for f in findings)))


def category(score: int, summary: str, findings: list[Finding]) -> ResumeCategory:
    return ResumeCategory(score=score, summary=summary, feedback=[f.item() for f in findings])


def headings(text: str) -> set[str]:
    """Standard section names whose heading appears on a line of its own."""
    found: set[str] = set()
    for line in text.splitlines():
        # "Skills: Python, Go" is a heading with its content on the same line.
        head = line.split(":", 1)[0]
        key = " ".join(tokens(head.replace("&", " and ")))
        if not key or len(key.split()) > 4:
            continue
        for name, variants in SECTIONS.items():
            if key in variants:
                found.add(name)
    return found


def bullet_lines(text: str) -> list[str]:
    """The text of each bulleted line; a bullet with nothing after it is not a line."""
    lines = (BULLET_RE.sub("", line).strip() for line in text.splitlines() if BULLET_RE.match(line))
    return [line for line in lines if line]


# A role that runs until now: "Jan 2019 – Present".
_PRESENT_RE = re.compile(r"\b(?:present|current|now)\b", re.IGNORECASE)


def looks_like_resume(text: str) -> bool:
    """Whether the text is a resume at all: it has an experience, education or skills
    section, or dates (years of roles and studies). A recipe or a letter has neither."""
    if headings(text) & set(REQUIRED_SECTIONS):
        return True
    years = len(YEAR_RE.findall(text))
    return years >= 2 or (years >= 1 and bool(_PRESENT_RE.search(text)))


def ats_findings(text: str) -> list[Finding]:
    return [
        *_section_findings(text),
        *_contact_findings(text),
        *_length_findings(text),
        *_date_findings(text),
        *_layout_findings(text),
    ]


def _section_findings(text: str) -> list[Finding]:
    found = headings(text)
    out: list[Finding] = []
    present = [s for s in SECTIONS if s in found]
    if present:
        out.append(
            Finding("strength", "Sections", f"Standard headings found: {', '.join(present)}.")
        )
    for name in REQUIRED_SECTIONS:
        if name not in found:
            out.append(
                Finding(
                    "major-improvement",
                    f"{name} section",
                    f"No “{name}” heading found. ATS parsers look for standard section names; "
                    f"add a line that just says “{name}”.",
                )
            )
    if "Summary" not in found:
        out.append(
            Finding(
                "minor-improvement",
                "Summary section",
                "Add a 2-3 line “Summary” at the top that names your role and core stack.",
            )
        )
    return out


def _contact_findings(text: str) -> list[Finding]:
    out: list[Finding] = []
    if EMAIL_RE.search(text):
        out.append(Finding("strength", "Email", "An email address is present."))
    else:
        out.append(
            Finding(
                "major-improvement",
                "Email",
                "No email address found — recruiters and ATS need it to contact you.",
            )
        )
    if not PHONE_RE.search(text):
        out.append(Finding("minor-improvement", "Phone", "No phone number found; add one."))
    if not LINKEDIN_RE.search(text) and not GITHUB_RE.search(text):
        out.append(
            Finding(
                "minor-improvement",
                "Profile links",
                "No LinkedIn or GitHub URL found; add at least one full link.",
            )
        )
    return out


def _length_findings(text: str) -> list[Finding]:
    words = len(text.split())
    pages = max(1, round(words / 500))
    if words < 150:
        return [
            Finding(
                "major-improvement",
                "Length",
                f"Only {plural(words, 'word')} — too thin to show your experience. "
                "Aim for 400-900 words.",
            )
        ]
    if words < 300:
        return [Finding("minor-improvement", "Length", f"{words} words is short; aim for 400-900.")]
    if words > 1300:
        return [
            Finding(
                "minor-improvement",
                "Length",
                f"About {words} words (~{pages} pages). Keep to 1-2 pages: cut older or "
                "less relevant roles.",
            )
        ]
    good = f"{words} words (about {plural(pages, 'page')}) is a good length."
    return [Finding("strength", "Length", good)]


def _date_findings(text: str) -> list[Finding]:
    used = [name for name, pattern in DATE_FORMATS.items() if pattern.search(text)]
    if not used and not YEAR_RE.search(text):
        return [
            Finding(
                "major-improvement",
                "Dates",
                "No dates found. Give each role and degree a start and end date.",
            )
        ]
    if len(used) > 1:
        return [
            Finding(
                "minor-improvement",
                "Date format",
                f"Dates mix formats ({', '.join(used)}); pick one and use it everywhere.",
            )
        ]
    return [Finding("strength", "Dates", "Dates are present in a consistent format.")]


def _layout_findings(text: str) -> list[Finding]:
    out: list[Finding] = []
    markers = {m.group(1) for line in text.splitlines() if (m := BULLET_RE.match(line))}
    if len(markers) > 1:
        shown = " ".join(sorted(markers))
        out.append(
            Finding(
                "minor-improvement",
                "Bullet style",
                f"Bullets use several markers ({shown}); use one style throughout.",
            )
        )
    elif not markers and len(text.split()) > 200:
        out.append(
            Finding(
                "minor-improvement",
                "Bullets",
                "No bullet points found; list achievements as short bullets under each role.",
            )
        )
    if sum(1 for line in text.splitlines() if TABLE_RE.search(line)) >= TABLE_MIN_LINES:
        out.append(
            Finding(
                "major-improvement",
                "Tables",
                "Looks like a table or column layout (| or tab separators); many ATS read "
                "tables out of order. Use a single-column layout.",
            )
        )
    odd = sorted(set(ODD_CHAR_RE.findall(text)))
    if odd:
        out.append(
            Finding(
                "minor-improvement",
                "Special characters",
                f"Found {plural(len(odd), 'unusual character')} such as icons or box "
                "drawing; ATS may garble them. Use plain text.",
            )
        )
    return out


def writing_findings(text: str) -> list[Finding]:
    bullets = bullet_lines(text) or [s for s in text.splitlines() if len(s.split()) >= 6]
    if not bullets:
        return [Finding("major-improvement", "Content", "No achievement lines to assess.")]
    return [
        *_verb_findings(bullets),
        *_number_findings(bullets),
        *_long_bullet_findings(bullets),
        *_voice_findings(text),
    ]


def _verb_findings(bullets: list[str]) -> list[Finding]:
    starts = [b.split()[0].lower().strip(",.:;") for b in bullets if b.split()]
    strong = sum(1 for w in starts if w in ACTION_VERBS)
    share = strong / len(starts) if starts else 0.0
    if share >= 0.6:
        return [
            Finding(
                "strength",
                "Action verbs",
                f"{strong} of {plural(len(starts), 'line')} "
                f"{agree(strong, 'opens', 'open')} with a strong action verb.",
            )
        ]
    weak = next((b for b in bullets if b.split()[0].lower() not in ACTION_VERBS), bullets[0])
    kind: FeedbackType = "minor-improvement" if share >= 0.3 else "major-improvement"
    return [
        Finding(
            kind,
            "Action verbs",
            f"Only {strong} of {plural(len(starts), 'line')} {agree(strong, 'starts', 'start')} "
            "with an action verb; one that doesn't: "
            f"{period(quote(weak, 8))} Open with verbs like Built, Led, Reduced, Automated.",
        )
    ]


def _number_findings(bullets: list[str]) -> list[Finding]:
    counted = sum(1 for b in bullets if NUMBER_RE.search(b))
    share = counted / len(bullets)
    if share >= 0.4:
        verb = agree(counted, "quantifies", "quantify")
        quantified = f"{counted} of {plural(len(bullets), 'line')} {verb} impact."
        return [Finding("strength", "Quantified results", quantified)]
    kind: FeedbackType = "minor-improvement" if share >= 0.15 else "major-improvement"
    return [
        Finding(
            kind,
            "Quantified results",
            f"Only {counted} of {plural(len(bullets), 'line')} "
            f"{agree(counted, 'includes', 'include')} a number. Add scale and impact: "
            "users, latency, %, money saved, team size.",
        )
    ]


def _long_bullet_findings(bullets: list[str]) -> list[Finding]:
    long = [b for b in bullets if len(b.split()) > LONG_BULLET_WORDS]
    if not long:
        return []
    return [
        Finding(
            "minor-improvement",
            "Long bullets",
            f"{plural(len(long), 'line')} {agree(len(long), 'runs', 'run')} past "
            f"{LONG_BULLET_WORDS} words, e.g. {period(quote(long[0], 8))} "
            f"Split {agree(len(long), 'it', 'them')}: one achievement per bullet.",
        )
    ]


def _voice_findings(text: str) -> list[Finding]:
    out: list[Finding] = []
    pronouns = len(FIRST_PERSON_RE.findall(text))
    if pronouns >= 3:
        out.append(
            Finding(
                "minor-improvement",
                "First person",
                f"“I/me/my” appears {pronouns} times; resumes read better without pronouns "
                "(“Built…” rather than “I built…”).",
            )
        )
    weak = WEAK_OPENERS_RE.search(text)
    if weak:
        out.append(
            Finding(
                "minor-improvement",
                "Passive phrasing",
                f"Replace “{weak.group(0)}” with what you achieved and how.",
            )
        )
    return out


def other_findings(text: str) -> list[Finding]:
    out: list[Finding] = []
    without_emails = EMAIL_RE.sub(" ", text)
    found = (m.group("url") or m.group("domain") for m in URL_RE.finditer(without_emails))
    links = [u for u in found if "linkedin" not in u.lower()]
    if links:
        out.append(Finding("strength", "Links", f"Links to your work: {', '.join(links[:3])}."))
    else:
        out.append(
            Finding(
                "minor-improvement",
                "Links",
                "Add a link to your work (GitHub, portfolio or a project) so reviewers can see it.",
            )
        )
    if CERT_RE.search(text):
        out.append(Finding("strength", "Certifications", "Certifications are listed."))
    else:
        out.append(
            Finding(
                "minor-improvement",
                "Certifications",
                "No certifications listed; add relevant ones if you hold any.",
            )
        )
    achievement = ACHIEVEMENT_RE.search(text)
    if achievement:
        out.append(
            Finding(
                "strength",
                "Achievements",
                f"Mentions “{achievement.group(0)}” — extra evidence beyond day-to-day work.",
            )
        )
    return out
