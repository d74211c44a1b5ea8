"""In-memory twins of search's view of the catalog: movie documents and watched movies."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from revenge.application.search.read_models import MovieDocument


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


class InMemoryWatchedMovies:
    def __init__(self) -> None:
        self.watched: dict[str, set[str]] = {}

    def mark(self, user_id: str, *movie_ids: str) -> None:
        self.watched.setdefault(user_id, set()).update(movie_ids)

    async def watched_ids(self, user_id: str) -> frozenset[str]:
        return frozenset(self.watched.get(user_id, ()))
