"""The in-memory library unit of work: every library repository on the shared state."""

from __future__ import annotations

from collections.abc import Callable

from revenge.adapters.memory.library_files import (
    InMemoryLibraryFileRepository,
    InMemoryProbeTargets,
    InMemoryScannedMovieRepository,
    LibraryTables,
)
from revenge.adapters.memory.library_libraries import InMemoryLibraryRepository
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.library.ports import JobQueue

JobQueueFactory = Callable[[InMemoryUnitOfWork], JobQueue]


class InMemoryLibraryUnitOfWork(InMemoryUnitOfWork):
    def __init__(self, state: InMemoryState, *, job_queue: JobQueueFactory) -> None:
        super().__init__(state)
        self._job_queue = job_queue

    def _bind(self) -> None:
        tables = LibraryTables(self.state)
        self.libraries = InMemoryLibraryRepository(self.state)
        self.files = InMemoryLibraryFileRepository(tables)
        self.movies = InMemoryScannedMovieRepository(tables)
        self.probes = InMemoryProbeTargets(tables)
        self.jobs = self._job_queue(self)
