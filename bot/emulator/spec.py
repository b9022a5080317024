"""Checks each Bot API call against the published description (../shared/telegram-bot-api.json).

The path comes from TELEGRAM_BOT_API_SPEC, else `../shared/telegram-bot-api.json` beside the
checkout. Without the file, the emulator's own checks still run and `skipped` says so.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]


def spec_path() -> Path:
    explicit = os.environ.get("TELEGRAM_BOT_API_SPEC")
    return Path(explicit) if explicit else REPO_ROOT.parent / "shared" / "telegram-bot-api.json"


@dataclass(frozen=True)
class MethodSpec:
    name: str
    fields: dict[str, list[str]]  # parameter -> allowed types
    required: frozenset[str]


@dataclass
class BotAPISpec:
    version: str | None
    methods: dict[str, MethodSpec] = field(default_factory=dict)

    @property
    def skipped(self) -> bool:
        return not self.methods

    def check(self, method: str, params: dict[str, Any]) -> list[str]:
        """Problems with a call, in words; empty when it is valid or when there is no spec."""
        if self.skipped:
            return []
        spec = self.methods.get(method.lower())
        if spec is None:
            return [f"unknown method {method!r}"]
        problems = [f"{method}: unknown parameter {p!r}" for p in params if p not in spec.fields]
        problems += [
            f"{method}: missing required parameter {p!r}"
            for p in sorted(spec.required)
            if p not in params
        ]
        for name, value in params.items():
            types = spec.fields.get(name)
            if types and not _type_ok(value, types):
                problems.append(f"{method}: {name!r} should be {' or '.join(types)}")
        return problems


def _type_ok(value: Any, types: list[str]) -> bool:
    checks = {
        "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "String": lambda v: isinstance(v, str),
        "Boolean": lambda v: isinstance(v, bool),
        "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    }
    known = [checks[t] for t in types if t in checks]
    if len(known) != len(types):  # objects, arrays, InputFile: not checked here
        return True
    return any(check(value) for check in known)


@lru_cache(maxsize=4)
def _load(path: str) -> BotAPISpec:
    file = Path(path)
    if not file.is_file():
        log.warning("Bot API description not found at %s: spec checks skipped", file)
        return BotAPISpec(version=None)
    raw = json.loads(file.read_text(encoding="utf-8"))
    methods = {}
    for name, method in raw["methods"].items():
        fields = {f["name"]: list(f.get("types", [])) for f in method.get("fields", [])}
        required = frozenset(f["name"] for f in method.get("fields", []) if f.get("required"))
        methods[name.lower()] = MethodSpec(name=name, fields=fields, required=required)
    return BotAPISpec(version=raw.get("version"), methods=methods)


def load_spec() -> BotAPISpec:
    return _load(str(spec_path()))
