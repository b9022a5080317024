"""Which bank skills a job asks for, from aliases in its title and description."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from bot.ai.schemas import JobContext

# Used when nothing in the job names a skill: questions any developer should handle.
GENERAL_SKILLS: tuple[str, ...] = ("behavioural", "http_apis", "git", "testing", "dsa")
TECHNICAL_FALLBACK: tuple[str, ...] = ("http_apis", "git", "testing", "dsa")

# Case-insensitive alias patterns per skill; each is wrapped in word boundaries.
_ALIASES: dict[str, tuple[str, ...]] = {
    "python": (
        r"python\d?",
        r"django",
        r"flask",
        r"fastapi",
        r"pandas",
        r"numpy",
        r"pydantic",
        r"asyncio",
        r"celery",
    ),
    "javascript": (
        r"javascript",
        r"js",
        r"node(?:\.?js)?",
        r"typescript",
        r"ts",
        r"ecmascript",
        r"es6",
        r"npm",
        r"express(?:\.js)?",
        r"vue(?:\.js)?",
        r"angular",
        r"deno",
    ),
    "react": (
        r"react(?:\.?js)?",
        r"react native",
        r"next\.?js",
        r"redux",
        r"jsx",
        r"zustand",
        r"state management",
    ),
    "css": (
        r"css3?",
        r"sass",
        r"scss",
        r"tailwind(?:\s?css)?",
        r"flexbox",
        r"css grid",
        r"responsive (?:design|layouts?|web|pages?|ui)",
        r"styled[- ]components",
    ),
    "html": (
        r"html5?",
        r"semantic html",
        r"accessibility",
        r"accessible",
        r"a11y",
        r"wcag",
        r"aria",
        r"screen readers?",
    ),
    "java": (r"java", r"spring(?: boot)?", r"jvm", r"kotlin", r"hibernate", r"maven", r"gradle"),
    "go": (r"golang",),  # plain "Go" is matched separately, case-sensitively
    "sql": (
        r"sql",
        r"postgres(?:ql)?",
        r"mysql",
        r"mariadb",
        r"sqlite",
        r"databases?",
        r"rdbms",
        r"mssql",
        r"sql server",
        r"t-sql",
        r"pl/sql",
        r"oracle",
        r"relational",
    ),
    "dsa": (
        r"algorithms?",
        r"algorithmic",
        r"data structures?",
        r"dsa",
        r"leetcode",
        r"big[- ]o",
        r"competitive programming",
    ),
    "system_design": (
        r"system design",
        r"distributed(?!\s+(?:teams?|company|workforce|across))",
        r"scalab\w*",
        r"architect\w*",
        r"microservices?",
        r"high[- ]?load",
        r"high availability",
        r"load balanc\w*",
        r"event[- ]driven",
        r"kafka",
        r"rabbitmq",
        r"message (?:queue|broker)s?",
    ),
    "http_apis": (
        r"restful",
        r"apis?",
        r"https?(?!://)",
        r"graphql",
        r"grpc",
        r"openapi",
        r"swagger",
        r"web services?",
        r"endpoints?",
    ),
    "git": (r"git", r"github", r"gitlab", r"bitbucket", r"version control", r"pull requests?"),
    "testing": (
        r"pytest",
        r"unit[- ]tests?",
        r"unit[- ]testing",
        r"testing",
        r"tests",
        r"tdd",
        r"qa",
        r"jest",
        r"junit",
        r"integration tests?",
        r"e2e",
        r"end[- ]to[- ]end",
        r"selenium",
        r"cypress",
        r"playwright",
        r"test automation",
    ),
    "containers": (
        r"docker\w*",
        r"kubernetes",
        r"k8s",
        r"containers?",
        r"containeri[sz]\w*",
        r"helm",
        r"openshift",
        r"podman",
    ),
    "cloud_aws": (
        r"aws",
        r"amazon web services",
        r"cloud",
        r"s3",
        r"lambda",
        r"ec2",
        r"serverless",
        r"dynamodb",
        r"cloudformation",
        r"terraform",
        r"gcp",
        r"azure",
    ),
    "security": (
        r"security",
        r"secure",
        r"owasp",
        r"auth\w*",
        r"oauth2?",
        r"jwt",
        r"encryption",
        r"xss",
        r"csrf",
        r"penetration",
        r"infosec",
        r"appsec",
        r"vulnerabilit\w*",
    ),
    "behavioural": (
        r"teamwork",
        r"leadership",
        r"lead",
        r"communication",
        r"stakeholders?",
        r"mentor\w*",
        r"collaborat\w*",
        r"soft skills",
        r"cross[- ]functional",
        r"team player",
        r"agile",
        r"scrum",
    ),
}

# Case-sensitive signals that need the original casing.
_CASED: dict[str, tuple[str, ...]] = {
    "http_apis": (r"REST",),  # "rest" in lowercase is usually "the rest of"
}

_GO_SENTENCE_START = re.compile(r"(?:^|[.!?;\n]\s*|[-*•]\s+)$")
_GO_WORD = re.compile(r"\bGo\b(?![-'’]\w)")
_GO_STRONG_NEXT = re.compile(
    r"\s*(?:$|\n|[,/&|()]|\d|and\b|or\b|developers?\b|engineers?\b|programm\w*|language\b|backend\b|"
    r"services?\b|microservices?\b|code\b|\(golang\))",
    re.IGNORECASE,
)
_GO_LIST_BEFORE = re.compile(r"(?:[,/&(|]|\band|\bor|\bin|\bwith|\busing)\s*$")
# Characters before a mention's blank space that the two patterns above need: "using" and the
# character before it (for `\b`). More than one, so that `^` only matches at the real start.
_BEFORE_CONTEXT = 8

# Some skills imply a neighbour at lower weight: React work is JavaScript work.
_IMPLIES: dict[str, tuple[tuple[str, float], ...]] = {
    "react": (("javascript", 0.5),),
}

# Aliases that signal a skill but are too vague to demand as a resume keyword.
_WEAK_ALIASES = frozenset({"lead", "secure", "tests", "testing", "containers", "container"})

TITLE_WEIGHT = 3.0
MAX_MENTIONS = 3


def _compile(patterns: Iterable[str], flags: int) -> re.Pattern[str]:
    body = "|".join(patterns)
    return re.compile(rf"(?<![\w.#+])(?:{body})(?![\w#+])", flags)


_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    skill: [_compile(aliases, re.IGNORECASE)] for skill, aliases in _ALIASES.items()
}
for _skill, _cased in _CASED.items():
    _PATTERNS[_skill].append(_compile(_cased, 0))


def _just_before(text: str, end: int) -> str:
    """What the "before" patterns can see of `text[:end]`: the blank space that ends it and
    the few characters before that (all of `text[:end]` when that is short). Reading only this
    keeps each "Go" mention constant work, not a scan of everything before it."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text[max(0, start - _BEFORE_CONTEXT) : end]


