"""The text catalogue: every file parses, and every key the code names exists in English."""

from __future__ import annotations

import ast
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast

from bot.ai.errors import AIFailure
from bot.i18n import LOCALE_DIR, languages, texts
from bot.services import documents
from bot.services.plans import CheckoutRefusal
from handlers.admin import ADMIN_COMMANDS

ROOT = Path(__file__).resolve().parent.parent


def _entries(language: str) -> dict[str, list[fluent_ast.Junk | fluent_ast.Message]]:
    found: dict[str, list] = {}
    for path in sorted((LOCALE_DIR / language).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        found[path.name] = [
            entry
            for entry in resource.body
            if isinstance(entry, fluent_ast.Junk | fluent_ast.Message)
        ]
    return found


def test_every_catalogue_file_parses() -> None:
    for language in languages():
        for name, entries in _entries(language).items():
            junk = [entry.content[:80] for entry in entries if isinstance(entry, fluent_ast.Junk)]
            assert not junk, f"{language}/{name} has lines Fluent can't read: {junk}"


def _keys_named_in_code() -> set[tuple[str, str]]:
    prefixes = {path.stem for path in (LOCALE_DIR / "en").glob("*.ftl")} | {"command"}
    named: set[tuple[str, str]] = set()
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    value = node.value
                    head = value.split("-", 1)[0]
                    is_key = "-" in value and not value.endswith("-")
                    if head in prefixes and is_key and value.replace("-", "").isalnum():
                        named.add((value, str(path.relative_to(ROOT))))
    return named


def test_every_key_named_in_the_code_exists() -> None:
    english = texts("en")
    named = _keys_named_in_code()
    assert len(named) > 50  # the scan finds the keys (a broken scan must not pass)
    missing = sorted(f"{key} ({where})" for key, where in named if not english.has(key))
    assert not missing, "keys missing from bot/locale/en: " + ", ".join(missing)


def test_every_kind_worded_by_key_has_a_message() -> None:
    """Keys built from a kind (`ai-error-<kind>`) are not named in the code as a whole."""
    english = texts("en")
    keys = [f"ai-error-{kind}" for kind in AIFailure]
    keys += [f"documents-{problem}" for problem in _document_problems()]
    keys += [f"plans-checkout-{refusal}" for refusal in CheckoutRefusal]
    keys += [f"admin-usage-{command}" for command in ADMIN_COMMANDS]
    missing = [key for key in keys if not english.has(key)]
    assert not missing, "keys missing from bot/locale/en: " + ", ".join(missing)
    assert all(english.plain(f"ai-error-{kind}") for kind in AIFailure)  # references resolve


def _document_problems() -> set[str]:
    """Every `problem` the documents service raises (`Unreadable("pdf-damaged")`)."""
    errors = {
        name
        for name, value in vars(documents).items()
        if isinstance(value, type) and issubclass(value, documents.DocumentError)
    }
    tree = ast.parse((ROOT / "bot/services/documents.py").read_text(encoding="utf-8"))
    found = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in errors
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(found) > 10  # the scan finds them
    return found
