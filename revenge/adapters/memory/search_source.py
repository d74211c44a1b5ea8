"""In-memory twins of search's view of the catalog: movie documents and watched movies."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.search.read_models import MAX_CAST, MovieDocument, version_of
from revenge.application.search.requests import IndexMovieCommand
from revenge.domain.catalog.movie import Movie


class InMemoryMovieDocuments:
    """`MovieDocuments` held in a dict (tests and the memory profile put them here)."""

    def __init__(self, documents: Sequence[MovieDocument] = ()) -> None:
        self.documents = {doc.id: doc for doc in documents}

    def put(self, *documents: MovieDocument) -> None:
        self.documents.update((doc.id, doc) for doc in documents)

    def remove(self, movie_id: str) -> None:
        self.documents.pop(movie_id, None)

    async def get(self, movie_ids: Sequence[str]) -> list[MovieDocument]:
        return [self.documents[i] for i in movie_ids if i in self.documents]

    async def batches(self, size: int) -> AsyncIterator[list[MovieDocument]]:
        ordered = [self.documents[i] for i in sorted(self.documents)]
        for start in range(0, len(ordered), size):
            yield ordered[start:start + size]

    async def versions(self) -> dict[str, int]:
        return {movie_id: doc.version for movie_id, doc in self.documents.items()}

    async def settled_count(self) -> int:
        return len(self.documents)  # no job queue here: every write is settled


class InMemoryWatchedMovies:
    def __init__(self) -> None:
        self.watched: dict[str, set[str]] = {}

    def mark(self, user_id: str, *movie_ids: str) -> None:
        self.watched.setdefault(user_id, set()).update(movie_ids)

    async def watched_ids(self, user_id: str) -> frozenset[str]:
        return frozenset(self.watched.get(user_id, ()))


class InMemoryCatalogDocuments:
    """`MovieDocuments` read from the in-memory catalog's tables (the memory profile)."""

    def __init__(self, state: InMemoryState) -> None:
        self._state = state
        self._tables = CatalogTables(state)

    async def get(self, movie_ids: Sequence[str]) -> list[MovieDocument]:
        movies = self._tables.movies
        return [self._document(movies[i]) for i in movie_ids if i in movies]

    async def batches(self, size: int) -> AsyncIterator[list[MovieDocument]]:
        ids = sorted(self._tables.movies)
        for start in range(0, len(ids), size):
            yield await self.get(ids[start:start + size])

    async def versions(self) -> dict[str, int]:
        return {i: version_of(movie.updated_at) for i, movie in self._tables.movies.items()}

    async def settled_count(self) -> int:
        runs = self._state.table("job_runs").values()  # the jobs twin's table, same state
        pending = {run["payload"].get("movie_id") for run in runs
                   if run["name"] == IndexMovieCommand.job
                   and run["status"] in ("queued", "running")}
        return len(self._tables.movies) - len(pending & set(self._tables.movies))

    def _document(self, movie: Movie) -> MovieDocument:
        tables = self._tables
        genres = sorted(tables.genres[g].name for g in tables.movie_genres.get(movie.id, ()))
        credits = sorted(tables.credits.get(movie.id, []), key=lambda c: (c.kind, c.position))
        names = {c.person_id: tables.people[c.person_id].person.name for c in credits}
        collection = next((tables.collections[c].name for c, members in tables.members.items()
                           if movie.id in members), None)
        return MovieDocument(
            id=movie.id, title=movie.title, original_title=movie.original_title,
            sort_title=movie.sort_title, overview=movie.overview, year=movie.year,
            genres=tuple(genres),
            cast=tuple(names[c.person_id] for c in credits if c.kind == "cast")[:MAX_CAST],
            directors=tuple(names[c.person_id] for c in credits if c.job == "Director"),
            collection=collection, rating=movie.vote_average,
            runtime_minutes=movie.runtime_minutes, popularity=movie.popularity,
            poster_path=movie.poster_path, added_at=movie.added_at,
            version=version_of(movie.updated_at))


class InMemoryCatalogWatched:
    """`WatchedMovies` from the in-memory catalog's watch states."""

    def __init__(self, state: InMemoryState) -> None:
        self._tables = CatalogTables(state)

    async def watched_ids(self, user_id: str) -> frozenset[str]:
        return frozenset(movie_id for (user, movie_id), row in self._tables.watch.items()
                         if user == user_id and row.state.completed)
