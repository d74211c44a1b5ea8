"""Search movies: the index first; the database fallback when the index cannot answer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable

import msgspec

from revenge.application.search.ports import IndexVerifier, SearchReader, WatchedMovies
from revenge.application.search.read_models import IdFilter, SearchResult
from revenge.application.search.trust import IndexIncomplete, trusted
from revenge.domain.errors import Unavailable
from revenge.domain.search.query import SearchQuery

log = logging.getLogger(__name__)


class SearchMoviesCommand(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    query: SearchQuery


class SearchMovies:
    """Answers from the index; when it is down, slow, not built or missing part of the
    catalog (`verifier`), answers from the fallback instead, flagged `degraded`. Only
    when both fail does it raise `Unavailable`."""

    def __init__(self, index: SearchReader, fallback: SearchReader, watched: WatchedMovies,
                 *, verifier: IndexVerifier | None = None, timeout_seconds: float = 2.0) -> None:
        self._index = index
        self._fallback = fallback
        self._watched = watched
        self._verifier = verifier
        self._timeout = timeout_seconds

    async def execute(self, command: SearchMoviesCommand) -> SearchResult:
        only = await self._restriction(command)
        def search() -> Awaitable[SearchResult]:
            return self._index.search(command.query, only)

        try:
            return await asyncio.wait_for(trusted(self._verifier, search), self._timeout)
        except IndexIncomplete as exc:
            log.info("search index incomplete, answering from the fallback: %s", exc)
        except (Unavailable, TimeoutError) as exc:
            log.warning("search index unavailable, answering from the fallback: %s", exc)
        except Exception:  # a bug or an unexpected answer: search must still answer
            log.exception("search index failed, answering from the fallback")
        result = await self._fallback.search(command.query, only)
        return msgspec.structs.replace(result, degraded=True)

    async def _restriction(self, command: SearchMoviesCommand) -> IdFilter | None:
        if command.query.watched is None:
            return None
        ids = await self._watched.watched_ids(command.user_id)
        return IdFilter(ids=ids, include=command.query.watched)
