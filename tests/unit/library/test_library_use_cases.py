"""Managing libraries: create, change, delete, request and schedule scans (in memory)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revenge.adapters.memory.jobs import InMemoryJobQueue, InMemoryJobReporter
from revenge.application.library.delete_library import DeleteLibrary, DeleteLibraryCommand
from revenge.application.library.request_library_scan import (
    RequestLibraryScan,
    RequestLibraryScanCommand,
)
from revenge.application.library.schedule_scans import ScheduleScans
from revenge.application.library.update_library import UpdateLibrary, UpdateLibraryCommand
from revenge.domain.errors import Conflict, NotFound, RuleViolation
from tests.unit.library.scan_world import ROOT, World

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("path", "problem"), [
    ("/nowhere", "does not exist"), ("/srv/file.mkv", "is not a folder")])
async def test_a_folder_that_cannot_be_used_is_refused_naming_it(path: str,
                                                                 problem: str) -> None:
    world = World()
    world.fs.add("/srv/file.mkv")

    with pytest.raises(RuleViolation) as raised:
        await world.create_library(paths=(ROOT, path))

    assert raised.value.field == "paths[1]" and problem in raised.value.detail


async def test_an_unreadable_folder_is_refused() -> None:
    world = World()
    world.fs.add_folder("/locked")
    world.fs.unreadable.add("/locked")

    with pytest.raises(RuleViolation, match="cannot be read"):
        await world.create_library(paths=("/locked",))


async def test_names_are_unique_in_any_case_and_folders_never_overlap() -> None:
    world = World()
    world.fs.add_folder("/other")
    world.fs.add_folder(f"{ROOT}/Kids")
    await world.create_library(name="Movies")

    with pytest.raises(Conflict) as taken:
        await world.create_library(name="MOVIES", paths=("/other",))
    with pytest.raises(RuleViolation) as nested:
        await world.create_library(name="Kids", paths=(f"{ROOT}/Kids",))

    assert taken.value.field == "name"
    assert nested.value.field == "paths[0]" and "'Movies'" in nested.value.detail


async def test_a_new_library_requests_its_first_scan() -> None:
    world = World()

    library = await world.create_library(scan=True)

    assert world.jobs == [("library.scan", {"library_id": library.id},
                           f"library.scan:{library.id}")]


async def test_an_update_changes_only_the_fields_given() -> None:
    world = World()
    library = await world.create_library(scan_interval_minutes=60)

    updated = await UpdateLibrary(world.unit_of_work, world.fs, world.clock).execute(
        UpdateLibraryCommand(library_id=library.id, name="Films", watch=True))

    assert (updated.name, updated.paths, updated.watch, updated.scan_interval_minutes) == (
        "Films", (ROOT,), True, 60)


async def test_an_update_may_not_take_another_librarys_name() -> None:
    world = World()
    world.fs.add_folder("/other")
    await world.create_library(name="Movies")
    other = await world.create_library(name="Other", paths=("/other",))

    with pytest.raises(Conflict):
        await UpdateLibrary(world.unit_of_work, world.fs, world.clock).execute(
            UpdateLibraryCommand(library_id=other.id, name="movies"))


async def test_deleting_a_library_keeps_its_movies_missing_with_their_files() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    await world.scan()
    assert world.library is not None

    await DeleteLibrary(world.unit_of_work, world.clock).execute(
        DeleteLibraryCommand(world.library.id))

    assert world.movie("Heat").missing
    assert world.file_at("Heat (1995)/Heat.mkv").missing_since is not None
    with pytest.raises(NotFound):
        await DeleteLibrary(world.unit_of_work, world.clock).execute(
            DeleteLibraryCommand(world.library.id))


async def test_re_adding_a_deleted_librarys_folder_finds_its_movies_again() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    await world.scan()
    await world.probe_all()
    assert world.library is not None
    heat = world.movie("Heat").id
    await DeleteLibrary(world.unit_of_work, world.clock).execute(
        DeleteLibraryCommand(world.library.id))

    world.library = None
    await world.scan()

    assert [m.id for m in world.movies()] == [heat] and not world.movie("Heat").missing


async def test_a_scan_request_is_one_job_per_library_at_a_time() -> None:
    world = World()
    library = await world.create_library()
    request = RequestLibraryScan(world.unit_of_work, world.clock)

    await request.execute(RequestLibraryScanCommand(library.id))

    assert world.jobs[-1][2] == f"library.scan:{library.id}"
    with pytest.raises(NotFound):
        await request.execute(RequestLibraryScanCommand("0190f0e0-0000-7000-8000-00000000dead"))


async def test_periodic_scans_are_requested_once_per_interval() -> None:
    world = World()
    hourly = await world.create_library(scan_interval_minutes=60)
    world.fs.add_folder("/manual")
    await world.create_library(name="Manual", paths=("/manual",))
    schedule = ScheduleScans(world.unit_of_work, world.clock)

    first = await schedule.execute()
    again = await schedule.execute()
    world.now += timedelta(minutes=61)
    later = await schedule.execute()

    assert len(first) == 1 and again == [] and len(later) == 1
    assert {job[1]["library_id"] for job in world.jobs} == {hourly.id}


async def test_a_rescan_of_a_library_whose_scan_was_abandoned_starts_a_new_one() -> None:
    """Review finding 11: a worker crash left the scan `running`, and a rescan request
    returned that stuck run's id, so the library could not be scanned again."""
    world = World()

    async def no_relay() -> None: ...

    world._queue = lambda uow: InMemoryJobQueue(  # type: ignore[method-assign,assignment]
        uow, wake_relay=no_relay, max_attempts=1)
    library = await world.create_library()
    request = RequestLibraryScan(world.unit_of_work, world.clock)
    stuck = await request.execute(RequestLibraryScanCommand(library.id))
    assert await InMemoryJobReporter(world.state).mark_running(stuck)
    assert await request.execute(RequestLibraryScanCommand(library.id)) == stuck  # alive
    world.state.table("job_runs")[stuck]["updated_at"] -= timedelta(minutes=1)  # it died

    fresh = await request.execute(RequestLibraryScanCommand(library.id))

    assert fresh != stuck
    assert world.state.table("job_runs")[stuck]["status"] == "failed"
