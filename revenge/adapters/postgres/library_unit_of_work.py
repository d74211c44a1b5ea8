"""The Postgres library unit of work: the library repositories and the job queue on one
transaction."""

from __future__ import annotations

from collections.abc import Callable

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.library_files import (
    PostgresLibraryFileRepository,
    PostgresProbeTargets,
    PostgresScannedMovieRepository,
)
from revenge.adapters.postgres.library_libraries import PostgresLibraryRepository
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.library.ports import JobQueue

JobQueueFactory = Callable[[PostgresUnitOfWork], JobQueue]


class PostgresLibraryUnitOfWork(PostgresUnitOfWork):
    def __init__(self, database: Database, *, job_queue: JobQueueFactory) -> None:
        super().__init__(database)
        self._job_queue = job_queue

    def _bind(self) -> None:
        conn = self.connection
        self.libraries = PostgresLibraryRepository(conn)
        self.files = PostgresLibraryFileRepository(conn)
        self.movies = PostgresScannedMovieRepository(conn)
        self.probes = PostgresProbeTargets(conn)
        self.jobs = self._job_queue(self)
