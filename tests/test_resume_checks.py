"""The offline coach's ATS checks on concrete resumes (`bot.ai.offline.resume_checks`): section
headings, dates, layout and bullets, length. Each check is shown passing and failing, with the
exact feedback item it gives and which way it moves the ATS score."""

from __future__ import annotations

import pytest

from bot.ai.offline.resume_checks import Finding, ats_findings, headings, score_from

CONTACT = "Ada Lovelace\nada@example.com | +44 20 7946 0958 | linkedin.com/in/ada"
SUMMARY = "Summary\nBackend engineer with 8 years of Python and Go services."
EDUCATION = "Education\nBSc Computer Science, University of Leeds, Sep 2012 – Jun 2016"
SKILLS = "Skills\nPython, Go, PostgreSQL, Redis, Docker, Kubernetes, AWS"


def achievements(count: int, marker: str = "-") -> list[str]:
    """Bullet lines of ten words each."""
    return [
        f"{marker} Built service {i} serving {i + 2} thousand requests with Python"
        for i in range(count)
    ]


def experience(bullets: list[str]) -> str:
    return "\n".join(
        [
            "Experience",
            "Acme Payments, Senior Backend Engineer, Jan 2020 – Present",
            *bullets[: len(bullets) // 2],
            "Beta Corp, Backend Engineer, Mar 2016 – Dec 2019",
            *bullets[len(bullets) // 2 :],
        ]
    )


def resume(
    *,
    bullets: list[str] | None = None,
    sections: tuple[str, ...] = (SUMMARY, "EXPERIENCE", EDUCATION, SKILLS),
    extra: str = "",
) -> str:
    """A resume that passes every ATS check unless told otherwise (about 400 words)."""
    body = experience(achievements(36) if bullets is None else bullets)
    parts = [CONTACT, *(body if s == "EXPERIENCE" else s for s in sections)]
    return "\n\n".join([*parts, extra] if extra else parts)


def named(text: str, name: str) -> list[tuple[str, str]]:
    return [(f.type, f.message) for f in ats_findings(text) if f.name == name]


def ats_score(text: str) -> int:
    return score_from(ats_findings(text))


GOOD = resume()


def test_the_good_resume_passes_every_check() -> None:
    findings = ats_findings(GOOD)
    assert [f for f in findings if f.type != "strength"] == []
    assert {f.name for f in findings} == {"Sections", "Email", "Length", "Dates"}
    assert ats_score(GOOD) == 10


# ----- section headings ---------------------------------------------------------------------


def test_headings_are_standard_names_on_a_line_of_their_own() -> None:
    text = "\n".join(
        [
            "WORK EXPERIENCE",
            "Education & Training",
            "Technical Skills: Python, Go",  # a heading with its content on the same line
            "  Profile  ",
            "Licenses and Certifications",
        ]
    )
    assert headings(text) == {"Experience", "Education", "Skills", "Summary", "Certifications"}


def test_section_words_inside_sentences_are_not_headings() -> None:
    text = "\n".join(
        [
            "Experience with Django and PostgreSQL at scale for five years",
            "My education was in physics",
            "Skills and tools used every single day at work",
            "Projects of mine",
        ]
    )
    assert headings(text) == set()


def test_every_section_present_is_a_strength() -> None:
    assert named(GOOD, "Sections") == [
        ("strength", "Standard headings found: Experience, Education, Skills, Summary.")
    ]
    for name in ("Experience section", "Education section", "Skills section", "Summary section"):
        assert named(GOOD, name) == []


def test_missing_required_sections_are_major_and_summary_minor() -> None:
    text = resume(sections=("EXPERIENCE",))
    assert named(text, "Sections") == [("strength", "Standard headings found: Experience.")]
    assert named(text, "Experience section") == []
    for name in ("Education", "Skills"):
        assert named(text, f"{name} section") == [
            (
                "major-improvement",
                f"No “{name}” heading found. ATS parsers look for standard section names; "
                f"add a line that just says “{name}”.",
            )
        ]
    assert named(text, "Summary section") == [
        (
            "minor-improvement",
            "Add a 2-3 line “Summary” at the top that names your role and core stack.",
        )
    ]
    assert ats_score(text) == 10 - 3 - 3 - 1


def test_skills_listed_without_a_heading_count_as_missing() -> None:
    text = resume(sections=(SUMMARY, "EXPERIENCE", EDUCATION), extra="I know Python, Go and SQL.")
    assert named(text, "Skills section")[0][0] == "major-improvement"
    assert ats_score(text) == ats_score(GOOD) - 3


def test_no_headings_at_all() -> None:
    text = "Ada Lovelace\nada@example.com\n" + "\n".join(achievements(5))
    assert named(text, "Sections") == []
    missing = [f.name for f in ats_findings(text) if f.name.endswith(" section")]
    required = ["Experience section", "Education section", "Skills section"]
    assert missing == [*required, "Summary section"]


# ----- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dates",
    [
        "Jan 2020 – Present; Mar 2016 – Dec 2019",
        "January 2020 – Present; Sept. 2016 – December 2019",
        "01/2020 – present; 03/2016 – 12/2019",
        "2020-01 – present; 2016-03 – 2019-12",
        "2020 – present; 2016 – 2019",  # years alone are dates too
    ],
)
def test_one_date_format_is_a_strength(dates: str) -> None:
    assert named(f"Experience\n{dates}", "Dates") == [
        ("strength", "Dates are present in a consistent format.")
    ]
    assert named(f"Experience\n{dates}", "Date format") == []


def test_no_dates_is_major() -> None:
    text = resume(
        sections=(SUMMARY, "Experience\nAcme Payments, Senior Backend Engineer", SKILLS),
        extra="Education\nBSc Computer Science, University of Leeds",
    )
    assert named(text, "Dates") == [
        ("major-improvement", "No dates found. Give each role and degree a start and end date.")
    ]
    assert named(text, "Date format") == []
    with_dates = text.replace("Senior Backend Engineer", "Senior Backend Engineer, 2016 – 2019")
    assert ats_score(text) == ats_score(with_dates) - 3


@pytest.mark.parametrize(
    ("dates", "formats"),
    [
        ("Jan 2020 – Present; 03/2016 – 12/2019", "Month YYYY, MM/YYYY"),
        ("2020-01 – present; March 2016 – Dec 2019", "Month YYYY, YYYY-MM"),
        ("2020-01 – now; 3.2016 – 12.2019; Jan 2015", "Month YYYY, MM/YYYY, YYYY-MM"),
    ],
)
def test_mixed_date_formats_are_named(dates: str, formats: str) -> None:
    text = GOOD.replace("Mar 2016 – Dec 2019", dates)
    assert named(text, "Date format") == [
        (
            "minor-improvement",
            f"Dates mix formats ({formats}); pick one and use it everywhere.",
        )
    ]
    assert named(text, "Dates") == []
    assert ats_score(text) == ats_score(GOOD) - 1


# ----- layout and bullets ---------------------------------------------------------------------


def test_one_bullet_style_gives_no_layout_finding() -> None:
    for marker in ("-", "•", "*", "▪"):
        text = resume(bullets=achievements(36, marker))
        assert [f for f in ats_findings(text) if f.type != "strength"] == [], marker


def test_mixed_bullet_markers_are_listed() -> None:
    bullets = achievements(30, "-") + achievements(3, "•") + achievements(3, "*")
    text = resume(bullets=bullets)
    assert named(text, "Bullet style") == [
        (
            "minor-improvement",
            "Bullets use several markers (* - •); use one style throughout.",
        )
    ]
    assert ats_score(text) == ats_score(GOOD) - 1


def test_no_bullets_in_a_long_resume_is_minor_but_a_short_one_is_not_asked() -> None:
    long = resume(bullets=[line.removeprefix("- ") for line in achievements(36)])
    assert len(long.split()) > 200
    assert named(long, "Bullets") == [
        (
            "minor-improvement",
            "No bullet points found; list achievements as short bullets under each role.",
        )
    ]
    assert ats_score(long) == ats_score(GOOD) - 1
    short = resume(bullets=[line.removeprefix("- ") for line in achievements(10)])
    assert len(short.split()) <= 200
    assert named(short, "Bullets") == []


def test_a_table_layout_is_major_but_a_contact_line_is_not() -> None:
    rows = [
        "| Skill | Years | Level |",
        "| Python | 8 | Expert |",
        "| Go | 3 | Advanced |",
    ]
    table = resume(extra="\n".join(rows))
    assert named(table, "Tables") == [
        (
            "major-improvement",
            "Looks like a table or column layout (| or tab separators); many ATS read "
            "tables out of order. Use a single-column layout.",
        )
    ]
    assert ats_score(table) == ats_score(GOOD) - 3
    columns = resume(extra="Python\t8 years\tExpert\nGo\t3 years\tAdvanced\nSQL\t8 years\tExpert")
    assert named(columns, "Tables")[0][0] == "major-improvement"
    two_rows = resume(extra="\n".join(rows[:2]))  # fewer than three: a header, not a table
    assert named(two_rows, "Tables") == []
    assert "|" in CONTACT and named(GOOD, "Tables") == []


def test_icons_and_box_drawing_are_flagged() -> None:
    text = GOOD.replace("Ada Lovelace", "📞 Ada Lovelace ─── ✉️")
    assert named(text, "Special characters") == [
        (
            "minor-improvement",
            "Found 2 unusual characters such as icons or box drawing; ATS may garble them. "
            "Use plain text.",
        )
    ]
    assert ats_score(text) == ats_score(GOOD) - 1
    accented = GOOD.replace("Ada Lovelace", "Zoë Müller – Café €")
    assert named(accented, "Special characters") == []


# ----- length -------------------------------------------------------------------------------


def words(count: int) -> str:
    """A resume text of exactly `count` words, dated and with one email."""
    head = ["Experience", "ada@example.com", "2016", "–", "2019"]
    return " ".join(head + ["word"] * (count - len(head)))


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (60, ("major-improvement", "Only 60 words — too thin to show your experience. "
              "Aim for 400-900 words.")),
        (149, ("major-improvement", "Only 149 words — too thin to show your experience. "
               "Aim for 400-900 words.")),
        (150, ("minor-improvement", "150 words is short; aim for 400-900.")),
        (299, ("minor-improvement", "299 words is short; aim for 400-900.")),
        (300, ("strength", "300 words (about 1 page) is a good length.")),
        (800, ("strength", "800 words (about 2 pages) is a good length.")),
        (1200, ("strength", "1200 words (about 2 pages) is a good length.")),
        (1301, ("minor-improvement", "About 1301 words (~3 pages). Keep to 1-2 pages: cut older "
                "or less relevant roles.")),
        (2600, ("minor-improvement", "About 2600 words (~5 pages). Keep to 1-2 pages: cut older "
                "or less relevant roles.")),
    ],
)  # fmt: skip
def test_length_bands(count: int, expected: tuple[str, str]) -> None:
    text = words(count)
    assert len(text.split()) == count
    assert named(text, "Length") == [expected]


def test_length_band_edges() -> None:
    assert named(words(1300), "Length")[0][0] == "strength"
    assert named(words(1301), "Length")[0][0] == "minor-improvement"


def test_length_moves_the_score_the_right_way() -> None:
    def length_score(count: int) -> int:
        return score_from([Finding(t, "Length", m) for t, m in named(words(count), "Length")])

    assert length_score(100) < length_score(200) < length_score(500)
    assert length_score(500) > length_score(2000)
    assert length_score(2000) == length_score(200)  # too long costs as much as a bit short
    thin = resume(bullets=achievements(4))
    assert len(thin.split()) < 150
    assert named(thin, "Length")[0][0] == "major-improvement"
    assert ats_score(thin) == ats_score(GOOD) - 3
