"""In-memory twins of the metadata records, their unit of work and queries."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.catalog_unit_of_work import InMemoryCatalogUnitOfWork
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.metadata.read_models import (
    MatchCandidateView,
    MetadataState,
    PendingMovie,
    SimilarMovieView,
    StoredImage,
)
from revenge.domain.errors import NotFound
from revenge.domain.metadata.details import SimilarMovie
from revenge.domain.metadata.matching import ScoredCandidate


class MetadataTables:
    def __init__(self, state: InMemoryState) -> None:
        self.catalog = CatalogTables(state)
        self.states: dict[str, MetadataState] = state.table("metadata_state")
        self.candidates: dict[str, list[ScoredCandidate]] = state.table("metadata_candidates")
        self.similar: dict[str, list[SimilarMovie]] = state.table("metadata_similar")
        self.images: dict[str, StoredImage] = state.table("metadata_images")
        self.sync: dict[str, datetime] = state.table("metadata_sync")
        # The library's twin keeps the coarse movies.match_status flag here.
        self.match_status: dict[str, str] = state.table("library_match_status")

    def require_movie(self, movie_id: str) -> None:
        if movie_id not in self.catalog.movies:
            raise NotFound("no such movie", field="movie_id")


class InMemoryMetadataRepository:
    def __init__(self, tables: MetadataTables) -> None:
        self._t = tables

    async def state(self, movie_id: str) -> MetadataState | None:
        return self._t.states.get(movie_id)

    async def save_state(self, movie_id: str, state: MetadataState, now: datetime) -> None:
        self._t.require_movie(movie_id)
        self._t.states[movie_id] = state
        pending_was = "matched" if state.refreshed_at else "unmatched"
        self._t.match_status[movie_id] = pending_was if state.status == "pending" else state.status

    async def replace_candidates(self, movie_id: str,
                                 candidates: Sequence[ScoredCandidate]) -> None:
        self._t.candidates[movie_id] = list(candidates)

    async def replace_similar(self, movie_id: str, similar: Sequence[SimilarMovie]) -> None:
        self._t.similar[movie_id] = list(similar)

    async def movie_ids_by_tmdb(self, tmdb_ids: Collection[int]) -> dict[int, str]:
        wanted = set(tmdb_ids)
        return {m.tmdb_id: m.id for m in self._t.catalog.movies.values()
                if m.tmdb_id is not None and m.tmdb_id in wanted}

    async def collection_id_by_tmdb(self, tmdb_id: int) -> str | None:
        return next((c.id for c in self._t.catalog.collections.values()
                     if c.tmdb_id == tmdb_id), None)

    async def record_image(self, image: StoredImage, now: datetime) -> None:
        self._t.images[image.source_path] = image

    async def synced_until(self, name: str) -> datetime | None:
        return self._t.sync.get(name)

    async def set_synced_until(self, name: str, until: datetime) -> None:
        self._t.sync[name] = until


class InMemoryMetadataUnitOfWork(InMemoryCatalogUnitOfWork):
    def _bind(self) -> None:
        super()._bind()
        self.metadata = InMemoryMetadataRepository(MetadataTables(self.state))


class InMemoryMetadataQueries:
    def __init__(self, state: InMemoryState) -> None:
        self._state = state

    async def candidates(self, movie_id: str) -> list[MatchCandidateView]:
        tables = self._checked(movie_id)
        return [MatchCandidateView(score=s.score, **_candidate_fields(s))
                for s in tables.candidates.get(movie_id, [])]

    async def similar(self, movie_id: str) -> list[SimilarMovieView]:
        tables = self._checked(movie_id)
        owned = {m.tmdb_id: m.id for m in tables.catalog.movies.values() if m.tmdb_id}
        return [SimilarMovieView(tmdb_id=s.tmdb_id, title=s.title, year=s.year,
                                 poster_path=s.poster_path, vote_average=s.vote_average,
                                 movie_id=owned.get(s.tmdb_id))
                for s in tables.similar.get(movie_id, [])]

    async def pending(self, due_before: datetime, limit: int) -> list[PendingMovie]:
        tables = MetadataTables(self._state)
        due = sorted((s.next_attempt_at, movie_id, s.operation)
                     for movie_id, s in tables.states.items()
                     if s.status == "pending" and s.next_attempt_at is not None
                     and s.next_attempt_at <= due_before and movie_id in tables.catalog.movies)
        return [PendingMovie(movie_id=m, operation=op) for _, m, op in due[:limit]]

    async def image(self, source_path: str) -> StoredImage | None:
        return MetadataTables(self._state).images.get(source_path)

    def _checked(self, movie_id: str) -> MetadataTables:
        tables = MetadataTables(self._state)
        tables.require_movie(movie_id)
        return tables


def _candidate_fields(scored: ScoredCandidate) -> dict[str, Any]:
    c = scored.candidate
    return {"tmdb_id": c.tmdb_id, "title": c.title, "original_title": c.original_title,
            "year": c.year, "popularity": c.popularity, "poster_path": c.poster_path,
            "overview": c.overview}
