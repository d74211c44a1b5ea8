"""The Postgres Radarr unit of work: the Radarr records, the catalog as the sync sees it,
the libraries and the job queue, on one transaction."""

from __future__ import annotations

from collections.abc import Callable

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.library_libraries import PostgresLibraryRepository
from revenge.adapters.postgres.radarr_catalog import PostgresRadarrCatalog
from revenge.adapters.postgres.radarr_records import (
    PostgresConflicts,
    PostgresDeliveries,
    PostgresDownloads,
    PostgresLinks,
    PostgresRadarrSettings,
    PostgresSyncState,
)
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.radarr.ports import JobQueue

JobQueueFactory = Callable[[PostgresUnitOfWork], JobQueue]


class PostgresRadarrUnitOfWork(PostgresUnitOfWork):
    def __init__(self, database: Database, *, job_queue: JobQueueFactory) -> None:
        super().__init__(database)
        self._job_queue = job_queue

    def _bind(self) -> None:
        conn = self.connection
        self.settings = PostgresRadarrSettings(conn)
        self.sync = PostgresSyncState(conn)
        self.links = PostgresLinks(conn)
        self.conflicts = PostgresConflicts(conn)
        self.deliveries = PostgresDeliveries(conn)
        self.downloads = PostgresDownloads(conn)
        self.catalog = PostgresRadarrCatalog(conn)
        self.libraries = PostgresLibraryRepository(conn)
        self.jobs = self._job_queue(self)
