"""Match one movie with the provider: its ids, else searches scored by the domain."""

from __future__ import annotations

from revenge.application.metadata.common import UnitOfWorkFactory, fetch, load_movie
from revenge.application.metadata.ports import MetadataProvider
from revenge.application.metadata.read_models import MatchResult
from revenge.application.metadata.requests import MatchMovieCommand as MatchMovieCommand
from revenge.application.metadata.writer import MetadataWriter
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.metadata.details import Candidate
from revenge.domain.metadata.matching import MatchDecision, MatchQuery, decide, search_plan


class MatchMovie:
    """Provider ids the scanner found (file name, .nfo) skip the search; otherwise the
    title is searched with the year, then without, and the best candidate is accepted
    only when confident and unambiguous (see `domain.metadata.matching`); else the
    movie stays unmatched with its candidates stored. A provider id another movie
    has already merges this movie (its files, everyone's state) into that one.
    With no provider configured nothing happens ("skipped"); while the provider is
    down the movie is parked as pending for the periodic job."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, provider: MetadataProvider | None,
                 writer: MetadataWriter) -> None:
        self._unit_of_work = unit_of_work
        self._provider = provider
        self._writer = writer

    async def execute(self, command: MatchMovieCommand) -> MatchResult:
        movie = await load_movie(self._unit_of_work, command.movie_id)
        if self._provider is None or movie is None:
            reason = "no metadata provider" if movie else "no such movie"
            return MatchResult(status="skipped", movie_id=command.movie_id, reason=reason)
        try:
            decision = await self._decide(self._provider, movie)
            if decision.tmdb_id is None:
                return await self._writer.leave_unmatched(movie.id, decision)
            fetched = await fetch(self._provider, decision.tmdb_id, fresh=False)
        except Unavailable as exc:
            return await self._writer.park(movie.id, "match", exc)
        return await self._writer.apply(movie.id, fetched)

    async def _decide(self, provider: MetadataProvider, movie: Movie) -> MatchDecision:
        known = await _known_id(provider, movie)
        if known is not None:
            return MatchDecision(outcome="matched", tmdb_id=known)
        return await _search(provider, query_of(movie))


def query_of(movie: Movie) -> MatchQuery:
    others = (movie.original_title,) if movie.original_title not in (None, movie.title) else ()
    return MatchQuery(title=movie.title, year=movie.year,
                      alternative_titles=tuple(t for t in others if t))


async def _known_id(provider: MetadataProvider, movie: Movie) -> int | None:
    if movie.tmdb_id is not None and await _exists(provider, movie.tmdb_id):
        return movie.tmdb_id
    if movie.imdb_id:
        return await provider.find_by_imdb(movie.imdb_id)
    return None


async def _exists(provider: MetadataProvider, tmdb_id: int) -> bool:
    try:
        await provider.movie_details(tmdb_id)
    except NotFound:
        return False
    return True


async def _search(provider: MetadataProvider, query: MatchQuery) -> MatchDecision:
    seen: list[Candidate] = []
    for text, year in search_plan(query):
        page = await provider.search_movies(text, year=year)
        seen.extend(page.results)
        decision = decide(query, page.results)
        if decision.tmdb_id is not None:
            return decision
    return decide(query, seen)
