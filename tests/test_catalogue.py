"""The text catalogue: every file parses, and every key the code names exists in English."""

from __future__ import annotations

import ast
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

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


# ----- every language has every message, with the same arguments ------------------------------


def _messages(language: str) -> dict[str, fluent_ast.Message]:
    return {
        entry.id.name: entry
        for entries in _entries(language).values()
        for entry in entries
        if isinstance(entry, fluent_ast.Message)
    }


class _References(Visitor):
    def __init__(self) -> None:
        self.variables: set[str] = set()
        self.messages: set[str] = set()

    def visit_VariableReference(self, node: fluent_ast.VariableReference) -> None:
        self.variables.add(node.id.name)
        self.generic_visit(node)

    def visit_MessageReference(self, node: fluent_ast.MessageReference) -> None:
        self.messages.add(node.id.name)
        self.generic_visit(node)


def _arguments(messages: dict[str, fluent_ast.Message], key: str) -> set[str]:
    """The `$variables` a message uses, with those of the messages it refers to."""
    seen: set[str] = set()
    found: set[str] = set()
    todo = [key]
    while todo:
        name = todo.pop()
        if name in seen or name not in messages:
            continue
        seen.add(name)
        refs = _References()
        refs.visit(messages[name])
        found |= refs.variables
        todo += sorted(refs.messages)
    return found


def test_the_languages_are_the_four_we_ship() -> None:
    assert set(languages()) >= {"en", "es", "ru", "pt"}
    assert languages()[0] == "en"


def test_every_language_has_every_english_message_with_the_same_arguments() -> None:
    english = _messages("en")
    assert len(english) > 300  # the scan reads the catalogue
    for language in languages()[1:]:
        theirs = _messages(language)
        missing = sorted(set(english) - set(theirs))
        assert not missing, f"{language} lacks: {', '.join(missing)}"
        extra = sorted(set(theirs) - set(english))
        assert not extra, f"{language} has keys English lacks: {', '.join(extra)}"
        different = [
            f"{key}: en {sorted(_arguments(english, key))} vs {sorted(_arguments(theirs, key))}"
            for key in english
            if _arguments(english, key) != _arguments(theirs, key)
        ]
        assert not different, f"{language} arguments differ: " + "; ".join(different)


def test_each_language_names_itself() -> None:
    names = {code: texts(code).plain("language-name") for code in languages()}
    assert names["es"] == "Español"
    assert names["ru"] == "Русский"
    assert names["pt"] == "Português (Brasil)"
    assert len(set(names.values())) == len(names)


def test_every_catalogue_language_can_be_stored() -> None:
    from models.vocabulary import LANGUAGES

    assert languages()[0] == "en" and set(languages()) <= set(LANGUAGES)


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
