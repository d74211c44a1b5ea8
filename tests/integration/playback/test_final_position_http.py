"""Ending a session records the final position in the catalog (its RecordProgress and
repositories, not a fake): the catalog's progress endpoint shows it afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.playback.live import Live, live_server, movie_id


@pytest.fixture(scope="module")
async def live(playback_media: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
               ) -> AsyncIterator[Live]:
    files = {"remux": playback_media["h264_aac_long.mkv"]}
    async with live_server(tmp_path_factory.mktemp("final-position"), files) as server:
        yield server


async def _progress(live: Live) -> dict[str, Any]:
    response = await live.client.get(f"/api/v1/movies/{movie_id('remux')}/progress",
                                     headers=live.admin)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def _segment(live: Live, session: dict[str, Any], index: int) -> float:
    """Fetches segment `index` of the original rendition; returns where it starts."""
    base, token = session["hls_url"].split("master.m3u8?")
    playlist = (await live.client.get(f"{base}original/index.m3u8?{token}")).text
    durations = [float(line[8:].rstrip(",")) for line in playlist.splitlines()
                 if line.startswith("#EXTINF:")]
    response = await live.client.get(f"{base}original/{index}.ts?{token}")
    assert response.status_code == 200
    return sum(durations[:index])


async def test_the_position_sent_when_ending_is_recorded(live: Live) -> None:
    session = await live.session("remux")
    assert (await live.end(session["id"], position_seconds=7.5)).status_code == 204
    progress = await _progress(live)
    assert progress["position_seconds"] == pytest.approx(7.5)
    assert progress["duration_seconds"] == pytest.approx(20.0, abs=0.1)
    assert not progress["completed"]


async def test_without_a_position_the_last_segment_served_is_recorded(live: Live) -> None:
    session = await live.session("remux")
    start = await _segment(live, session, 3)
    assert (await live.end(session["id"])).status_code == 204
    assert start > 0
    assert (await _progress(live))["position_seconds"] == pytest.approx(start, abs=0.01)


async def test_ending_near_the_end_counts_a_play(live: Live) -> None:
    before = (await _progress(live))["play_count"]
    session = await live.session("remux")
    await live.end(session["id"], position_seconds=19.5)
    progress = await _progress(live)
    assert progress["completed"] and progress["play_count"] == before + 1
