"""Titles that hold words our tags use ("The French Connection", "Uncut Gems", "Proof",
"The Interview", "Max Payne") or punctuation ("L.A. Confidential", "Birdman or (The
Unexpected Virtue of Ignorance)"), written the ways libraries and releases write them.

The films are real (tag_word_titles.txt, punctuated_titles.txt, foreign_titles.txt:
titles in other tongues hold their articles and "Die"); the layouts are common
ones. The count of names read wrongly (title, year or kind) per layout is a ceiling that
only ever falls.
What is left today is ambiguous without knowing the film: "Sadako 3D" (the 3D release
of "Sadako"?), "The Darjeeling Limited", "Sample.People.2000" (a scene sample's way of
writing "sample-" before a name), and titles that are nothing
but a tag ("HD.1080p.BluRay", "Screener.mkv") where no year marks where the title ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from revenge.domain.library.naming import parse
from tests.unit.library.test_naming_cases import norm_title

pytestmark = pytest.mark.unit

FILMS = [(title, int(year)) for title, _, year in (
    line.rpartition("|") for listing in (
        "tag_word_titles.txt", "punctuated_titles.txt", "foreign_titles.txt")
    for line in (Path(__file__).parent / listing).read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#"))]

# layout: (how the name is written, whether the year is in it)
LAYOUTS = {
    "library": ("{title} ({year}).mkv", True),
    "library with quality": ("{title} ({year}) - 1080p.mkv", True),
    "scene": ("{dotted}.{year}.1080p.BluRay.x264-GRP.mkv", True),
    "scene without resolution": ("{dotted}.{year}.BluRay.x264-GRP", True),
    "spaces": ("{title} {year} 1080p WEB-DL DD5.1 H264-GRP.mkv", True),
    "brackets": ("{title} ({year}) [1080p] [BluRay] [YTS.MX]", True),
    "small letters": ("{lower}.{year}.720p.bluray.x264-grp.mkv", True),
    "capitals": ("{upper}.{year}.720P.BLURAY.X264-GRP", True),
    "no year": ("{dotted}.1080p.BluRay.x264-GRP.mkv", False),
    "title alone": ("{title}.mkv", False),
}
CEILINGS = {
    "library": 2, "library with quality": 2, "scene": 2, "scene without resolution": 2,
    "spaces": 2, "brackets": 2, "small letters": 2, "capitals": 2, "no year": 11,
    "title alone": 11,
}


def _name(layout: str, title: str, year: int) -> str:
    dotted = title.replace(": ", ".").replace(" ", ".")
    return layout.format(title=title, year=year, dotted=dotted, lower=dotted.lower(),
                         upper=dotted.upper())


def test_the_films_are_listed() -> None:
    assert len(FILMS) > 250 and all(1900 < year < 2030 for _, year in FILMS)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_title_holding_tag_words_reads_whole(layout: str) -> None:
    pattern, with_year = LAYOUTS[layout]
    wrong = []
    for title, year in FILMS:
        name = _name(pattern, title, year)
        parsed = parse(name)
        if (norm_title(parsed.title) != norm_title(title) or parsed.kind != "movie"
                or parsed.year != (year if with_year else None)):
            wrong.append(f"{name} -> {parsed.title!r} {parsed.year} {parsed.kind}")
    print(f"\n{layout}: {len(wrong)} of {len(FILMS)} read wrongly")
    assert len(wrong) <= CEILINGS[layout], wrong
