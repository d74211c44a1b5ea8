"""In-memory twins of the catalog's write-side repositories (movies and their metadata)."""

from __future__ import annotations

from collections.abc import Sequence

import uuid_utils

from revenge.adapters.memory.catalog_tables import CatalogTables, CreditRow, GenreRow, PersonRow
from revenge.domain.catalog.collection import Collection, CollectionEntry
from revenge.domain.catalog.credits import CastCredit, CrewCredit, Person
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import Conflict, NotFound


def _new_id() -> str:
    return str(uuid_utils.uuid7())


class InMemoryMovieRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def get(self, movie_id: str) -> Movie | None:
        return self._tables.movies.get(movie_id)

    async def add(self, movie: Movie) -> None:
        self._check_unique(movie)
        self._tables.movies[movie.id] = movie

    async def update(self, movie: Movie) -> None:
        self._check_unique(movie)
        self._tables.movies[movie.id] = movie

    async def delete(self, movie_id: str) -> None:
        self._tables.movie_deleted(movie_id)

    def _check_unique(self, movie: Movie) -> None:
        if movie.tmdb_id is not None and any(
                m.tmdb_id == movie.tmdb_id and m.id != movie.id
                for m in self._tables.movies.values()):
            raise Conflict("another movie has this TMDb id", field="tmdb_id")


class InMemoryGenreRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def set_movie_genres(self, movie_id: str, names: Sequence[str]) -> None:
        _require_movie(self._tables, movie_id)
        self._tables.movie_genres[movie_id] = {self._genre_id(n.strip()) for n in names}

    def _genre_id(self, name: str) -> str:
        for row in self._tables.genres.values():
            if row.name.lower() == name.lower():
                return row.id
        row = GenreRow(id=_new_id(), name=name)
        self._tables.genres[row.id] = row
        return row.id


class InMemoryCreditRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def replace_credits(self, movie_id: str, cast: Sequence[CastCredit],
                              crew: Sequence[CrewCredit]) -> None:
        _require_movie(self._tables, movie_id)
        rows = [CreditRow("cast", i, self._person_id(c.person), character=c.character)
                for i, c in enumerate(cast)]
        rows += [CreditRow("crew", i, self._person_id(c.person), job=c.job,
                           department=c.department) for i, c in enumerate(crew)]
        self._tables.credits[movie_id] = rows

    def _person_id(self, person: Person) -> str:
        if person.tmdb_id is not None:
            for row in self._tables.people.values():
                if row.person.tmdb_id == person.tmdb_id:
                    row.person = person
                    return row.id
        row = PersonRow(id=_new_id(), person=person)
        self._tables.people[row.id] = row
        return row.id


class InMemoryCollectionRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def save(self, collection: Collection) -> None:
        self._tables.collections[collection.id] = collection
        self._tables.members.setdefault(collection.id, [])

    async def set_members(self, collection_id: str, movie_ids: Sequence[str]) -> None:
        if collection_id not in self._tables.collections:
            raise NotFound("no such collection", field="collection_id")
        for movie_id in movie_ids:
            _require_movie(self._tables, movie_id)
        self._tables.members[collection_id] = list(dict.fromkeys(movie_ids))

    async def entries(self, collection_id: str) -> list[CollectionEntry]:
        movies = self._tables.movies
        return [CollectionEntry(m, movies[m].release_date, i)
                for i, m in enumerate(self._tables.members.get(collection_id, []))]


class InMemoryMovieFileRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def add(self, file: MovieFile) -> None:
        _require_movie(self._tables, file.movie_id)
        if any(f.path == file.path for f in self._tables.files.values()):
            raise Conflict("a file with this path is recorded", field="path")
        self._tables.files[file.id] = file


def _require_movie(tables: CatalogTables, movie_id: str) -> None:
    if movie_id not in tables.movies:
        raise NotFound("no such movie", field="movie_id")
