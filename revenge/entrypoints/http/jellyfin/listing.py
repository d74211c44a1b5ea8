"""A Jellyfin item query as our movie list query: types, sort, filters, position."""

from __future__ import annotations

from revenge.domain.catalog.errors import InvalidQuery
from revenge.domain.catalog.listing import (
    MAX_LIMIT,
    MovieFilter,
    MovieListQuery,
    MovieSort,
    PageRequest,
)
from revenge.entrypoints.http.jellyfin.query import Query

MOVIE_TYPES = frozenset({"movie", "video"})
# Jellyfin's ItemSortBy names (lower case) -> our order; the first one we know wins.
SORTS: dict[str, MovieSort] = {
    "sortname": MovieSort.TITLE, "name": MovieSort.TITLE,
    "productionyear": MovieSort.YEAR, "premieredate": MovieSort.YEAR,
    "datecreated": MovieSort.ADDED, "communityrating": MovieSort.RATING,
    "criticrating": MovieSort.RATING, "runtime": MovieSort.RUNTIME,
    "random": MovieSort.POPULARITY,  # no random order here: by popularity
}
DEFAULT_LIMIT = 100


def wants_movies(query: Query) -> bool:
    """False when the app asks only for kinds we do not have (series, episodes…)."""
    included = query.lowered("IncludeItemTypes")
    excluded = query.lowered("ExcludeItemTypes")
    return (not included or bool(included & MOVIE_TYPES)) and "movie" not in excluded


def position(query: Query) -> tuple[int, int]:
    """(StartIndex, Limit): Jellyfin's default is everything; we send at most 200 a
    page, and TotalRecordCount tells the app there is more."""
    limit = query.number("Limit", DEFAULT_LIMIT, high=MAX_LIMIT)
    return query.number("StartIndex", 0), max(limit, 1)


def sort_of(query: Query) -> MovieSort:
    names = [name.lower() for name in query.items("SortBy")]
    chosen = next((SORTS[name] for name in names if name in SORTS), MovieSort.TITLE)
    descending = "descending" in query.lowered("SortOrder")
    return MovieSort(f"-{chosen.value}") if descending else chosen


def movie_filter(query: Query, library_id: str | None = None) -> MovieFilter:
    filters = query.lowered("Filters")
    watched = _either(filters, "isplayed", "isunplayed", query.flag("IsPlayed"))
    favourite = True if "isfavorite" in filters else query.flag("IsFavorite")
    year_from, year_to = _years(query)
    return MovieFilter(genre=_genre(query), year_from=year_from, year_to=year_to,
                       watched=watched, on_watchlist=favourite,
                       search=_search(query), library_id=library_id)


def movie_query(query: Query, library_id: str | None = None) -> MovieListQuery:
    """`library_id`: the library view named by `ParentId` (its movies only)."""
    start, limit = position(query)
    return MovieListQuery(sort=sort_of(query), filter=movie_filter(query, library_id),
                          page=PageRequest(limit, offset=start))


def resumable_only(query: Query) -> bool:
    return "isresumable" in query.lowered("Filters")


def _either(filters: set[str], yes: str, no: str, flag: bool | None) -> bool | None:
    if yes in filters and no in filters:
        raise InvalidQuery(f"Filters cannot hold both {yes} and {no}", field="Filters")
    if yes in filters:
        return True
    return False if no in filters else flag


def _genre(query: Query) -> str | None:
    genres = query.items("Genres", "|,")
    if len(genres) > 1:
        raise InvalidQuery("one genre at a time", field="Genres")
    return genres[0][:100] if genres else None


def _years(query: Query) -> tuple[int | None, int | None]:
    raw = query.items("Years")
    if not raw:
        return None, None
    if not all(y.isascii() and y.isdigit() and len(y) <= 4 for y in raw):
        raise InvalidQuery("Years must be comma-separated years", field="Years")
    years = sorted({int(y) for y in raw})
    if years != list(range(years[0], years[-1] + 1)):
        raise InvalidQuery("Years must be one run of consecutive years", field="Years")
    return years[0], years[-1]


def _search(query: Query) -> str | None:
    term = query.text("SearchTerm") or query.text("NameStartsWith")
    return term[:200] if term else None
