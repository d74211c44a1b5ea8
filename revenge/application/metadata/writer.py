"""Writes what a match or refresh learned, in one transaction per movie: the fields
(locked ones kept), genres, credits, collection, similar movies and the state; or
merges the movie into the one that already has its provider id; or parks it."""

from __future__ import annotations

import logging

import msgspec

from revenge.application.metadata.common import Clock, Fetched, NewId, UnitOfWorkFactory
from revenge.application.metadata.images import ImageFetcher
from revenge.application.metadata.ports import MetadataUnitOfWork
from revenge.application.metadata.read_models import MatchResult, MetadataState, Operation
from revenge.application.search.requests import request_index
from revenge.domain.catalog.collection import Collection
from revenge.domain.catalog.movie import Movie, refreshed
from revenge.domain.catalog.progress import merged
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.metadata.matching import MatchDecision
from revenge.domain.metadata.refresh import fields_of, member_order, retry_delay

log = logging.getLogger(__name__)


class MetadataWriter:
    def __init__(self, unit_of_work: UnitOfWorkFactory, images: ImageFetcher, clock: Clock,
                 new_id: NewId) -> None:
        self._unit_of_work = unit_of_work
        self._images = images
        self._clock = clock
        self._new_id = new_id

    async def apply(self, movie_id: str, fetched: Fetched, *,
                    chosen: bool = False) -> MatchResult:
        """`chosen`: an admin picked the provider id; it is locked against refreshes."""
        async with self._unit_of_work() as uow:
            movie = await _existing(uow, movie_id)
            tmdb_id = fetched.details.tmdb_id
            owner = (await uow.metadata.movie_ids_by_tmdb([tmdb_id])).get(tmdb_id)
            if owner is not None and owner != movie.id:
                await self._merge(uow, movie, owner)
                await uow.commit()
                return MatchResult(status="merged", movie_id=owner, tmdb_id=tmdb_id)
            updated = await self._write(uow, movie, fetched, chosen)
            await uow.commit()
        await self._images.fetch_for(updated)
        return MatchResult(status="matched", movie_id=movie_id, tmdb_id=tmdb_id)

    async def _write(self, uow: MetadataUnitOfWork, movie: Movie, fetched: Fetched,
                     chosen: bool) -> Movie:
        now, details = self._clock(), fetched.details
        if chosen:
            movie = msgspec.structs.replace(movie, tmdb_id=details.tmdb_id,
                                            locked_fields=movie.locked_fields | {"tmdb_id"})
        updated = refreshed(movie, fields_of(details), now)
        await uow.movies.update(updated)
        await uow.genres.set_movie_genres(movie.id, details.genres)
        await uow.credits.replace_credits(movie.id, details.cast, details.crew)
        await self._collect(uow, updated, fetched)
        await uow.metadata.replace_similar(movie.id, details.similar)
        await uow.metadata.replace_candidates(movie.id, [])
        await uow.metadata.save_state(movie.id, MetadataState(status="matched",
                                                              refreshed_at=now), now)
        await request_index(uow.jobs, movie.id)
        return updated

    async def _collect(self, uow: MetadataUnitOfWork, movie: Movie, fetched: Fetched) -> None:
        found = fetched.collection
        if found is None:
            return
        collection_id = await uow.metadata.collection_id_by_tmdb(found.tmdb_id) or self._new_id()
        await uow.collections.save(Collection(
            id=collection_id, name=found.name, overview=found.overview, tmdb_id=found.tmdb_id,
            poster_path=found.poster_path, backdrop_path=found.backdrop_path))
        in_library = await uow.metadata.movie_ids_by_tmdb([p.tmdb_id for p in found.parts])
        if movie.tmdb_id is not None:
            in_library[movie.tmdb_id] = movie.id
        ordered = member_order(found.parts, in_library)
        others = [e.movie_id for e in await uow.collections.entries(collection_id)
                  if e.movie_id not in ordered]
        await uow.collections.set_members(collection_id, [*ordered, *others])

    async def _merge(self, uow: MetadataUnitOfWork, source: Movie, target_id: str) -> None:
        """Two files of one provider movie: the movie that had the id first keeps it."""
        now = self._clock()
        for user_id, state in (await uow.watch.states_for_movie(source.id)).items():
            combined = merged(await uow.watch.lock(user_id, target_id), state)
            await uow.watch.save(user_id, target_id, combined, now)
        await uow.merger.move_dependents(source.id, target_id)
        await uow.movies.delete(source.id)
        await request_index(uow.jobs, source.id, target_id)

    async def leave_unmatched(self, movie_id: str, decision: MatchDecision) -> MatchResult:
        async with self._unit_of_work() as uow:
            await _existing(uow, movie_id)
            await uow.metadata.replace_candidates(movie_id, decision.candidates)
            await uow.metadata.save_state(movie_id, MetadataState(status="unmatched"),
                                          self._clock())
            await uow.commit()
        return MatchResult(status="unmatched", movie_id=movie_id, reason=decision.reason,
                           candidates=len(decision.candidates))

    async def park(self, movie_id: str, operation: Operation, error: Unavailable) -> MatchResult:
        """The provider is down: the movie waits as pending (backing off) for the periodic
        job, and this job ends — it neither fails nor spins."""
        now = self._clock()
        async with self._unit_of_work() as uow:
            if await uow.movies.get(movie_id) is None:
                return MatchResult(status="skipped", movie_id=movie_id, reason="no such movie")
            previous = await uow.metadata.state(movie_id)
            attempts = (previous.attempts if previous and previous.status == "pending" else 0) + 1
            await uow.metadata.save_state(movie_id, MetadataState(
                status="pending", operation=operation, attempts=attempts,
                last_error=str(error), next_attempt_at=now + retry_delay(attempts),
                refreshed_at=previous.refreshed_at if previous else None), now)
            await uow.commit()
        log.warning("metadata %s of movie %s parked (attempt %d): %s", operation, movie_id,
                    attempts, error)
        return MatchResult(status="pending", movie_id=movie_id, reason=str(error))


async def _existing(uow: MetadataUnitOfWork, movie_id: str) -> Movie:
    movie = await uow.movies.get(movie_id)
    if movie is None:
        raise NotFound("no such movie", field="movie_id")
    return movie