def _go_matches(text: str) -> list[re.Match[str]]:
    """Mentions of "Go" the language: capitalised, and in a list or with a clear signal."""
    found: list[re.Match[str]] = []
    for match in _GO_WORD.finditer(text):
        before = _just_before(text, match.start())
        strong_after = bool(_GO_STRONG_NEXT.match(text, match.end()))
        in_list = bool(_GO_LIST_BEFORE.search(before))
        at_start = bool(_GO_SENTENCE_START.search(before))
        # Mid-sentence "Go" is the language ("we write Go"); a sentence-initial "Go" is usually
        # the verb ("Go beyond…") unless a language signal follows.
        if strong_after or in_list or not at_start:
            found.append(match)
    return found


def skill_mentions(text: str) -> dict[str, int]:
    """How often each skill is named in `text` (aliases included)."""
    return dict(_skill_mentions(text))


@functools.lru_cache(maxsize=256)
def _skill_mentions(text: str) -> tuple[tuple[str, int], ...]:
    # A job's description is scanned on every practice step: once per text is enough.
    found: list[tuple[str, int]] = []
    for skill, patterns in _PATTERNS.items():
        hits = sum(len(p.findall(text)) for p in patterns)
        if skill == "go":
            hits += len(_go_matches(text))
        if hits:
            found.append((skill, hits))
    return tuple(found)


def alias_matches(text: str) -> list[str]:
    """The skill names as written in `text` ("PostgreSQL", "k8s"), first mention first."""
    spans: list[tuple[int, str]] = []
    for patterns in _PATTERNS.values():
        for pattern in patterns:
            spans += [(m.start(), m.group(0)) for m in pattern.finditer(text)]
    spans += [(m.start(), m.group(0)) for m in _go_matches(text)]
    return [word for _, word in sorted(spans) if word.lower() not in _WEAK_ALIASES]


def skill_weights(job: JobContext) -> dict[str, float]:
    """Weight per detected skill: title mentions count most, repeats are capped."""
    weights: dict[str, float] = {}
    title = " ".join(filter(None, (job.title, job.name)))
    for skill, hits in skill_mentions(title).items():
        weights[skill] = weights.get(skill, 0.0) + TITLE_WEIGHT * min(hits, 1)
    for skill, hits in skill_mentions(job.description).items():
        weights[skill] = weights.get(skill, 0.0) + min(hits, MAX_MENTIONS)
    for skill, implied in _IMPLIES.items():
        if skill in weights:
            for other, factor in implied:
                weights.setdefault(other, weights[skill] * factor)
    return weights


def named_skills(job: JobContext) -> list[str]:
    """The skills the job itself names (not merely implies), strongest first."""
    weights = skill_weights(job)
    named = skill_mentions(" ".join(filter(None, (job.title, job.name, job.description))))
    return sorted(named, key=lambda s: (-weights[s], s))


def next_skill(job: JobContext, asked: Iterable[str]) -> str | None:
    """The job's skill to ask about next: the named skill asked least so far (`asked`: the
    skills of earlier questions), the strongest first among equals, so every skill the ad
    names is covered before any repeats. None when the job names no skill."""
    named = named_skills(job)
    counts: dict[str, int] = {}
    for skill in asked:
        counts[skill] = counts.get(skill, 0) + 1
    return min(named, key=lambda s: counts.get(s, 0), default=None)


def detect_skills(job: JobContext) -> list[str]:
    """Detected skills, strongest first (ties in a stable alphabetical order)."""
    weights = skill_weights(job)
    return sorted(weights, key=lambda s: (-weights[s], s))
