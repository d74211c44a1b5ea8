"""Shared pieces of the in-memory catalog queries: keyset paging and list items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.application.catalog.read_models import MovieListItem, Page, UserMovieState
from revenge.domain.catalog.cursor import Cursor, KeyValue, decode_cursor, encode_cursor
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import NotFound

T = TypeVar("T")
Key = tuple[KeyValue, ...]


def keyset_page(rows: Sequence[T], key: Callable[[T], Key], page: PageRequest, scope: str,
                *, descending: bool = False) -> Page[T]:
    """The rows after the cursor in (key) order; keys end with an id, so they are unique."""
    ordered = sorted(rows, key=key, reverse=descending)
    if page.cursor:
        after = decode_cursor(page.cursor, scope).key
        ordered = [r for r in ordered if _beyond(key(r), after, descending)]
    items = ordered[: page.limit]
    more = len(ordered) > page.limit
    next_cursor = encode_cursor(Cursor(scope, key(items[-1]))) if more else None
    return Page(items=items, next_cursor=next_cursor, total=len(rows))


def _beyond(key: Key, after: Key, descending: bool) -> bool:
    return key < after if descending else key > after


def user_state(tables: CatalogTables, user_id: str, movie_id: str) -> UserMovieState:
    row = tables.watch.get((user_id, movie_id))
    state = row.state if row else None
    return UserMovieState(
        watched=bool(state and state.completed),
        play_count=state.play_count if state else 0,
        progress_percent=state.percent if state and state.in_progress else None,
        on_watchlist=(user_id, movie_id) in tables.watchlist,
        rating=tables.ratings.get((user_id, movie_id)),
    )


def list_item(tables: CatalogTables, user_id: str, movie: Movie) -> MovieListItem:
    return MovieListItem(
        id=movie.id, title=movie.title, year=movie.year, runtime_minutes=movie.runtime_minutes,
        poster_path=movie.poster_path, vote_average=movie.vote_average,
        popularity=movie.popularity, added_at=movie.added_at, missing=movie.missing,
        user=user_state(tables, user_id, movie.id),
    )


def existing_movie(tables: CatalogTables, movie_id: str) -> Movie:
    movie = tables.movies.get(movie_id)
    if movie is None:
        raise NotFound("no such movie", field="movie_id")
    return movie


def watched_ids(tables: CatalogTables, user_id: str) -> set[str]:
    return {movie for (user, movie), row in tables.watch.items()
            if user == user_id and row.state.completed}
