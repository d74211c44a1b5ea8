"""A library world in memory for scanner tests: files, state, jobs and counted parses."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.library_filesystem import InMemoryFileSystem
from revenge.adapters.memory.library_unit_of_work import InMemoryLibraryUnitOfWork
from revenge.adapters.memory.media_probe import InMemoryMediaProbe
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.adapters.parsing.serial import SerialNameParser
from revenge.application.library.create_library import CreateLibrary, CreateLibraryCommand
from revenge.application.library.probe_files import (
    ProbeFiles,
    ProbeFilesCommand,
    ProbeSummary,
)
from revenge.application.library.scan.scan_library import ScanLibrary, ScanLibraryCommand
from revenge.application.library.scan.state import ScanReport, ScanSettings
from revenge.application.metadata.requests import MatchMovieCommand
from revenge.application.shared.jobs import JobMessage, payload_of
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.library.library import Library
from revenge.domain.library.naming import ParsedName, parse_path
from revenge.domain.media.info import MediaInfo

ROOT = "/media/movies"


class RecordingJobQueue:
    def __init__(self, world: World) -> None:
        self._world = world

    async def enqueue(self, message: JobMessage, *, dedupe_key: str | None = None) -> str:
        self._world.jobs.append((message.job, payload_of(message), dedupe_key))
        return f"job-{len(self._world.jobs)}"


class CountingParser(SerialNameParser):
    """The scan's in-process parser, remembering every path it was asked about."""

    def __init__(self) -> None:
        super().__init__(self._parse)
        self.calls: list[str] = []

    def _parse(self, path: str) -> ParsedName:
        self.calls.append(path)
        return parse_path(path)


class World:
    """Arrange files under ROOT, create the library, scan, and look at the catalog."""

    def __init__(self, *, probe_slots: int = 2,
                 match_job: type[MatchMovieCommand] | None = None) -> None:
        self.state = InMemoryState()
        self.fs = InMemoryFileSystem()
        self.fs.add_folder(ROOT)
        self.jobs: list[tuple[str, dict[str, Any], str | None]] = []
        self.parser = CountingParser()
        self.now = datetime(2025, 1, 1, tzinfo=UTC)
        self._ids = itertools.count(1)
        self.settings = ScanSettings(probe_slots=probe_slots, match_job=match_job)
        self.library: Library | None = None

    def new_id(self) -> str:
        # UUID-shaped and increasing, like UUIDv7.
        return f"00000000-0000-7000-8000-{next(self._ids):012d}"

    def clock(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def unit_of_work(self) -> InMemoryLibraryUnitOfWork:
        return InMemoryLibraryUnitOfWork(self.state, job_queue=self._queue)

    def _queue(self, _: InMemoryUnitOfWork) -> RecordingJobQueue:
        return RecordingJobQueue(self)

    def add(self, relative: str, **kwargs: Any) -> str:
        path = f"{ROOT}/{relative}"
        self.fs.add(path, **kwargs)
        return path

    async def create_library(self, name: str = "Movies", paths: tuple[str, ...] = (ROOT,),
                             **kwargs: Any) -> Library:
        command = CreateLibraryCommand(name=name, paths=paths, **{"scan": False, **kwargs})
        created = await CreateLibrary(self.unit_of_work, self.fs, self.clock,
                                      self.new_id).execute(command)
        self.library = self.library or created.library
        return created.library

    async def scan(self, *within: str) -> ScanReport:
        if self.library is None:
            await self.create_library()
        assert self.library is not None
        use_case = ScanLibrary(self.unit_of_work, self.fs, self.parser, self.settings,
                               self.clock, self.new_id)
        return await use_case.execute(ScanLibraryCommand(library_id=self.library.id,
                                                         within=within))

    async def probe_all(self) -> ProbeSummary:
        """Runs the probing jobs the scans asked for, as the worker would."""
        probe = InMemoryMediaProbe()
        for path in self.fs.files:
            probe.add(path, MediaInfo(container="matroska", duration=60.0))
        use_case = ProbeFiles(self.unit_of_work, probe, self.fs, self.clock)
        total = ProbeSummary()
        for actor, payload, _ in self.jobs:
            if actor == "library.probe_files":
                done = await use_case.execute(msgspec.convert(payload, ProbeFilesCommand))
                total.probed += done.probed
        self.jobs = [job for job in self.jobs if job[0] != "library.probe_files"]
        return total

    @property
    def catalog(self) -> CatalogTables:
        return CatalogTables(self.state)

    def movies(self) -> list[Movie]:
        return sorted(self.catalog.movies.values(), key=lambda m: m.title)

    def movie(self, title: str) -> Movie:
        return next(m for m in self.catalog.movies.values() if m.title == title)

    def files_of(self, movie: Movie) -> list[MovieFile]:
        return sorted((f for f in self.catalog.files.values() if f.movie_id == movie.id),
                      key=lambda f: f.path)

    def file_at(self, relative: str) -> MovieFile:
        path = f"{ROOT}/{relative}"
        return next(f for f in self.catalog.files.values() if f.path == path)

    def tables(self) -> bytes:
        """Everything stored, encoded: equal bytes mean nothing was written."""
        return msgspec.msgpack.encode(
            {name: sorted(map(repr, table.items())) for name, table in self.state.tables.items()})
