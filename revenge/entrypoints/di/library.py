"""Library context: libraries, the scanner, probing, watching.

Both profiles read the real disk (like playback's ffmpeg, the disk is local); they
differ in where records go (PostgreSQL or the shared in-memory state). Tests swap the
disk for `InMemoryFileSystem` with `container.library.filesystem.override(...)`.
"""

from __future__ import annotations

import os
from typing import Any

from dependency_injector import containers, providers

from revenge.adapters.filesystem.walker import OsFileSystem
from revenge.adapters.filesystem.watcher import WatchfilesWatcher
from revenge.adapters.memory.library_libraries import InMemoryLibraryQueries
from revenge.adapters.memory.library_reports import InMemoryLibraryReports
from revenge.adapters.memory.library_unit_of_work import InMemoryLibraryUnitOfWork
from revenge.adapters.parsing.processes import ProcessNameParser
from revenge.adapters.postgres.library_libraries import PostgresLibraryQueries
from revenge.adapters.postgres.library_reports import PostgresLibraryReports
from revenge.adapters.postgres.library_unit_of_work import PostgresLibraryUnitOfWork
from revenge.application.library.create_library import CreateLibrary
from revenge.application.library.delete_library import DeleteLibrary
from revenge.application.library.probe_files import ProbeFiles
from revenge.application.library.request_library_scan import RequestLibraryScan
from revenge.application.library.scan.scan_library import ScanLibrary
from revenge.application.library.scan.state import ScanSettings
from revenge.application.library.schedule_scans import ScheduleScans
from revenge.application.library.update_library import UpdateLibrary
from revenge.application.library.watch_libraries import WatchLibraries, WatchSettings
from revenge.application.metadata.requests import MatchMovieCommand
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.common import new_id, utc_now


def match_job(settings: Config) -> type[MatchMovieCommand] | None:
    """New movies are sent to matching only when a metadata provider is configured;
    without one they stay unmatched with their parsed titles (and no job per movie)."""
    return MatchMovieCommand if settings.tmdb_api_key else None


def scan_settings(settings: Config) -> ScanSettings:
    return ScanSettings(probe_slots=settings.library_probe_jobs,
                        match_job=match_job(settings))


def name_parser(settings: Config) -> ProcessNameParser:
    """A new parser per scan use case: each remembers the names of its own scans."""
    processes = settings.library_parse_processes
    if processes is None:
        processes = min(4, (os.cpu_count() or 1) - 1)
    return ProcessNameParser(processes)


def watch_settings(settings: Config) -> WatchSettings:
    return WatchSettings(quiet_seconds=settings.library_watch_delay_seconds)


class LibraryContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    jobs = providers.DependenciesContainer()
    media_probe: providers.Dependency[Any] = providers.Dependency()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    clock = providers.Object(utc_now)
    ids = providers.Object(new_id)
    parser = providers.Factory(name_parser, settings)
    filesystem = providers.Singleton(OsFileSystem)
    watcher = providers.Singleton(WatchfilesWatcher)
    scan_settings = providers.Callable(scan_settings, settings)

    unit_of_work = providers.Selector(
        profile,
        real=providers.Factory(PostgresLibraryUnitOfWork, core.database,
                               job_queue=jobs.job_queue.provider),
        memory=providers.Factory(InMemoryLibraryUnitOfWork, core.memory_state,
                                 job_queue=jobs.job_queue.provider),
    )
    queries = providers.Selector(
        profile,
        real=providers.Singleton(PostgresLibraryQueries, core.database),
        memory=providers.Singleton(InMemoryLibraryQueries, core.memory_state),
    )
    reports = providers.Selector(
        profile,
        real=providers.Singleton(PostgresLibraryReports, core.database),
        memory=providers.Singleton(InMemoryLibraryReports, core.memory_state),
    )

    create_library = providers.Factory(CreateLibrary, unit_of_work.provider, filesystem, clock,
                                       ids)
    update_library = providers.Factory(UpdateLibrary, unit_of_work.provider, filesystem, clock)
    delete_library = providers.Factory(DeleteLibrary, unit_of_work.provider, clock)
    request_scan = providers.Factory(RequestLibraryScan, unit_of_work.provider, clock)
    schedule_scans = providers.Factory(ScheduleScans, unit_of_work.provider, clock)
    scan_library = providers.Factory(ScanLibrary, unit_of_work.provider, filesystem, parser,
                                     scan_settings, clock, ids)
    probe_files = providers.Factory(ProbeFiles, unit_of_work.provider, media_probe, filesystem,
                                    clock)
    watch_libraries = providers.Factory(WatchLibraries, queries, watcher, scan_library,
                                        request_scan, providers.Callable(watch_settings,
                                                                         settings))
