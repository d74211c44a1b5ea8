"""In-memory twin of the catalog unit of work: every catalog repository on one state."""

from __future__ import annotations

from collections.abc import Callable

from revenge.adapters.memory.catalog_repositories import (
    InMemoryCollectionRepository,
    InMemoryCreditRepository,
    InMemoryGenreRepository,
    InMemoryMovieFileRepository,
    InMemoryMovieRepository,
)
from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.catalog_user_state import (
    InMemoryMovieMerger,
    InMemoryRatingRepository,
    InMemoryWatchlistRepository,
    InMemoryWatchStateRepository,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.catalog.ports import JobQueue

JobQueueFactory = Callable[[InMemoryUnitOfWork], JobQueue]


class InMemoryCatalogUnitOfWork(InMemoryUnitOfWork):
    def __init__(self, state: InMemoryState, *, job_queue: JobQueueFactory | None = None) -> None:
        super().__init__(state)
        self._job_queue = job_queue

    def _bind(self) -> None:
        tables = CatalogTables(self.state)
        self.movies = InMemoryMovieRepository(tables)
        self.genres = InMemoryGenreRepository(tables)
        self.credits = InMemoryCreditRepository(tables)
        self.collections = InMemoryCollectionRepository(tables)
        self.files = InMemoryMovieFileRepository(tables)
        self.watch = InMemoryWatchStateRepository(tables)
        self.watchlist = InMemoryWatchlistRepository(tables)
        self.ratings = InMemoryRatingRepository(tables)
        self.merger = InMemoryMovieMerger(tables)
        self.jobs = self._job_queue(self) if self._job_queue else None
