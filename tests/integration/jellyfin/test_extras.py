"""A movie's extras as Jellyfin's local trailers and special features: listed, counted
on the movie, opened and played through the same routes, never moving the movie's
progress."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from revenge.domain.catalog.media import MovieFile
from tests.fixtures.media import H264_AAC_MP4, generate
from tests.integration.jellyfin.conftest import Jellyfin, item_id
from tests.integration.jellyfin.test_fields_and_paths import watcher_token
from tests.integration.playback.live import movie_id


@pytest.fixture(scope="module")
async def extras(jellyfin: Jellyfin, tmp_path_factory: pytest.TempPathFactory
                 ) -> dict[str, MovieFile]:
    """A trailer and a featurette of "Direct", recorded as a scan records extras."""
    folder = tmp_path_factory.mktemp("extras")
    clip = generate(H264_AAC_MP4, folder)
    made: dict[str, MovieFile] = {}
    now = datetime.now(UTC)
    for kind, name in (("trailer", "Direct-trailer.mp4"), ("featurette", "Making Of.mp4")):
        path = Path(shutil.copy(clip, folder / name))
        made[kind] = MovieFile(id=str(uuid.uuid4()), movie_id=movie_id("Direct"),
                               path=str(path), size_bytes=len(_bytes(path)), mtime=now,
                               kind="extra", extra_type=kind, container="mov,mp4,m4a",
                               duration_seconds=H264_AAC_MP4.duration, added_at=now,
                               updated_at=now)
    async with jellyfin.live.container.catalog.unit_of_work() as uow:
        for file in made.values():
            await uow.files.add(file)
        await uow.commit()
    return made


def _bytes(path: Path) -> bytes:
    return path.read_bytes()  # a small clip, read once the server has answered


async def _ok(jellyfin: Jellyfin, path: str, **params: str) -> Any:
    answer = await jellyfin.get(path, **params)
    assert answer.status_code == 200, (path, answer.text)
    return answer.json()


async def test_trailers_and_special_features_are_listed_and_counted(
        jellyfin: Jellyfin, extras: dict[str, MovieFile]) -> None:
    movie = item_id("Direct")
    (trailer,) = await _ok(jellyfin, f"/Items/{movie}/LocalTrailers")
    (feature,) = await _ok(jellyfin, f"/Users/{jellyfin.user_id}/Items/{movie}/SpecialFeatures")
    assert (trailer["Id"], trailer["Type"], trailer["ExtraType"]) == (
        extras["trailer"].id.replace("-", ""), "Trailer", "Trailer")
    assert (feature["Name"], feature["Type"], feature["ExtraType"]) == (
        "Making Of", "Video", "Featurette")
    assert trailer["ParentId"] == feature["ParentId"] == movie
    assert trailer["MediaSources"][0]["Id"] == trailer["Id"]
    detail = await _ok(jellyfin, f"/Items/{movie}")
    assert (detail["LocalTrailerCount"], detail["SpecialFeatureCount"]) == (1, 1)
    assert [s["Id"] for s in detail["MediaSources"]] != [trailer["Id"]]  # the movie's own
    other = item_id("Transcoded")
    assert await _ok(jellyfin, f"/Items/{other}/LocalTrailers") == []
    assert await _ok(jellyfin, f"/Items/{other}/SpecialFeatures") == []
    assert (await _ok(jellyfin, f"/Items/{other}"))["LocalTrailerCount"] == 0
    assert await _ok(jellyfin, f"/Items/{trailer['Id']}/SpecialFeatures") == []
    opened = await _ok(jellyfin, f"/Items/{trailer['Id']}")
    assert opened["Name"] == "Direct-trailer" and opened["Type"] == "Trailer"


async def test_an_extra_plays_through_the_same_routes_without_moving_the_movie(
        jellyfin: Jellyfin, extras: dict[str, MovieFile]) -> None:
    trailer = extras["trailer"]
    extra_id = trailer.id.replace("-", "")
    info = await jellyfin.post(f"/Items/{extra_id}/PlaybackInfo", json={})
    assert info.status_code == 200, info.text
    source = info.json()["MediaSources"][0]
    assert source["Id"] == extra_id and source["Size"] == trailer.size_bytes
    session = info.json()["PlaySessionId"]
    stream = await jellyfin.client.get(
        f"/Videos/{extra_id}/stream", headers={**jellyfin.headers(), "Range": "bytes=0-99"},
        params={"static": "true", "MediaSourceId": extra_id, "PlaySessionId": session})
    assert stream.status_code == 206, stream.text
    assert stream.content == _bytes(Path(trailer.path))[:100]
    report = {"ItemId": extra_id, "PlaySessionId": session, "PositionTicks": 3 * 10**7}
    assert (await jellyfin.post("/Sessions/Playing/Progress", json=report)).status_code == 204
    assert (await jellyfin.post("/Sessions/Playing/Stopped", json=report)).status_code == 204
    progress = await jellyfin.client.get(f"/api/v1/movies/{movie_id('Direct')}/progress",
                                         headers=jellyfin.live.admin)
    assert progress.json()["position_seconds"] == 0, progress.text
    # Without PlaybackInfo (an app that asks for the file straight away), by the extra's id.
    direct = await jellyfin.client.get(f"/Videos/{extra_id}/stream",
                                       headers={**jellyfin.headers(), "Range": "bytes=0-9"})
    assert direct.status_code == 206 and direct.content == _bytes(Path(trailer.path))[:10]


async def test_an_extras_server_path_is_a_file_name_for_a_viewer(
        jellyfin: Jellyfin, extras: dict[str, MovieFile]) -> None:
    token = await watcher_token(jellyfin)
    answer = await jellyfin.client.get(f"/Items/{item_id('Direct')}/LocalTrailers",
                                       headers=jellyfin.headers(token))
    (trailer,) = answer.json()
    assert trailer["Path"] == "Direct-trailer.mp4"
    assert trailer["MediaSources"][0]["Path"] == "Direct-trailer.mp4"
    assert str(Path(extras["trailer"].path).parent) not in answer.text
