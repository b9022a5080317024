"""An interview report as a PDF (fpdf2, core Helvetica font: Latin-1 text only).

Characters Latin-1 can't hold are replaced by close ASCII (dashes, quotes, accents stripped)
or dropped (emoji), so any report renders; Markdown markup is reduced to plain text.
"""

from __future__ import annotations

import re
import unicodedata

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bot.ai.schemas import InterviewReport

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
    out: list[str] = []
    for char in text.translate(_SUBSTITUTES):
        if char == "\n" or (ord(char) < 256 and unicodedata.category(char) != "Cc"):
            out.append(char)
            continue
        base = "".join(
            c
            for c in unicodedata.normalize("NFKD", char)
            if ord(c) < 256 and unicodedata.category(c) not in _DROPPED_CATEGORIES
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
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(120)
        self.cell(0, 8, f"Interview Coach - page {self.page_no()}", align="C")


def report_pdf(title: str, meta: str, report: InterviewReport) -> bytes:
    """The report as PDF bytes (a document starting with %PDF)."""
    pdf = _Report(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_creator("Interview Coach")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()

    def block(text: str, size: float, style: str = "", height: float = 6, gap: float = 2) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(0, height, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    block(title, 16, "B", height=8)
    pdf.set_text_color(90)
    block(meta, 10, "I", gap=4)
    pdf.set_text_color(0)
    block(f"Overall rating: {report.overall_rating}/10", 13, "B")
    block(plain(report.summary), 11, gap=5)
    for category in report.categories:
        block(f"{category.name} - {category.rating}/10", 12, "B", height=7, gap=1)
        block(plain(category.text), 11, gap=4)
    return bytes(pdf.output())
