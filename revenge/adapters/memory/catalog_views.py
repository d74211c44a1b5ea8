"""Shared pieces of the in-memory catalog queries: list items and the caller's state."""

from __future__ import annotations

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.application.catalog.read_models import MovieListItem, UserMovieState
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import NotFound


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
        poster_path=movie.poster_path, poster_blurhash=tables.poster_blurhash(movie.poster_path),
        vote_average=movie.vote_average,
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
