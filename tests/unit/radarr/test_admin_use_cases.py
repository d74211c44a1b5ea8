"""Settings, the connection check, sync requests, the periodic schedule and Emby-style
media updates, on in-memory twins."""

from __future__ import annotations

import pytest

from revenge.adapters.memory.library_libraries import libraries_of
from revenge.application.radarr.apply_media_updated import (
    ApplyMediaUpdated,
    ApplyMediaUpdatedCommand,
    MediaUpdate,
)
from revenge.application.radarr.check_connection import (
    CheckRadarrConnection,
    CheckRadarrConnectionCommand,
)
from revenge.application.radarr.common import API_KEY_PLACE
from revenge.application.radarr.request_sync import (
    RequestRadarrSync,
    RequestRadarrSyncCommand,
)
from revenge.application.radarr.schedule_sync import ScheduleRadarrSync
from revenge.domain.library.library import LibrarySettings, new_library
from revenge.domain.radarr.errors import RadarrNotConfigured
from tests.unit.radarr.support import T0, World


async def saved_token(world: World) -> str:
    async with world.unit_of_work() as uow:
        settings = await uow.settings.get()
    assert settings is not None and settings.api_key is not None
    return settings.api_key


async def test_the_api_key_is_stored_sealed_and_kept_when_left_out(world: World) -> None:
    await world.configure()
    token = await saved_token(world)

    await world.configure(api_key=None, enabled=False)

    assert world.radarr.api_key not in token and token.startswith("v1.")
    assert world.box.decrypt(token, API_KEY_PLACE).decode() == world.radarr.api_key
    assert await saved_token(world) == token


async def test_the_check_reports_the_version_or_why_not(world: World) -> None:
    check = CheckRadarrConnection(world.unit_of_work, world.box, world.radarr)
    with pytest.raises(RadarrNotConfigured):
        await check.execute(CheckRadarrConnectionCommand())
    await world.configure()

    ok = await check.execute(CheckRadarrConnectionCommand())
    refused = await check.execute(CheckRadarrConnectionCommand(api_key="nope"))
    elsewhere = await check.execute(CheckRadarrConnectionCommand(url="http://other:7878"))

    assert (ok.ok, ok.version) == (True, world.radarr.version)
    assert (refused.ok, refused.reason) == (False, "refused")
    assert (elsewhere.ok, elsewhere.reason) == (False, "unreachable")


async def test_sync_requests_share_one_job_until_it_runs(world: World) -> None:
    await world.configure()
    request = RequestRadarrSync(world.unit_of_work)

    first = await request.execute(RequestRadarrSyncCommand(mode="full"))
    second = await request.execute(RequestRadarrSyncCommand())

    assert first == second and [j["name"] for j in world.jobs()] == ["radarr_sync"]


async def test_a_disabled_connection_is_not_synced(world: World) -> None:
    await world.configure(enabled=False)
    with pytest.raises(RadarrNotConfigured, match="disabled"):
        await RequestRadarrSync(world.unit_of_work).execute(RequestRadarrSyncCommand())


async def test_the_schedule_requests_a_sync_once_per_interval(world: World) -> None:
    await world.configure(sync_interval_minutes=30)
    schedule = ScheduleRadarrSync(world.unit_of_work, world.clock)

    first = await schedule.execute()
    world.clock.advance(minutes=10)
    too_soon = await schedule.execute()
    world.clock.advance(minutes=25)
    world.state.table("job_runs").clear()
    later = await schedule.execute()

    assert first is not None and too_soon is None and later is not None


async def test_no_interval_means_no_periodic_sync(world: World) -> None:
    await world.configure(sync_interval_minutes=None)
    assert await ScheduleRadarrSync(world.unit_of_work, world.clock).execute() is None


async def test_media_updates_rescan_their_folders_in_their_library(world: World) -> None:
    await world.configure()
    library = new_library("0195aaaa-0000-7000-8000-000000000001",
                          LibrarySettings(name="Movies", paths=("/media/movies",)), T0)
    libraries_of(world.state)[library.id] = library
    apply = ApplyMediaUpdated(world.unit_of_work)

    report = await apply.execute(ApplyMediaUpdatedCommand(updates=(
        MediaUpdate(path="/media/movies/Heat (1995)/Heat.mkv", update_type="Created"),
        MediaUpdate(path="/movies/Alien (1979)", update_type="Deleted"),
        MediaUpdate(path="/elsewhere/x.mkv"))))

    (scan,) = report.scans
    assert scan.within == ("/media/movies/Alien (1979)", "/media/movies/Heat (1995)")
    assert report.ignored == ("/elsewhere/x.mkv",)
    (job,) = world.jobs()
    assert (job["name"], job["payload"]["library_id"]) == ("library.scan", library.id)


@pytest.fixture
def world() -> World:
    return World()
