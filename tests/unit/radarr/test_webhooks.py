"""Webhook deliveries in Radarr's real shapes, received and applied on in-memory twins."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from revenge.adapters.radarr.webhooks import read_webhook
from revenge.application.radarr.handle_webhook import HandleRadarrWebhookCommand
from revenge.application.radarr.receive_webhook import Receipt, ReceiveRadarrWebhookCommand
from revenge.domain.errors import RuleViolation
from tests.fakes.radarr import RadarrLibrary
from tests.fakes.radarr import payloads as radarr_sends
from tests.unit.radarr.support import World

LOCAL = "/media/movies/Heat (1995)"


async def deliver(world: World, payload: dict[str, Any]) -> tuple[Receipt, dict[str, Any]]:
    """Receives the delivery as the HTTP endpoint would, then runs its job."""
    event, key = read_webhook(json.dumps(payload).encode())
    receipt = await world.receive().execute(ReceiveRadarrWebhookCommand(event=event, key=key))
    if receipt.job_id is None:
        return receipt, {}
    return receipt, await world.handle().execute(HandleRadarrWebhookCommand(key))


@pytest.fixture
async def world() -> World:
    world = World()
    await world.configure()
    return world


@pytest.fixture
def radarr() -> RadarrLibrary:
    library = RadarrLibrary()
    library.add(7, "Heat", 1995, 949, imdb_id="tt0113277", with_file=False)
    return library


def files_by_path(world: World) -> dict[str, Any]:
    return {f.path: f for f in world.catalog()[1].values()}


async def test_a_test_event_is_answered_and_nothing_else(world: World) -> None:
    receipt, _ = await deliver(world, radarr_sends.connection_test())

    assert receipt == Receipt(event_type="Test")
    assert world.jobs() == [] and world.catalog() == ({}, {})


async def test_a_grab_records_the_download(world: World, radarr: RadarrLibrary) -> None:
    await deliver(world, radarr_sends.grab(radarr.movies[7]))

    (download,) = world.state.table("radarr_downloads").values()
    assert (download.status, download.tmdb_id, download.download_client) == (
        "downloading", 949, "qBittorrent")
    assert download.release_title == "Heat.1995.1080p-GRP"


async def test_a_download_imports_the_file_at_its_mapped_path(world: World,
                                                              radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat (1995) Bluray-1080p.mkv")

    _, outcome = await deliver(world, radarr_sends.download(radarr.movies[7], file))

    (movie,) = world.catalog()[0].values()
    assert (movie.title, movie.tmdb_id, movie.imdb_id) == ("Heat", 949, "tt0113277")
    assert list(files_by_path(world)) == [f"{LOCAL}/Heat (1995) Bluray-1080p.mkv"]
    assert outcome["files_added"] == 1
    assert [d.status for d in world.state.table("radarr_downloads").values()] == ["imported"]


async def test_an_upgrade_replaces_the_old_file_in_the_same_record(world: World,
                                                                   radarr: RadarrLibrary
                                                                   ) -> None:
    old = radarr.give_file(7, "Heat (1995) DVD.mkv")
    await deliver(world, radarr_sends.download(radarr.movies[7], old))
    (before,) = files_by_path(world).values()
    new = radarr.give_file(7, "Heat (1995) Bluray-2160p.mkv")

    _, outcome = await deliver(world, radarr_sends.download(radarr.movies[7], new, [old]))

    (after,) = files_by_path(world).values()
    assert (after.id, after.movie_id) == (before.id, before.movie_id)
    assert after.path == f"{LOCAL}/Heat (1995) Bluray-2160p.mkv" and after.missing_since is None
    assert outcome["files_moved"] == 1


async def test_a_rename_moves_the_path_and_keeps_the_record(world: World,
                                                            radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    await deliver(world, radarr_sends.download(radarr.movies[7], file))
    (before,) = files_by_path(world).values()
    previous = file["path"]
    radarr.rename_file(7, "Heat (1995) Bluray-1080p.mkv")

    await deliver(world, radarr_sends.rename(radarr.movies[7], file, previous))

    (after,) = files_by_path(world).values()
    assert after.id == before.id and after.path == f"{LOCAL}/Heat (1995) Bluray-1080p.mkv"


async def test_a_deleted_file_is_marked_missing_and_its_movie_too(world: World,
                                                                  radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    await deliver(world, radarr_sends.download(radarr.movies[7], file))

    await deliver(world, radarr_sends.movie_file_delete(radarr.movies[7], file))

    (record,) = files_by_path(world).values()
    (movie,) = world.catalog()[0].values()
    assert record.missing_since is not None and movie.missing


async def test_a_file_radarr_deleted_that_we_still_see_is_listed_not_missing(
        world: World, radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    await deliver(world, radarr_sends.download(radarr.movies[7], file))
    world.disk.paths.add(f"{LOCAL}/Heat.1995.mkv")

    await deliver(world, radarr_sends.movie_file_delete(radarr.movies[7], file))

    (record,) = files_by_path(world).values()
    assert record.missing_since is None
    (conflict,) = await world.queries().conflicts()
    assert conflict.conflict.kind == "deleted_in_radarr"


@pytest.mark.parametrize(("deleted_files", "missing"), [(True, True), (False, False)])
async def test_a_movie_deleted_in_radarr_is_unlinked_and_missing_only_with_its_files(
        world: World, radarr: RadarrLibrary, deleted_files: bool, missing: bool) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    await deliver(world, radarr_sends.download(radarr.movies[7], file))
    if not deleted_files:
        world.disk.paths.add(f"{LOCAL}/Heat.1995.mkv")

    await deliver(world, radarr_sends.movie_delete(radarr.movies[7],
                                                  deleted_files=deleted_files))

    (record,) = files_by_path(world).values()
    assert (record.missing_since is not None) is missing
    assert world.state.table("radarr_links") == {}


@pytest.mark.parametrize("payload", [
    radarr_sends.health(), radarr_sends.health(restored=True),
    radarr_sends.application_update(),
])
async def test_other_events_are_recorded_only(world: World, payload: dict[str, Any]) -> None:
    receipt, outcome = await deliver(world, payload)

    assert outcome == {"event": payload["eventType"], "effect": "recorded"}
    (delivery,) = (await world.queries().status()).recent_deliveries
    assert delivery.event_type == payload["eventType"] and receipt.job_id is not None


async def test_movie_added_and_manual_interaction_are_recorded_only(
        world: World, radarr: RadarrLibrary) -> None:
    for payload in (radarr_sends.movie_added(radarr.movies[7]),
                    radarr_sends.manual_interaction_required(radarr.movies[7])):
        _, outcome = await deliver(world, payload)
        assert outcome["effect"] == "recorded"
    assert world.catalog() == ({}, {})


async def test_the_same_delivery_twice_is_applied_once(world: World,
                                                       radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    payload = radarr_sends.download(radarr.movies[7], file)
    await deliver(world, payload)
    jobs = len(world.jobs())

    replay = json.dumps(payload, indent=2, sort_keys=True).encode()  # same, respelled
    event, key = read_webhook(replay)
    again = await world.receive().execute(ReceiveRadarrWebhookCommand(event=event, key=key))

    assert again.duplicate and again.job_id is None and len(world.jobs()) == jobs
    assert len(world.catalog()[1]) == 1


async def test_a_job_run_twice_applies_its_delivery_once(world: World,
                                                         radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    _, outcome = await deliver(world, radarr_sends.download(radarr.movies[7], file))
    (key,) = world.state.table("radarr_deliveries")

    rerun = await world.handle().execute(HandleRadarrWebhookCommand(key))

    assert rerun == outcome and len(world.catalog()[0]) == 1


@pytest.mark.parametrize(("body", "field"), [
    (b"not json", "body"), (b"[1, 2]", "body"), (b"{}", "eventType"),
    (b'{"eventType": ""}', "eventType"),
    (b'{"eventType": "Download", "movie": {"tmdbId": "x"}}', "movie.tmdbId"),
    (b'{"eventType": "Download", "movie": []}', "movie"),
])
def test_malformed_bodies_are_refused_naming_the_field(body: bytes, field: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        read_webhook(body)
    assert refused.value.field == field


def test_the_delivery_key_ignores_spelling_but_not_content() -> None:
    payload = radarr_sends.health()
    same = msgspec.json.encode(dict(reversed(list(payload.items()))))
    other = json.dumps({**payload, "message": "else"}).encode()

    assert read_webhook(json.dumps(payload).encode())[1] == read_webhook(same)[1]
    assert read_webhook(other)[1] != read_webhook(same)[1]


async def test_a_delivery_not_applied_yet_is_requested_again_when_resent(
        world: World, radarr: RadarrLibrary) -> None:
    file = radarr.give_file(7, "Heat.1995.mkv")
    event, key = read_webhook(json.dumps(radarr_sends.download(radarr.movies[7], file))
                              .encode())
    command = ReceiveRadarrWebhookCommand(event=event, key=key)
    first = await world.receive().execute(command)
    world.state.table("job_runs")[first.job_id]["status"] = "failed"  # its job gave up

    again = await world.receive().execute(command)

    assert again.duplicate and again.job_id not in (None, first.job_id)
    await world.handle().execute(HandleRadarrWebhookCommand(key))
    assert (await world.receive().execute(command)).job_id is None
