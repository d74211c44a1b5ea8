"""The movie collection: its schema (versioned), and documents in Typesense's shape.

Collections are named `<alias>_v<SCHEMA_VERSION>_<nanoseconds>` and served under the
alias; bump SCHEMA_VERSION when the fields change, and reconciliation rebuilds.
"""

from __future__ import annotations

from typing import Any

from revenge.application.search.read_models import MovieDocument
from revenge.domain.search.query import decade_of

SCHEMA_VERSION = 1
NO_VALUE = -1  # sort key of a missing year, rating, runtime or popularity (lowest, as in
# the catalog's lists); the facet fields themselves stay missing, so they are not counted.

SEARCHED_FIELDS = ("title", "original_title", "cast", "directors", "collection", "overview")
SEARCH_WEIGHTS = (10, 6, 3, 3, 2, 1)
HIT_FIELDS = ("id", "title", "original_title", "year", "genres", "rating", "runtime_minutes",
              "poster_path", "poster_blurhash")


def _field(name: str, kind: str, **options: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, **options}


FIELDS = [
    _field("movie_id", "string"),
    _field("title", "string"),
    _field("original_title", "string", optional=True),
    _field("sort_title", "string", sort=True),
    _field("overview", "string", optional=True),
    _field("cast", "string[]"),
    _field("directors", "string[]"),
    _field("collection", "string", optional=True),
    _field("genres", "string[]", facet=True),
    _field("year", "int32", facet=True, optional=True),
    _field("decade", "int32", facet=True, optional=True),
    _field("rating", "float", optional=True),
    _field("runtime_minutes", "int32", optional=True, index=False),
    _field("poster_path", "string", optional=True, index=False),
    _field("poster_blurhash", "string", optional=True, index=False),
    _field("year_key", "int32"),
    _field("rating_key", "float"),
    _field("runtime_key", "int32"),
    _field("popularity_key", "float"),
    _field("added_at", "int64"),
    _field("version", "int64"),
]


def collection_schema(name: str) -> dict[str, Any]:
    return {"name": name, "fields": FIELDS}


def collection_prefix(alias: str) -> str:
    return f"{alias}_v"


def collection_name(alias: str, stamp_ns: int) -> str:
    return f"{collection_prefix(alias)}{SCHEMA_VERSION}_{stamp_ns}"


def is_current(alias: str, collection: str) -> bool:
    return collection.startswith(f"{collection_prefix(alias)}{SCHEMA_VERSION}_")


def to_document(movie: MovieDocument) -> dict[str, Any]:
    document = {
        "id": movie.id, "movie_id": movie.id, "title": movie.title,
        "original_title": movie.original_title, "sort_title": movie.sort_title,
        "overview": movie.overview, "cast": list(movie.cast),
        "directors": list(movie.directors), "collection": movie.collection,
        "genres": list(movie.genres), "year": movie.year,
        "decade": None if movie.year is None else decade_of(movie.year),
        "rating": movie.rating, "runtime_minutes": movie.runtime_minutes,
        "poster_path": movie.poster_path, "poster_blurhash": movie.poster_blurhash,
        **_sort_keys(movie), "version": movie.version,
    }
    # Optional fields are left out rather than sent as null (0.24 rejects nulls).
    return {key: value for key, value in document.items() if value is not None}


def _sort_keys(movie: MovieDocument) -> dict[str, Any]:
    return {
        "year_key": NO_VALUE if movie.year is None else movie.year,
        "rating_key": NO_VALUE if movie.rating is None else movie.rating,
        "runtime_key": NO_VALUE if movie.runtime_minutes is None else movie.runtime_minutes,
        "popularity_key": NO_VALUE if movie.popularity is None else movie.popularity,
        "added_at": int(movie.added_at.timestamp() * 1_000_000),
    }
