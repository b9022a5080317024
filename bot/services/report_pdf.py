"""An interview report as a PDF (fpdf2).

The text is set in Fira Sans (the `fontpkg-fira-sans` package: Latin, Cyrillic, Greek,
Vietnamese), loaded with `importlib.resources`. Characters the font can't draw (CJK, emoji,
symbols) are replaced by close ASCII (dashes, quotes, accents stripped), dropped (emoji) or
shown as "?", so any report renders. Without the font package, the core Helvetica font is used
and the text is reduced to Latin-1 the same way. Markdown markup is reduced to plain text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import resources

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bot.ai.schemas import InterviewReport
from bot.i18n import Texts, texts


@dataclass(frozen=True, slots=True)
class UnicodeFont:
    """A TTF font family shipped in a Python package: `files` maps fpdf2 styles ("", "B", "I")
    to file names in the package's `files/` folder."""

    package: str
    family: str
    files: dict[str, str]


FIRA_SANS = UnicodeFont(
    "fontpkg_fira_sans",
    "Fira Sans",
    {"": "FiraSans-Regular.ttf", "B": "FiraSans-Bold.ttf", "I": "FiraSans-Italic.ttf"},
)
CORE_FAMILY = "Helvetica"

_SUBSTITUTES = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "−": "-",
        "‑": "-",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "…": "...",
        "•": "-",
        "·": "-",
        "→": "->",
        "←": "<-",
        "≥": ">=",
        "≤": "<=",
        "≠": "!=",
        "✓": "v",
        "✔": "v",
        "✗": "x",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": "    ",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
    }
)
_DROPPED_CATEGORIES = {"So", "Sk", "Cs", "Co", "Cn", "Cf", "Mn", "Me"}


def latin1(text: str) -> str:
    """`text` with only characters the core PDF fonts can encode."""
    return drawable(text.translate(_SUBSTITUTES), lambda char: ord(char) < 256)


def drawable(text: str, has: Callable[[str], bool]) -> str:
    """`text` with only characters that `has` (the font can draw them), newlines and no other
    control characters: the rest replaced by close ASCII, stripped of accents, dropped
    (symbols, emoji, marks) or "?"."""
    out: list[str] = []
    for char in text:
        if char == "\n" or (unicodedata.category(char) != "Cc" and has(char)):
            out.append(char)
            continue
        substitute = char.translate(_SUBSTITUTES)
        if substitute != char:
            out.append(substitute)
            continue
        base = "".join(
            c
            for c in unicodedata.normalize("NFKD", char)
            if has(c) and unicodedata.category(c) not in _DROPPED_CATEGORIES
        )
        if base:
            out.append(base)
        elif unicodedata.category(char) not in _DROPPED_CATEGORIES:
            out.append("?")
    return "".join(out)


def plain(markdown: str) -> str:
    """Markdown reduced to readable plain text."""
    text = re.sub(r"```[a-zA-Z0-9_+-]*\n?", "", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\(([^)]*)\)", r"\1 (\2)", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^(\s*)[*+]\s+", r"\1- ", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|~~|`)", "", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)", r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _Report(FPDF):
    text_family = CORE_FAMILY
    texts: Texts = texts()
    fit: Callable[[str], str] = staticmethod(latin1)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.text_family, "I", 8)
        self.set_text_color(120)
        page = self.texts.plain("interviews-report-page", page=self.page_no())
        self.cell(0, 8, self.fit(page), align="C")


def _document(font: UnicodeFont | None) -> tuple[_Report, Callable[[str], str]]:
    """A new report in `font`, with what makes text drawable in it; in the core font when
    `font` is None or its package or a file of it is missing."""
    if font is not None:
        pdf = _Report(format="A4")
        try:
            folder = resources.files(font.package) / "files"
            with ExitStack() as files:
                for style, name in font.files.items():
                    path = files.enter_context(resources.as_file(folder / name))
                    pdf.add_font(font.family, style, fname=path)
        except (ImportError, OSError):
            pass
        else:
            pdf.text_family = font.family
            cmaps = [added.cmap for added in pdf.fonts.values()]

            def has(char: str) -> bool:  # in every style, so none misses a glyph
                return all(ord(char) in cmap for cmap in cmaps)

            return pdf, lambda text: drawable(text, has)
    return _Report(format="A4"), latin1


def report_pdf(
    title: str,
    meta: str,
    report: InterviewReport,
    *,
    t: Texts | None = None,
    font: UnicodeFont | None = FIRA_SANS,
) -> bytes:
    """The report as PDF bytes (a document starting with %PDF), in `font` when it is installed
    (in the core font, Latin-1 only, otherwise); its headings from `t` (English by default)."""
    t = t or texts()
    pdf, fit = _document(font)
    pdf.texts, pdf.fit = t, fit
    pdf.set_title(fit(title))
    pdf.set_creator("Interview Coach")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()

    def block(text: str, size: float, style: str = "", height: float = 6, gap: float = 2) -> None:
        pdf.set_font(pdf.text_family, style, size)
        pdf.multi_cell(0, height, fit(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    block(title, 16, "B", height=8)
    pdf.set_text_color(90)
    block(meta, 10, "I", gap=4)
    pdf.set_text_color(0)
    block(t.plain("interviews-report-overall", rating=report.overall_rating), 13, "B")
    block(plain(report.summary), 11, gap=5)
    for category in report.categories:
        rating = "not measured" if category.rating is None else f"{category.rating}/10"
        block(f"{category.name} - {rating}", 12, "B", height=7, gap=1)
        block(plain(category.text), 11, gap=4)
    if report.questions:
        block("Question by question", 12, "B", height=7, gap=1)
    for number, item in enumerate(report.questions, 1):
        block(f"{number}. {plain(item.question)}", 11, "B", gap=1)
        block(f"Did well: {plain(item.did_well)}", 11, gap=1)
        block(f"Missing: {plain(item.missing)}", 11, gap=1)
        block(f"Model answer: {plain(item.model_answer)}", 11, gap=4)
    return bytes(pdf.output())
