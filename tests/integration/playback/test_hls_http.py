"""HLS over real HTTP: ffmpeg decodes our master playlist end to end, segment durations
add up to the file's, a far seek is fast, ending a session leaves nothing behind;
subtitles come out as WebVTT with the right cue times."""

from __future__ import annotations

import asyncio
import math
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from revenge.domain.media.sidecars import SIDECAR_INDEX_BASE
from tests.integration.playback.live import Live, live_server, run

MOVIES = {"remux": "h264_aac_long.mkv", "transcode": "hevc_ac3_long.mkv",
          "subs": "hevc_ac3.mkv"}


@pytest.fixture(scope="module")
async def live(playback_media: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
               ) -> AsyncIterator[Live]:
    files = {movie: playback_media[name] for movie, name in MOVIES.items()}
    async with live_server(tmp_path_factory.mktemp("hls"), files, transcode_limit=2) as server:
        yield server


async def _duration(source: str) -> float:
    code, out, err = await run("ffprobe", "-v", "error", "-show_entries", "format=duration",
                               "-of", "csv=p=0", source)
    assert code == 0, err
    return float(out.strip())


def _extinf(playlist: str) -> list[float]:
    return [float(x) for x in re.findall(r"#EXTINF:([\d.]+),", playlist)]


@pytest.mark.parametrize(("movie", "method"), [("remux", "remux"), ("transcode", "transcode")])
async def test_ffmpeg_decodes_the_whole_duration_from_our_master_playlist(
        live: Live, playback_media: dict[str, Path], movie: str, method: str) -> None:
    session = await live.session(movie)
    assert session["method"] == method
    source_duration = await _duration(str(playback_media[MOVIES[movie]]))
    code, out, err = await run(
        "ffmpeg", "-v", "error", "-nostdin", "-i", live.base + session["hls_url"],
        "-map", "0:v:0", "-map", "0:a:0", "-f", "null", "-progress", "pipe:1", "-")
    assert code == 0 and err.strip() == "", err
    decoded = max(int(v) for v in re.findall(r"out_time_us=(\d+)", out)) / 1e6
    assert decoded == pytest.approx(source_duration, abs=0.5)
    await live.end(session["id"])


@pytest.mark.parametrize("movie", ["remux", "transcode"])
async def test_segment_durations_add_up_to_the_file_duration(
        live: Live, playback_media: dict[str, Path], movie: str) -> None:
    session = await live.session(movie)
    master = (await live.client.get(session["hls_url"])).text
    first_variant = next(line for line in master.splitlines()
                         if "/index.m3u8?" in line and not line.startswith("#"))
    base = session["hls_url"].split("master.m3u8")[0]
    playlist = (await live.client.get(base + first_variant)).text
    listed = _extinf(playlist)
    source = await _duration(str(playback_media[MOVIES[movie]]))
    assert math.fsum(listed) == pytest.approx(source, abs=0.5)
    variant_base = base + first_variant.split("index.m3u8")[0]
    token = session["hls_url"].split("?")[1]
    real = [await _duration(f"{live.base}{variant_base}{i}.ts?{token}")
            for i in range(len(listed))]
    assert math.fsum(real) == pytest.approx(source, abs=0.5)
    await live.end(session["id"])


async def _segment_time(live: Live, session: dict, index: int) -> float:
    base, token = session["hls_url"].split("master.m3u8?")
    name = "original" if session["method"] == "remux" else "180p"
    started = time.perf_counter()
    response = await live.client.get(f"{base}{name}/{index}.ts?{token}")
    assert response.status_code == 200 and response.content[:1] == b"G"
    return time.perf_counter() - started


@pytest.mark.parametrize("movie", ["remux", "transcode"])
async def test_a_far_seek_answers_within_twice_the_first_segment_time(
        live: Live, movie: str) -> None:
    first_session = await live.session(movie)
    first = await _segment_time(live, first_session, 0)
    await live.end(first_session["id"])
    seeking = await live.session(movie)
    playlist_len = 5 if movie == "remux" else 6
    far = await _segment_time(live, seeking, playlist_len - 1)
    await live.end(seeking["id"])
    assert far <= 2 * first + 0.1, (first, far)


async def test_ending_a_session_leaves_no_ffmpeg_and_no_files(live: Live) -> None:
    session = await live.session("transcode")
    await _segment_time(live, session, 0)
    segmenter = live.container.playback.segmenter()
    cache = live.container.playback.cache_dir()
    assert segmenter.running() == 1 and list(cache.rglob("*.ts"))
    assert (await live.end(session["id"], position_seconds=3.0)).status_code == 204
    assert segmenter.running() == 0
    assert list(cache.rglob(f"*{session['id']}*")) == []
    _, out, _ = await run("pgrep", "-f", session["id"])
    assert out.strip() == ""


