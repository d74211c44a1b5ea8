"""Watching: a change is scanned once its path has been quiet, limited to its folder."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import pytest

from revenge.adapters.memory.library_filesystem import InMemoryFileWatcher
from revenge.adapters.memory.library_libraries import InMemoryLibraryQueries
from revenge.application.library.request_library_scan import RequestLibraryScan
from revenge.application.library.scan.scan_library import ScanLibrary
from revenge.application.library.watch_libraries import WatchLibraries, WatchSettings
from tests.unit.library.scan_world import ROOT, World

pytestmark = pytest.mark.unit
QUIET = 0.2


@contextlib.asynccontextmanager
async def watching(world: World, watcher: InMemoryFileWatcher) -> AsyncIterator[None]:
    scan = ScanLibrary(world.unit_of_work, world.fs, world.parser, world.settings,
                       world.clock, world.new_id)
    use_case = WatchLibraries(InMemoryLibraryQueries(world.state), watcher, scan,
                              RequestLibraryScan(world.unit_of_work, world.clock),
                              WatchSettings(quiet_seconds=QUIET, refresh_seconds=0.1))
    task = asyncio.create_task(use_case.run())
    try:
        await until(lambda: watcher.watched)
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def until(condition: Callable[[], object], seconds: float = 3.0) -> None:
    """Polls `condition` (the memory adapters have no events to wait on)."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def test_a_new_file_in_a_watched_library_becomes_a_movie_once_quiet() -> None:
    world = World()
    await world.create_library(watch=True)
    watcher = InMemoryFileWatcher(tick_seconds=0.02)
    async with watching(world, watcher):
        path = world.add("Ran (1985)/Ran.mkv")
        watcher.emit(path)
        await until(lambda: [m.title for m in world.movies()] == ["Ran"])

    assert world.parser.calls == [path]


async def test_a_file_still_changing_is_not_scanned_until_it_settles() -> None:
    world = World()
    await world.create_library(watch=True)
    watcher = InMemoryFileWatcher(tick_seconds=0.02)
    async with watching(world, watcher):
        path = world.add("Ran (1985)/Ran.mkv")
        for _ in range(10):  # a copy in progress: an event every 50 ms for half a second
            watcher.emit(path)
            await asyncio.sleep(0.05)
        assert world.movies() == []
        await until(lambda: len(world.movies()) == 1)


async def test_a_library_that_starts_being_watched_gets_a_catch_up_scan() -> None:
    world = World()
    await world.create_library(watch=True)
    watcher = InMemoryFileWatcher(tick_seconds=0.02)
    async with watching(world, watcher):
        await until(lambda: any(job[0] == "library.scan" for job in world.jobs))


async def test_libraries_not_watched_are_left_alone() -> None:
    world = World()
    await world.create_library(watch=False)
    watcher = InMemoryFileWatcher(tick_seconds=0.02)
    scan = ScanLibrary(world.unit_of_work, world.fs, world.parser, world.settings,
                       world.clock, world.new_id)
    use_case = WatchLibraries(InMemoryLibraryQueries(world.state), watcher, scan,
                              RequestLibraryScan(world.unit_of_work, world.clock),
                              WatchSettings(quiet_seconds=QUIET, refresh_seconds=0.05))
    task = asyncio.create_task(use_case.run())
    await asyncio.sleep(0.2)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task

    assert watcher.watched == [] and world.jobs == []
    assert ROOT in world.library.paths  # type: ignore[union-attr]
