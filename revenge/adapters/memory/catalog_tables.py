"""The in-memory catalog's tables (in the shared `InMemoryState`) and their row types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import msgspec

from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.domain.catalog.collection import Collection
from revenge.domain.catalog.credits import Person
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.catalog.progress import WatchSource, WatchState

K = TypeVar("K")
V = TypeVar("V")


def drop_where(table: dict[K, V], doomed: Callable[[K, V], bool]) -> None:
    for key in [k for k, v in table.items() if doomed(k, v)]:
        del table[key]


def move_user_rows(table: dict[tuple[str, str], V], source_id: str, target_id: str) -> None:
    """Re-keys one movie's per-user rows to another; a row the target has already wins."""
    for user_id, movie_id in [k for k in table if k[1] == source_id]:
        table.setdefault((user_id, target_id), table.pop((user_id, movie_id)))


class GenreRow(msgspec.Struct):
    id: str
    name: str


class PersonRow(msgspec.Struct):
    id: str
    person: Person


class CreditRow(msgspec.Struct):
    kind: str  # "cast" | "crew"
    position: int
    person_id: str
    character: str | None = None
    job: str | None = None
    department: str | None = None


class StateRow(msgspec.Struct):
    state: WatchState
    updated_at: datetime


class HistoryRow(msgspec.Struct):
    id: str
    user_id: str
    movie_id: str
    watched_at: datetime
    source: WatchSource


class CatalogTables:
    """Typed access to the tables; keys are ids, or (user_id, movie_id) for user state."""

    def __init__(self, state: InMemoryState) -> None:
        self._state = state

    def _t(self, name: str) -> dict[Any, Any]:
        return self._state.table(f"catalog_{name}")

    @property
    def movies(self) -> dict[str, Movie]:
        return self._t("movies")

    def poster_blurhash(self, poster_path: str | None) -> str | None:
        """The blurhash the image cache keeps for this path (the metadata adapters' table,
        as PostgreSQL's list query reads metadata_images)."""
        image = self._state.table("metadata_images").get(poster_path) if poster_path else None
        return getattr(image, "blurhash", None)

    @property
    def genres(self) -> dict[str, GenreRow]:
        return self._t("genres")

    @property
    def movie_genres(self) -> dict[str, set[str]]:
        return self._t("movie_genres")

    @property
    def people(self) -> dict[str, PersonRow]:
        return self._t("people")

    @property
    def credits(self) -> dict[str, list[CreditRow]]:
        return self._t("credits")

    @property
    def collections(self) -> dict[str, Collection]:
        return self._t("collections")

    @property
    def members(self) -> dict[str, list[str]]:
        return self._t("collection_members")

    @property
    def files(self) -> dict[str, MovieFile]:
        return self._t("files")

    @property
    def watch(self) -> dict[tuple[str, str], StateRow]:
        return self._t("watch_state")

    @property
    def history(self) -> dict[str, HistoryRow]:
        return self._t("watch_history")

    @property
    def watchlist(self) -> dict[tuple[str, str], datetime]:
        return self._t("watchlist")

    @property
    def ratings(self) -> dict[tuple[str, str], int]:
        return self._t("ratings")

    def movie_deleted(self, movie_id: str) -> None:
        """What the database's ON DELETE CASCADE does."""
        self.movies.pop(movie_id, None)
        self.movie_genres.pop(movie_id, None)
        self.credits.pop(movie_id, None)
        drop_where(self.files, lambda _, f: f.movie_id == movie_id)
        drop_where(self.history, lambda _, h: h.movie_id == movie_id)
        drop_where(self.watch, lambda key, _: key[1] == movie_id)
        drop_where(self.watchlist, lambda key, _: key[1] == movie_id)
        drop_where(self.ratings, lambda key, _: key[1] == movie_id)
        for collection_id, movie_ids in self.members.items():
            self.members[collection_id] = [m for m in movie_ids if m != movie_id]
