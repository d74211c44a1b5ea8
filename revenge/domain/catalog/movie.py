"""The movie entity: what an admin may set, and the rules those fields obey."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from typing import Any

import msgspec

from revenge.domain.errors import RuleViolation

_ARTICLES = ("the ", "a ", "an ")
_IMDB_ID = re.compile(r"^tt\d{5,10}$")
MIN_YEAR, MAX_YEAR = 1800, 2200

# Fields a person may set (create, edit) and a metadata refresh may overwrite.
EDITABLE_FIELDS = (
    "title", "original_title", "year", "release_date", "runtime_minutes", "overview",
    "tagline", "content_rating", "tmdb_id", "imdb_id", "poster_path", "backdrop_path",
    "logo_path", "vote_average", "vote_count", "popularity",
)


class MovieFields(msgspec.Struct, frozen=True, kw_only=True):
    """Everything about a movie that comes from people or metadata, not from us."""

    title: str
    original_title: str | None = None
    year: int | None = None
    release_date: date | None = None
    runtime_minutes: int | None = None
    overview: str | None = None
    tagline: str | None = None
    content_rating: str | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    logo_path: str | None = None
    vote_average: float | None = None
    vote_count: int = 0
    popularity: float | None = None


class Movie(MovieFields, frozen=True, kw_only=True):
    id: str
    sort_title: str
    missing: bool = False
    locked_fields: frozenset[str] = frozenset()
    added_at: datetime
    updated_at: datetime


class MoviePatch(msgspec.Struct, frozen=True, kw_only=True):
    """A partial edit: only the fields that are set change (None clears a field)."""

    changes: dict[str, Any]


def sort_title_of(title: str) -> str:
    """Case- and accent-insensitive, with a leading English article dropped, so
    "The Matrix" sorts with M and "Amélie" with A."""
    if title.isascii():  # most titles; NFKD and casefold change nothing more in ASCII
        folded = title.lower().strip()
    else:
        folded = "".join(c for c in unicodedata.normalize("NFKD", title)
                         if not unicodedata.combining(c)).casefold().strip()
    folded = folded.lstrip("\"'([¡¿.…-_ ")
    for article in _ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article):].lstrip()
    return folded


def new_movie(movie_id: str, fields: MovieFields, now: datetime) -> Movie:
    """A movie added by a person or a scan; its fields are validated first."""
    checked = validated(fields)
    return Movie(id=movie_id, sort_title=sort_title_of(checked.title), added_at=now,
                 updated_at=now, **msgspec.structs.asdict(checked))


def edited(movie: Movie, patch: MoviePatch, now: datetime) -> Movie:
    """An admin's edit: the changed fields are locked against metadata refreshes."""
    return _apply(movie, patch.changes, now, locked=movie.locked_fields | patch.changes.keys())


def refreshed(movie: Movie, fields: MovieFields, now: datetime) -> Movie:
    """A metadata refresh: every field except those an admin locked takes the new value."""
    incoming = msgspec.structs.asdict(fields)
    changes = {k: v for k, v in incoming.items() if k not in movie.locked_fields}
    return _apply(movie, changes, now, locked=movie.locked_fields)


def _apply(movie: Movie, changes: dict[str, Any], now: datetime,
           locked: frozenset[str] | set[str]) -> Movie:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise RuleViolation(f"{name} cannot be edited", field=name)
    current = {k: getattr(movie, k) for k in EDITABLE_FIELDS}
    checked = validated(_typed({**current, **changes}))
    return msgspec.structs.replace(
        movie, **msgspec.structs.asdict(checked), sort_title=sort_title_of(checked.title),
        locked_fields=frozenset(locked), updated_at=now)


def _typed(values: dict[str, Any]) -> MovieFields:
    try:
        return msgspec.convert(values, MovieFields, from_attributes=True)
    except msgspec.ValidationError as exc:
        field = str(exc).rpartition("$.")[2].strip("`") or None
        raise RuleViolation(str(exc).split(" - at ")[0], field=field) from None


def validated(fields: MovieFields) -> MovieFields:
    """The same fields with the title trimmed; raises `RuleViolation` naming the field."""
    title = (fields.title or "").strip()
    _require(bool(title), "title", "title must not be empty")
    _check_ranges(fields)
    _require(fields.imdb_id is None or bool(_IMDB_ID.match(fields.imdb_id)), "imdb_id",
             "imdb_id must look like tt0133093")
    return fields if title == fields.title else msgspec.structs.replace(fields, title=title)


# Formatted once: a scan validates every movie it creates.
_YEAR_RANGE = f"year must be between {MIN_YEAR} and {MAX_YEAR}"


def _check_ranges(fields: MovieFields) -> None:
    _require(fields.year is None or MIN_YEAR <= fields.year <= MAX_YEAR, "year", _YEAR_RANGE)
    _require(fields.runtime_minutes is None or fields.runtime_minutes >= 0, "runtime_minutes",
             "runtime_minutes must not be negative")
    _require(fields.tmdb_id is None or fields.tmdb_id > 0, "tmdb_id", "tmdb_id must be positive")
    _require(_within(fields.vote_average, 0, 10), "vote_average",
             "vote_average must be between 0 and 10")
    _require(fields.vote_count >= 0, "vote_count", "vote_count must not be negative")
    _require(_within(fields.popularity, 0, math.inf), "popularity",
             "popularity must not be negative")


def _within(value: float | None, low: float, high: float) -> bool:
    return value is None or (math.isfinite(value) and low <= value <= high)


def _require(ok: bool, field: str, message: str) -> None:
    if not ok:
        raise RuleViolation(message, field=field)
