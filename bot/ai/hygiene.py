"""Output hygiene: what a model writes is cleaned before anyone sees or stores it.

Weak models echo the prompt: they repeat our fence tags (`<job_name>Acme</job_name>`), close
blocks that were never theirs (`</interviewer>`), and carry on the conversation in the
candidate's voice (`<candidate seconds="27">I would…`, `Candidate: …`). `clean_text` removes
all of that from a finished reply; `clean_deltas` does the same to a stream as it arrives, so
the preview a user watches is clean too, and stops the model as soon as it starts speaking
for the candidate (everything after that is made up).

Rules, in order:
1. The reply ends where the candidate's voice begins: a `<candidate…>` tag or a line labelled
   `Candidate:` / `Interviewee:` / `Applicant:` / `<candidate's name>:`.
2. Echoed data blocks (job, job description, transcript, resume, …) go whole, tags and content.
3. Any other of our tags (`<question>`, `</interviewer>`, …) goes; its content stays.
4. A leading `Interviewer:` or `Question:` label goes.

A question ends where the model starts answering it itself (`Answer:`, `Your answer:`, …,
the `ANSWER_LABELS` passed as names), as SmolLM2-135M on llama.cpp did when tried.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from bot.ai.prompts import FENCE_TAGS
from bot.ai.streams import END_MARKER

log = logging.getLogger(__name__)

# Blocks that only ever hold our data: an echo of one is dropped with its content. The model
# may wrap its own words in <question> or <interviewer>, so those keep their content.
DATA_TAGS: tuple[str, ...] = tuple(
    tag for tag in FENCE_TAGS if tag not in ("question", "interviewer", "candidate")
)
_DATA = "|".join(DATA_TAGS)
_DATA_BLOCK_RE = re.compile(rf"<\s*({_DATA})\b[^<>]*>.*?<\s*/\s*\1\s*>", re.I | re.S)
_DATA_OPEN_RE = re.compile(rf"<\s*(?:{_DATA})\b[^<>/]*>", re.I)
_ANY_TAG_RE = re.compile(r"<\s*/?\s*(?:" + "|".join(FENCE_TAGS) + r")\b[^<>]*>", re.I)
_CANDIDATE_TAG_RE = re.compile(r"<\s*candidate\b(?!_)[^<>]*>", re.I)
_LABEL_LEAD = r"^[ \t>*_#-]*"
_CANDIDATE_WORDS = ("candidate", "interviewee", "applicant")
_LEADING_LABEL_RE = re.compile(
    r"^\s*[*_#]*\s*(?:interviewer|question)\s*[*_]*\s*:\s*[*_]*\s*", re.I
)
_LEADING_LABELS = ("interviewer:", "question:")
# Labels after which a model answers the question it was asked to write.
ANSWER_LABELS = ("answer", "your answer", "sample answer", "model answer", "solution")
# Tail held back while streaming: a `<` this close to the end may still become a tag.
_PARTIAL_TAG_CHARS = 40


@functools.lru_cache(maxsize=256)
def _label_re(names: tuple[str, ...]) -> re.Pattern[str]:
    words = [*_CANDIDATE_WORDS, *(n.strip() for n in names if n.strip())]
    alternatives = "|".join(re.escape(w) for w in words)
    # "Candidate:", "**Candidate (Anna):**", "- Anna:" at the start of a line.
    return re.compile(
        _LABEL_LEAD + rf"(?:{alternatives})[*_]*(?:\s*\([^()\n]{{0,30}}\))?[*_]*\s*:",
        re.I | re.M,
    )


def visible(raw: str, *, final: bool, names: Sequence[str] = ()) -> tuple[str, bool]:
    """The part of `raw` that may be shown, and whether the candidate's voice began (stop).

    While streaming (`final=False`) a tail that could still turn into a tag or a label is held
    back, so text once shown never has to be taken back.
    """
    text, stop = raw, False
    cuts = [
        m.start()
        for m in (_CANDIDATE_TAG_RE.search(text), _label_re(tuple(names)).search(text))
        if m
    ]
    if cuts:
        text, stop = text[: min(cuts)], True
    text = _DATA_BLOCK_RE.sub("", text)
    opened = _DATA_OPEN_RE.search(text)
    if opened:
        text = text[: opened.start()]  # an echoed block still open: never shown
    text = _ANY_TAG_RE.sub("", text)
    if not final and not stop:
        text = _hold_back_tail(text, names)
    if _LEADING_LABEL_RE.match(text):
        text = _LEADING_LABEL_RE.sub("", text, count=1)
    elif not final and _could_become(text.strip(" \t*_#").lower(), _LEADING_LABELS):
        text = ""
    return text, stop


def _hold_back_tail(text: str, names: Sequence[str]) -> str:
    lt = text.rfind("<")
    if lt >= 0 and ">" not in text[lt:] and len(text) - lt <= _PARTIAL_TAG_CHARS:
        text = text[:lt]
    line_start = text.rfind("\n") + 1
    tail = re.sub(r"^[ \t>*_#-]*", "", text[line_start:]).lower()
    labels = [f"{w}:" for w in (*_CANDIDATE_WORDS, *(n.strip().lower() for n in names if n))]
    if tail and (_could_become(tail, labels) or _is_open_label(tail, labels)):
        text = text[:line_start]
    return text


def _could_become(tail: str, labels: Sequence[str]) -> bool:
    return bool(tail) and any(label.startswith(tail) for label in labels)


def _is_open_label(tail: str, labels: Sequence[str]) -> bool:
    # "candidate (anna" may still become "Candidate (Anna):"
    return any(tail.startswith(label[:-1]) and len(tail) <= len(label) + 24 for label in labels)


def clean_text(text: str, *, names: Sequence[str] = ()) -> str:
    """A finished reply, cleaned (see the module docstring)."""
    return visible(text, final=True, names=names)[0].strip()


def is_empty(text: str) -> bool:
    return not text.replace(END_MARKER, "").strip()


async def clean_deltas(
    attempt: Callable[[], AsyncIterator[str]],
    *,
    kind: str,
    tries: int = 2,
    names: Sequence[str] = (),
    fallback: Callable[[], Awaitable[str]] | None = None,
) -> AsyncIterator[str]:
    """Cleaned deltas of `attempt()`; a reply empty after cleaning is asked for again.

    After `tries` such replies, `fallback()` supplies the text if given; otherwise the stream
    ends empty and the caller treats it as a failed generation. A reply that was empty before
    cleaning (no content at all, or a refusal) is a failure at once: asking again would only
    repeat it, and the user is offered Retry instead.
    """
    for number in range(1, tries + 1):
        raw, shown = "", ""
        source = attempt()
        try:
            async for delta in source:
                raw += delta
                text, stop = visible(raw, final=False, names=names)
                if len(text) > len(shown) and text.startswith(shown):
                    yield text[len(shown) :]
                    shown = text
                if stop:
                    log.info("%s: the model began the candidate's lines; reply cut there", kind)
                    break
        finally:
            close = getattr(source, "aclose", None)
            if close is not None:
                await close()
        text, _ = visible(raw, final=True, names=names)
        if text.startswith(shown) and len(text) > len(shown):
            yield text[len(shown) :]
            shown = text
        if not is_empty(shown):
            return
        if is_empty(raw):
            log.warning("%s: the model sent no content", kind)
            return
        log.warning("%s: reply empty after cleaning (attempt %d of %d)", kind, number, tries)
    if fallback is not None:
        log.warning("%s: using the offline coach's line instead", kind)
        yield await fallback()
