"""`revenge scan [--library NAME] [--wait] [--inline]`: scan libraries from a shell.

By default each scan is requested as a job for the workers (the one already queued or
running, if any); `--wait` follows it with a progress bar. `--inline` scans in this
process instead (no worker needed); it is implied when no REVENGE_DATABASE_URL is set,
in which case the embedded database in the data directory is started for the duration
(stop `revenge serve` first). Probing and matching jobs are left for the workers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import msgspec

from revenge.entrypoints.cli.common import ExitError, load_settings
from revenge.entrypoints.config import Config

POLL_SECONDS = 0.5
SHOWN = ("seen", "new", "changed", "moved", "missing", "errors")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="NAME", help="only this library (default: all)")
    parser.add_argument("--wait", action="store_true", help="follow the scan until it ends")
    parser.add_argument("--inline", action="store_true",
                        help="scan in this process instead of a worker")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    inline = args.inline or not settings.database_url
    with database_url(settings) as url:
        return asyncio.run(_scan(msgspec.structs.replace(settings, database_url=url),
                                 args.library, inline=inline, wait=args.wait))


async def _scan(settings: Config, name: str | None, *, inline: bool, wait: bool) -> int:
    async with open_container(settings, relay=not inline and bool(settings.redis_url)) as c:
        libraries = await _libraries(c, name)
        failed = 0
        for library in libraries:
            if inline:
                await _scan_here(c, library)
            else:
                failed += not await _request(c, library, wait)
        return 1 if failed else 0


async def _libraries(container: Any, name: str | None) -> list[Any]:
    queries = container.library.queries()
    if name is None:
        libraries: list[Any] = await queries.list_libraries()
        if not libraries:
            raise ExitError("no library yet: add one with `revenge library add NAME PATH`", 2)
        return libraries
    library = await queries.find_library(name)
    if library is None:
        raise ExitError(f"no library named {name!r}", 2)
    return [library]


async def _scan_here(container: Any, library: Any) -> None:
    from revenge.application.library.scan.scan_library import ScanLibraryCommand

    bar = ProgressBar(library.name)
    report = await container.library.scan_library().execute(
        ScanLibraryCommand(library_id=library.id), bar.update)
    bar.finish(msgspec.structs.asdict(report.counts))
    for folder in report.unreadable:
        print(f"  could not read {folder} (its files were left as they were)")


async def _request(container: Any, library: Any, wait: bool) -> bool:
    from revenge.application.library.request_library_scan import RequestLibraryScanCommand

    job_id = await container.library.request_scan().execute(
        RequestLibraryScanCommand(library.id))
    print(f"{library.name}: scan job {job_id}")
    return await follow(container.jobs.job_runs(), job_id, library.name) if wait else True


async def follow(job_runs: Any, job_id: str, label: str) -> bool:
    """Shows the job's progress until it ends; whether it succeeded."""
    bar = ProgressBar(label)
    while True:
        run = await job_runs.get(job_id)
        if run.status in ("succeeded", "failed"):
            bar.finish(run.result or {}, error=run.error)
            return bool(run.status == "succeeded")
        await bar.update(run.progress, run.result or {})
        await asyncio.sleep(POLL_SECONDS)


class ProgressBar:
    """One line, redrawn in place on a terminal (printed once at the end otherwise)."""

    WIDTH = 24

    def __init__(self, label: str) -> None:
        self._label = label
        self._tty = sys.stdout.isatty()

    async def update(self, percent: int, counts: Mapping[str, Any]) -> None:
        if self._tty:
            print(f"\r{self._line(percent, counts)}", end="", flush=True)

    def finish(self, counts: Mapping[str, Any], error: str | None = None) -> None:
        end = f"  failed: {error}" if error else ""
        print(f"\r{self._line(100 if not error else 0, counts)}{end}", flush=True)

    def _line(self, percent: int, counts: Mapping[str, Any]) -> str:
        filled = self.WIDTH * percent // 100
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        numbers = " ".join(f"{key} {counts[key]}" for key in SHOWN if key in counts)
        return f"{self._label}: [{bar}] {percent:3d}% {numbers}"


@contextlib.contextmanager
def database_url(settings: Config) -> Iterator[str]:
    """The configured database, else the embedded one for the duration of the command."""
    if settings.database_url:
        yield settings.database_url
        return
    from revenge.entrypoints.embedded.postgres import embedded_postgres

    try:
        with embedded_postgres(settings.data_path) as url:
            yield url
    except ExitError:
        raise
    except Exception as exc:
        raise ExitError(f"cannot start the embedded database ({exc}); stop `revenge serve` "
                        "or set REVENGE_DATABASE_URL") from None


class _ParkedRelay:
    """Without a broker to reach, requested jobs wait in the outbox for a worker."""

    async def kick(self) -> None:
        return None


@contextlib.asynccontextmanager
async def open_container(settings: Config, *, relay: bool) -> AsyncIterator[Any]:
    """The real container on a migrated database, its pool open for the block."""
    from dependency_injector import providers

    from revenge.adapters.postgres.migrations import (
        MigrationRunner,
        default_directory,
        load_migrations,
    )
    from revenge.domain.errors import DomainError, Unavailable
    from revenge.entrypoints.di.app import build_container

    await MigrationRunner(settings.database_url or "", load_migrations(default_directory())).up()
    container = build_container(settings, "real")
    if not relay:
        container.jobs.outbox_relay.override(providers.Object(_ParkedRelay()))
    database = container.core.database()
    await database.open()
    try:
        yield container
    except DomainError as exc:
        raise ExitError(f"{exc.field + ': ' if exc.field else ''}{exc.detail}", 2) from None
    except Unavailable as exc:
        raise ExitError(str(exc)) from None
    finally:
        await database.close()
