"""The text catalogue: every user-facing string, looked up by key, in Fluent files.

`bot/locale/<language>/<feature>.ftl` holds one feature's messages (keys start with the
feature's name). Fluent (Mozilla's `fluent.runtime`) was chosen over gettext/Babel catalogues
because its messages carry their own plural and select rules per language (Russian's three
plural forms are written in the Russian file, not in code), need no compile step, and one
message can be a whole HTML paragraph; Babel still formats numbers and plurals underneath.

Messages are HTML for Telegram. Arguments are escaped here, so a user's text can never break
a message; pass `Html(...)` for a fragment that is already HTML (another message, a rendered
list). Whole numbers are shown without grouping ("10000", like ids) unless the message asks
for it with NUMBER().
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"
# The CLDR locale of a catalogue folder where the two differ: "pt" is Brazilian Portuguese;
# English dates read "3 Jan 2027, 15:38" (day first, 24-hour clock), as they always have.
BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "pt": "pt_BR"}


class Html(str):
    """A fragment of HTML that is inserted into a message as it is (not escaped)."""

    __slots__ = ()


def languages() -> tuple[str, ...]:
    """Every language with a catalogue folder, the default first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir())
    return (DEFAULT_LANGUAGE, *(name for name in found if name != DEFAULT_LANGUAGE))


def babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, language))


def english_name(language: str) -> str:
    """The language's name in English ("Spanish", "Portuguese (Brazil)"), for prompts."""
    locale = Locale.parse(language) if language == DEFAULT_LANGUAGE else babel_locale(language)
    return locale.get_display_name("en") or language


def _argument(value: Any) -> Any:
    if isinstance(value, Html):
        return str(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return fluent_number(value, useGrouping=False)
    if isinstance(value, date | datetime):
        return value
    return html.escape(str(value), quote=False)


class MissingText(LookupError):
    """A key with no message in any language of the chain, or a message given wrong args."""


@cache
def _bundle(language: str) -> FluentBundle:
    bundle = FluentBundle([language], use_isolating=False)
    for path in sorted((LOCALE_DIR / language).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


class Texts:
    """The catalogue in one language (falling back to English for a missing message)."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if (LOCALE_DIR / language).is_dir() else DEFAULT_LANGUAGE
        names = dict.fromkeys([self.language, DEFAULT_LANGUAGE])
        self._chain = [_bundle(name) for name in names]
        self._fixed: dict[str, str] = {}  # messages asked for without arguments, formatted

    def has(self, key: str) -> bool:
        return any(bundle.has_message(key) for bundle in self._chain)

    def _format(self, key: str, args: dict[str, Any]) -> str:
        for bundle in self._chain:
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                values = {name: _argument(value) for name, value in args.items()}
                text, errors = bundle.format_pattern(message.value, values)
                if errors:
                    raise MissingText(f"{key}: {errors[0]}")
                return str(text)
        raise MissingText(key)

    def __call__(self, key: str, /, **args: Any) -> str:
        """The message `key` with `args` filled in (escaped unless `Html`)."""
        if args:
            return self._format(key, args)
        text = self._fixed.get(key)
        if text is None:  # the same every time: formatted once (button labels, /help)
            text = self._fixed[key] = self._format(key, args)
        return text

    def html(self, key: str, /, **args: Any) -> Html:
        """The same, marked as HTML, to be put inside another message."""
        return Html(self(key, **args))

    def plain(self, key: str, /, **args: Any) -> str:
        """For places that take no HTML (button labels, alerts, callback answers)."""
        return html.unescape(self(key, **args))

    # ----- dates and numbers, the locale's way (pass the result as an argument) ------------

    @property
    def locale(self) -> Locale:
        return babel_locale(self.language)

    def date(self, value: date | datetime) -> str:
        """ "5 Jan 2025", "5 ene 2025", "5 янв. 2025 г.", "5 de jan. de 2025"."""
        return format_date(value, format="medium", locale=self.locale)

    def datetime(self, value: datetime) -> str:
        """The date and the time of day (24-hour where the locale says so), in `value`'s zone."""
        pattern = str(self.locale.datetime_formats["medium"])
        clock = format_time(value, format="short", locale=self.locale)
        return pattern.replace("{1}", self.date(value)).replace("{0}", clock)

    def number(self, value: float, decimals: int = 1) -> str:
        """A figure with exactly `decimals` decimals, grouped: "7.0", "7,5", "12 345,0"."""
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.locale)


@cache
def texts(language: str | None = None) -> Texts:
    """The shared catalogue of a language (built once per language, then reused)."""
    return Texts(language or DEFAULT_LANGUAGE)


def choose_language(language_code: str | None, known: Mapping[str, object] | None = None) -> str:
    """Our language for a Telegram `language_code` ("pt-br" → "pt"); English when unknown."""
    code = (language_code or "").lower().split("-")[0]
    available = known if known is not None else dict.fromkeys(languages())
    return code if code in available else DEFAULT_LANGUAGE
