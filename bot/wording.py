"""Small wording helpers shared by the handlers and the offline coach."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """A count with its noun in the right number: “1 answer”, “2 answers”, “0 answers”."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
