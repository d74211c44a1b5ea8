"""What a search asks for: text, filters, sort and a page, each checked on construction."""

from __future__ import annotations

import base64
import binascii
from enum import StrEnum
from typing import TypeAlias

import msgspec

from revenge.domain.search.errors import InvalidSearch
from revenge.domain.shared.listing import DEFAULT_LIMIT, MAX_LIMIT, MovieSort

MIN_YEAR, MAX_YEAR = 1800, 2200
MAX_TEXT_LENGTH = 200
MAX_GENRES = 20
MAX_OFFSET = 100_000
MAX_SUGGESTIONS = 10


class Relevance(StrEnum):
    """The sort only search has: how well the text matches, then popularity; without
    text it is popularity."""

    RELEVANCE = "relevance"


# The shared movie sorts (`-` means descending), plus relevance.
SearchSort: TypeAlias = Relevance | MovieSort
SEARCH_SORTS: tuple[SearchSort, ...] = (Relevance.RELEVANCE, *MovieSort)


class SearchQuery(msgspec.Struct, frozen=True, kw_only=True):
    """Every condition holds at once; `genres` matches movies having any of them.
    `watched` is about the person searching (None: either). Empty text matches all
    movies, so the filters and facets alone can browse the catalog."""

    text: str = ""
    genres: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    min_rating: float | None = None
    watched: bool | None = None
    sort: SearchSort = Relevance.RELEVANCE
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        _check(len(self.text) <= MAX_TEXT_LENGTH, "q",
               f"q must be at most {MAX_TEXT_LENGTH} characters")
        _check(len(self.genres) <= MAX_GENRES, "genre", f"at most {MAX_GENRES} genres")
        _check(all(g.strip() for g in self.genres), "genre", "genre must not be empty")
        _check_years(self.year_from, self.year_to)
        _check(self.min_rating is None or 0 <= self.min_rating <= 10, "min_rating",
               "min_rating must be between 0 and 10")
        _check(1 <= self.limit <= MAX_LIMIT, "limit", f"limit must be between 1 and {MAX_LIMIT}")
        _check(0 <= self.offset <= MAX_OFFSET, "cursor", "cursor is out of range")

    @property
    def words(self) -> str:
        """The text without surrounding blanks; empty means "everything"."""
        return self.text.strip()

    @property
    def next_offset(self) -> int:
        return self.offset + self.limit


def checked_sort(value: str) -> SearchSort:
    """A sort by its wire value; raises `InvalidSearch` ("sort") for another."""
    for sort in SEARCH_SORTS:
        if sort.value == value:
            return sort
    raise InvalidSearch(f"sort must be one of {', '.join(SEARCH_SORTS)}", field="sort")


def checked_prefix(text: str, limit: int) -> tuple[str, int]:
    """An autocomplete request: non-empty prefix, at most `MAX_SUGGESTIONS`."""
    prefix = text.strip()
    _check(0 < len(prefix) <= MAX_TEXT_LENGTH, "q",
           f"q must be 1 to {MAX_TEXT_LENGTH} characters")
    _check(1 <= limit <= MAX_SUGGESTIONS, "limit",
           f"limit must be between 1 and {MAX_SUGGESTIONS}")
    return prefix, limit


def decade_of(year: int) -> int:
    return year - year % 10


def encode_cursor(offset: int) -> str:
    """The opaque token of the page that starts at `offset`."""
    raw = msgspec.json.encode({"o": offset})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset in a token from `encode_cursor`; raises `InvalidSearch` ("cursor")."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        offset = msgspec.json.decode(raw, type=_Cursor).o
    except (binascii.Error, ValueError, msgspec.DecodeError):
        raise InvalidSearch("cursor is not one this server returned", field="cursor") from None
    _check(0 <= offset <= MAX_OFFSET, "cursor", "cursor is not one this server returned")
    return offset


class _Cursor(msgspec.Struct, frozen=True):
    o: int


def _check_years(year_from: int | None, year_to: int | None) -> None:
    for name, year in (("year_from", year_from), ("year_to", year_to)):
        _check(year is None or MIN_YEAR <= year <= MAX_YEAR, name,
               f"{name} must be between {MIN_YEAR} and {MAX_YEAR}")
    _check(year_from is None or year_to is None or year_from <= year_to, "year_to",
           "year_to must not be before year_from")


def _check(ok: bool, field: str, message: str) -> None:
    if not ok:
        raise InvalidSearch(message, field=field)
