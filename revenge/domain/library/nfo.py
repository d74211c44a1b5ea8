"""Kodi-style .nfo files: the ids and titles they give win over what a name parses to.

Read with a few patterns rather than an XML parser: real .nfo files are often not
well-formed (a trailing IMDb URL after `</movie>`, stray `&`), and some hold only a URL.
"""

from __future__ import annotations

import html
import re

import msgspec

_TAG = r"<{0}(?:\s[^>]*)?>\s*([^<]*?)\s*</{0}>"
_TITLE = re.compile(_TAG.format("title"), re.I)
_ORIGINAL = re.compile(_TAG.format("originaltitle"), re.I)
_YEAR = re.compile(_TAG.format("year"), re.I)
_PREMIERED = re.compile(r"<(?:premiered|releasedate)>\s*(\d{4})-", re.I | re.ASCII)
_UNIQUE_ID = re.compile(r"<uniqueid\b([^>]*)>\s*([^<]+?)\s*</uniqueid>", re.I)
_ID_TYPE = re.compile(r"""type\s*=\s*["']?(\w+)""", re.I)
_TMDB_TAG = re.compile(_TAG.format("tmdbid"), re.I)
_IMDB_TAG = re.compile(_TAG.format("imdbid"), re.I)
_ID_TAG = re.compile(_TAG.format("id"), re.I)
_TMDB_URL = re.compile(r"themoviedb\.org/movie/(\d+)", re.I | re.ASCII)
_IMDB = re.compile(r"\b(tt\d{5,10})\b", re.ASCII)
_MOVIE_ROOT = re.compile(r"<movie[\s>]", re.I)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")  # a NUL would fail the scan's write


class NfoInfo(msgspec.Struct, frozen=True, kw_only=True):
    title: str | None = None
    original_title: str | None = None
    year: int | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None

    @property
    def empty(self) -> bool:
        return self == NfoInfo()


def parse_nfo(text: str) -> NfoInfo:
    """What a movie .nfo says; an empty `NfoInfo` for anything else (a TV show's)."""
    ids = _unique_ids(text)
    is_movie = bool(_MOVIE_ROOT.search(text))
    return NfoInfo(
        title=_text(_TITLE, text) if is_movie else None,
        original_title=_text(_ORIGINAL, text) if is_movie else None,
        year=_year(text) if is_movie else None,
        tmdb_id=_tmdb_id(text, ids, is_movie),
        imdb_id=_imdb_id(text, ids),
    )


def _text(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    value = _CONTROL.sub(" ", html.unescape(match.group(1))).strip() if match else ""
    return value or None


MAX_TMDB_ID = 2**31 - 1  # the catalog stores TMDb ids as 32-bit integers


def _number(raw: str | None, low: int, high: int) -> int | None:
    """ASCII digits within [low, high]; anything else (a "²", a 5,000-digit id) is no
    number at all, so a strange .nfo never fails a scan."""
    if not raw or not (raw.isascii() and raw.isdigit()) or len(raw.lstrip("0")) > 10:
        return None
    value = int(raw)
    return value if low <= value <= high else None


def _year(text: str) -> int | None:
    raw = _text(_YEAR, text) or (m.group(1) if (m := _PREMIERED.search(text)) else None)
    return _number(raw, 1800, 2200)


def _unique_ids(text: str) -> dict[str, str]:
    ids: dict[str, str] = {}
    for match in _UNIQUE_ID.finditer(text):
        kind = _ID_TYPE.search(match.group(1))
        if kind:
            ids.setdefault(kind.group(1).lower(), match.group(2))
    return ids


def _tmdb_id(text: str, ids: dict[str, str], is_movie: bool) -> int | None:
    url = _TMDB_URL.search(text)
    tag = _text(_TMDB_TAG, text) if is_movie else None
    for raw in (ids.get("tmdb"), tag, url.group(1) if url else None):
        if (number := _number(raw, 1, MAX_TMDB_ID)) is not None:
            return number
    return None


def _imdb_id(text: str, ids: dict[str, str]) -> str | None:
    for raw in (ids.get("imdb"), _text(_IMDB_TAG, text), _text(_ID_TAG, text)):
        if raw and _IMDB.fullmatch(raw):
            return raw
    match = _IMDB.search(text)
    return match.group(1) if match else None
