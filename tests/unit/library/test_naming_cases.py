"""Every real-world case in `naming_cases/` through the parser, known failures marked.

A case passes when the title matches after the normalisation the shared `score.py`
uses (case, punctuation, "&"/"and", dotted initials) - the expected title or one of
its `alt_titles` - and, where the source states it, the year matches exactly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from revenge.domain.library.naming import parse

CASES_DIR = Path(__file__).parent / "naming_cases"

_DASH_KEPT = "we keep a subtitle after ' - ' (Radarr, Jellyfin and PTN expect it); guessit cuts it"
_LANGUAGE_BEFORE_YEAR = (
    "a language other than English just before the year is a dubbed release's tag"
    " ('Der.Film.German.2011.PAL'), unless a language follows the year"
)
_BROADCASTER = (
    "a leading broadcaster is dropped ('BBC.The.Hunt', 'Netflix Originals -'), 'BBC Earth' too;"
    " guessit keeps 'BBC Earth South Pacific' whole"
)
_ROMAN_PART = (
    "'Part' and a Roman numeral before any year names a sequel ('Back to the Future Part "
    "II'); guessit reads it as the file's part, which would match the first film"
)
_SERIES_WORD = (
    "a box of films is named by their title ('Taxi Collection (1998-2018)' -> 'Taxi', as"
    " oleoo's 50-odd boxes and our year-range rule say); guessit and PTN keep the word"
)

# Inputs the parser gets wrong, with why: test data, not parser logic.
KNOWN_FAILURES: dict[str, str] = {
    "Queen - A Kind of Magic (Alternative Extended Version) 2CD 2014": _DASH_KEPT,
    "Paparazzi - Timsit/Lindon (MKV 1080p tvripHD)": _DASH_KEPT,
    "Star Wars: Episode IV - A New Hope (2004) Special Edition.MKV": _DASH_KEPT,
    "Justin Timberlake - MTV Video Music Awards 2013 1080i 32 Mbps DTS-HD 5.1.ts": _DASH_KEPT,
    "French Maid Services - Lola At Your Service WEB-DL SPLIT SCENES MP4-RARBG": _DASH_KEPT,
    "The Deep Blue Sea - Drama 2011 Eng Rus Multi-Subs 720p [H264-mp4]": (
        "a genre after ' - ' is kept: genres are title words too ('Romantic Comedy 2019')"
    ),
    "OSS_117--Cairo,_Nest_of_Spies.mkv": "guessit reads '--' as a cut; we keep the subtitle",
    "Foobar Part VI.mkv": _ROMAN_PART,
    "The Godfather Part III.mkv": _ROMAN_PART,
    "Le Seigneur des Anneaux - La Communauté de l'Anneau - Version Longue - BDRip.mkv": (
        "guessit cuts 'Title - Subtitle - ' to its first piece; the subtitle names the film "
        "(the matcher tries each piece), so a dash the tags cut off is no third piece"
    ),
    "Immersion.French.2011.STV.READNFO.QC.NTSC.DVDR.nfo": _LANGUAGE_BEFORE_YEAR,
    "The.Good.German.2006.720p.BluRay.x264-RlsGrp": _LANGUAGE_BEFORE_YEAR,
    "BBC.Earth.South.Pacific.2010.D2.1080p.24p.BD25.DTS-HD": _BROADCASTER,
    "Mother [Madre] (2016) BluRay - 720p - [Tamil + Hindi + Spanish] - 950MB - ESub - TamilMV": (
        "square brackets after a title hold release information, so they end it"
    ),
    "Kampen Om Tungtvannet aka The Heavy Water War COMPLETE 720p x265 HEVC-Lund": (
        "'A AKA B' gives A as the title and both as alternative titles (rls, Radarr); "
        "guessit keeps the whole"
    ),
    "[06] Documentry -BBC - The Ottomans: Europe's Muslim Emperors (2013) eng.ara sub [Etcohod]": (
        "genre and channel words before the title; no general rule tells them apart"
    ),
    "Underworld Quadrilogie VO+VFF+VFQ 1080p HDlight.x264~Tonyk~Monde Infernal": _SERIES_WORD,
    "[BDremux] One Piece Movies Collection": _SERIES_WORD,
}

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")


def norm_title(title: object) -> str:
    """The shared scorer's normalisation: casefold, '&' -> 'and', no punctuation,
    runs of single letters joined (R.I.P.D. == RIPD)."""
    if title is None:
        return ""
    text = unicodedata.normalize("NFKC", str(title)).casefold().replace("&", " and ")
    words, run = [], []
    for token in _NON_WORD.sub(" ", _APOSTROPHES.sub("", text)).split():
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        words += ["".join(run)] if run else []
        run = []
        words.append(token)
    words += ["".join(run)] if run else []
    return " ".join(words)


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cases.append(json.loads(line) | {"file": path.name})
    return cases


def passes(case: dict[str, Any]) -> bool:
    parsed = parse(case["input"])
    got = norm_title(parsed.title)
    title_ok = bool(got) and got in map(norm_title, [case["title"], *case.get("alt_titles", [])])
    return title_ok and (not case["year_stated"] or parsed.year == case["year"])


CASES = load_cases()


def _param(case: dict[str, Any]) -> Any:
    reason = KNOWN_FAILURES.get(case["input"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=f"{case['file']}:{case['input']}", marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_case_gives_the_expected_title_and_year(case: dict[str, Any]) -> None:
    parsed = parse(case["input"])
    want = f"{case['title']!r} ({case['year'] if case['year_stated'] else '-'})"
    assert passes(case), f"got {parsed.title!r} ({parsed.year}), want {want}"


def test_at_least_95_percent_of_all_cases_pass() -> None:
    rate = sum(map(passes, CASES)) / len(CASES)
    assert rate >= 0.95, f"pass rate {rate:.1%}"


def test_every_known_failure_is_a_real_case() -> None:
    inputs = {case["input"] for case in CASES}
    assert set(KNOWN_FAILURES) <= inputs
