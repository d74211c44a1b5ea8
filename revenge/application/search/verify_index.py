"""Whether the live index holds the whole catalog, and a rebuild when it does not."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from revenge.application.search.ports import MovieDocuments, SearchIndex
from revenge.application.search.requests import (
    REINDEX_DEDUPE_KEY,
    ReconcileIndexCommand,
    ReindexAllCommand,
)
from revenge.application.shared.jobs import JobsTransaction, periodic_dedupe_key
from revenge.domain.search.drift import Coverage

log = logging.getLogger(__name__)


class VerifyIndex:
    """Review finding 12: a Typesense restarted empty, or from a snapshot older than its
    last writes, answered `found: 0` (not degraded) until the 15-minute reconcile.

    `execute()` compares the live index's size with the catalog's: on the first call
    (start), again once `recheck_seconds` have passed, and at the next call after
    `forget()` (the index was unreachable: a reconnection). The answer is kept in
    between, so searches pay for it once per period. When the index is incomplete a
    rebuild is requested at once (once per incomplete spell); searches answer from the
    fallback meanwhile. Raises `Unavailable` when the index or database cannot answer.
    """

    def __init__(self, index: SearchIndex, documents: MovieDocuments,
                 unit_of_work: Callable[[], JobsTransaction], *, recheck_seconds: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._index = index
        self._documents = documents
        self._unit_of_work = unit_of_work
        self._recheck = recheck_seconds
        self._clock = clock
        self._known: Coverage | None = None
        self._checked_at = 0.0
        self._rebuild_requested = False
        self._reconciliation: str | None = None

    async def execute(self) -> Coverage:
        if self._known is not None and self._clock() - self._checked_at < self._recheck:
            return self._known
        expected = await self._documents.settled_count()
        live = await self._index.live_index()
        coverage = Coverage(indexed=live.documents, expected=expected, current=live.current)
        self._known, self._checked_at = coverage, self._clock()
        if coverage.complete:
            self._rebuild_requested = False
        elif not coverage.current:
            await self._request_reconciliation(coverage)
        elif not self._rebuild_requested:
            await self._request_rebuild(coverage)
        return coverage

    def forget(self) -> None:
        """The index could not be reached: check it again before trusting it."""
        self._known = None
        self._rebuild_requested = False

    async def _request_rebuild(self, coverage: Coverage) -> None:
        async with self._unit_of_work() as uow:
            job_id = await uow.jobs.enqueue(ReindexAllCommand(), dedupe_key=REINDEX_DEDUPE_KEY)
            await uow.commit()
        self._rebuild_requested = True
        log.warning("search: %s; answering from the database, rebuild requested (job %s)",
                    coverage.describe(), job_id)

    async def _request_reconciliation(self, coverage: Coverage) -> None:
        """No current index: the reconciliation builds one. Asked at every check while
        none exists, under the schedule's dedupe key: it joins a scheduled run that is
        queued or retrying (a schema change's rebuild is not run twice), and the
        schedule counts it as its own. The start's scheduled run may have failed for
        good while Typesense was still starting, and the next is 15 minutes away."""
        async with self._unit_of_work() as uow:
            job_id = await uow.jobs.enqueue(
                ReconcileIndexCommand(),
                dedupe_key=periodic_dedupe_key(ReconcileIndexCommand.job))
            await uow.commit()
        if job_id != self._reconciliation:
            self._reconciliation = job_id
            log.warning("search: %s; answering from the database, index build requested "
                        "(job %s)", coverage.describe(), job_id)