async def test_past_the_transcode_cap_a_new_transcode_gets_429(live: Live) -> None:
    sessions = [await live.session("transcode") for _ in range(2)]
    refused = await live.start("transcode")
    assert refused.status_code == 429 and "transcoding slots" in refused.json()["detail"]
    assert "retry-after" in refused.headers
    remux = await live.session("remux")
    for session in sessions:
        await live.end(session["id"])
    again = await live.session("transcode")
    for session in (remux, again):
        await live.end(session["id"])


async def test_admins_see_the_active_sessions(live: Live) -> None:
    session = await live.session("remux")
    listed = (await live.client.get("/api/v1/admin/playback/sessions", headers=live.admin)).json()
    assert session["id"] in [item["id"] for item in listed["items"]]
    started = listed["items"][0]["started_at"]  # RFC 3339 UTC, not an epoch number
    assert datetime.fromisoformat(started).tzinfo == UTC and started.endswith("Z")
    await live.end(session["id"])


async def test_segments_and_playlists_need_the_token(live: Live) -> None:
    session = await live.session("remux")
    bare = session["hls_url"].split("?")[0]
    assert (await live.client.get(bare)).status_code == 401
    segment = bare.replace("master.m3u8", "original/0.ts")
    assert (await live.client.get(segment, headers=live.admin)).status_code == 401
    await live.end(session["id"])


@pytest.mark.parametrize("name", ["original/\u00b2.ts", "original/1\u00b2.ts",
                                  "subtitles/\u00b2000.m3u8"])
async def test_a_segment_or_subtitle_number_in_other_digits_is_not_found(
        live: Live, name: str) -> None:
    # Found by fuzzing: "²" is a digit to str.isdigit() but not to int(), and answered 500.
    session = await live.session("subs")
    url = session["hls_url"].replace("master.m3u8", name)
    subtitle = session["subtitles"][0]["url"].replace("/subtitles/", "/subtitles/\u00b2")

    responses = [await live.client.get(url), await live.client.get(subtitle)]
    await live.end(session["id"])

    assert [r.status_code for r in responses] == [404, 404], [r.text for r in responses]


_CUE = re.compile(r"^((?:\d+:)?\d\d:\d\d\.\d{3}) --> ((?:\d+:)?\d\d:\d\d\.\d{3})", re.M)


def _seconds(stamp: str) -> float:
    parts = [float(p) for p in stamp.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))


def _cues(vtt: str) -> list[tuple[float, float]]:
    """Cue (start, end) in seconds; WebVTT allows hours to be left out."""
    return [(round(_seconds(a), 3), round(_seconds(b), 3)) for a, b in _CUE.findall(vtt)]


async def _embedded_cues(path: Path, index: int) -> list[tuple[float, float]]:
    code, out, err = await run("ffprobe", "-v", "error", "-select_streams", str(index),
                               "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0",
                               str(path))
    assert code == 0, err
    pairs = [tuple(float(x) for x in line.split(",")[:2]) for line in out.split()]
    return [(round(start, 3), round(start + length, 3)) for start, length in pairs]


async def test_an_embedded_srt_comes_out_as_webvtt_with_its_cue_times(
        live: Live, playback_media: dict[str, Path]) -> None:
    session = await live.session("subs")
    srt = next(s for s in session["subtitles"] if s["format"] == "subrip")
    response = await live.client.get(srt["url"])
    assert response.headers["content-type"].startswith("text/vtt")
    assert response.text.startswith("WEBVTT")
    # The SRT said 0.5-1.5 and 2.0-3.25; the muxer shifted the track by the video's start
    # delay, so the file's own packet times are the truth.
    expected = await _embedded_cues(playback_media[MOVIES["subs"]], srt["index"])
    assert _cues(response.text) == expected
    assert [round(b - a, 3) for a, b in expected] == [1.0, 1.25]
    assert "General Kenobi" in response.text
    await live.end(session["id"])


async def test_a_sidecar_ass_comes_out_as_webvtt_with_its_cue_times(live: Live) -> None:
    session = await live.session("subs")
    ass = next(s for s in session["subtitles"] if s["index"] == SIDECAR_INDEX_BASE)
    assert (ass["format"], ass["language"], ass["external"]) == ("ass", "fr", True)
    text = (await live.client.get(ass["url"])).text
    assert text.startswith("WEBVTT")
    assert _cues(text) == [(1.0, 2.5), (3.1, 4.0)]
    assert "<i>Bonjour</i> le monde" in text
    await live.end(session["id"])


async def test_the_master_playlist_offers_text_subtitles_as_a_rendition_group(
        live: Live) -> None:
    session = await live.session("subs")
    master = (await live.client.get(session["hls_url"])).text
    assert 'TYPE=SUBTITLES,GROUP-ID="subs"' in master and 'SUBTITLES="subs"' in master
    await asyncio.sleep(0)
    await live.end(session["id"])
