"""The catalog's PostgreSQL unit of work: every catalog repository on one transaction."""

from __future__ import annotations

from collections.abc import Callable

from revenge.adapters.postgres.catalog_repositories import (
    PostgresCollectionRepository,
    PostgresCreditRepository,
    PostgresGenreRepository,
    PostgresMovieFileRepository,
    PostgresMovieRepository,
)
from revenge.adapters.postgres.catalog_user_state import (
    PostgresMovieMerger,
    PostgresRatingRepository,
    PostgresWatchlistRepository,
    PostgresWatchStateRepository,
)
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.catalog.ports import JobQueue

JobQueueFactory = Callable[[PostgresUnitOfWork], JobQueue]


class PostgresCatalogUnitOfWork(PostgresUnitOfWork):
    def __init__(self, database: Database, *, job_queue: JobQueueFactory | None = None) -> None:
        super().__init__(database)
        self._job_queue = job_queue

    def _bind(self) -> None:
        conn = self.connection
        self.movies = PostgresMovieRepository(conn)
        self.genres = PostgresGenreRepository(conn)
        self.credits = PostgresCreditRepository(conn)
        self.collections = PostgresCollectionRepository(conn)
        self.files = PostgresMovieFileRepository(conn)
        self.watch = PostgresWatchStateRepository(conn)
        self.watchlist = PostgresWatchlistRepository(conn)
        self.ratings = PostgresRatingRepository(conn)
        self.merger = PostgresMovieMerger(conn)
        self.jobs = self._job_queue(self) if self._job_queue else None
