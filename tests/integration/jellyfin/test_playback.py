"""Playing from a Jellyfin app: PlaybackInfo decided by our playback domain, the direct
stream with ranges, our HLS at Jellyfin's paths, play state into Continue watching."""

from __future__ import annotations

from typing import Any

from tests.integration.jellyfin.conftest import Jellyfin, item_id
from tests.integration.playback.live import movie_id

# What a browser-like app declares: MP4 with H.264 and AAC, nothing else.
BROWSER = {"DirectPlayProfiles": [{"Container": "mp4,m4v", "Type": "Video",
                                   "VideoCodec": "h264", "AudioCodec": "aac,mp3"}],
           "TranscodingProfiles": [{"Container": "ts", "Type": "Video", "Protocol": "hls",
                                    "VideoCodec": "h264", "AudioCodec": "aac"}]}


async def playback_info(jellyfin: Jellyfin, name: str, **body: Any) -> dict[str, Any]:
    answer = await jellyfin.post(f"/Items/{item_id(name)}/PlaybackInfo",
                                 json={"DeviceProfile": BROWSER, **body})
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def test_a_playable_file_is_direct_play_and_streams_with_ranges(
        jellyfin: Jellyfin) -> None:
    info = await playback_info(jellyfin, "Direct")
    (source,) = info["MediaSources"]
    assert source["SupportsDirectPlay"] is True and "TranscodingUrl" not in source
    assert {s["Type"] for s in source["MediaStreams"]} == {"Video", "Audio"}
    url = f"/Videos/{item_id('Direct')}/stream"
    params = {"static": "true", "MediaSourceId": source["Id"],
              "PlaySessionId": info["PlaySessionId"], "api_key": jellyfin.token}
    part = await jellyfin.client.get(url, params=params, headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and len(part.content) == 100
    assert part.headers["content-range"].startswith("bytes 0-99/")
    beyond = await jellyfin.client.get(url, params=params,
                                       headers={"Range": "bytes=999999999-"})
    assert beyond.status_code == 416


async def test_a_file_the_app_cannot_play_gets_our_hls(jellyfin: Jellyfin) -> None:
    info = await playback_info(jellyfin, "Transcoded")
    (source,) = info["MediaSources"]
    assert source["SupportsDirectPlay"] is False
    assert source["TranscodingSubProtocol"] == "hls"
    master = await jellyfin.client.get(source["TranscodingUrl"])
    assert master.status_code == 200 and master.text.startswith("#EXTM3U")
    variant_uri = next(line for line in master.text.splitlines()
                       if line and not line.startswith("#"))
    base = str(master.url).rsplit("/", 1)[0]
    variant = await jellyfin.client.get(f"{base}/{variant_uri}")
    assert variant.status_code == 200, variant.text
    segment_uri = next(line for line in variant.text.splitlines()
                       if line and not line.startswith("#"))
    segment = await jellyfin.client.get(str(variant.url).rsplit("/", 1)[0] + "/" + segment_uri)
    assert segment.status_code == 200 and segment.content[:1] == b"\x47"  # MPEG-TS sync


async def test_text_subtitles_are_delivered_as_webvtt_and_srt(jellyfin: Jellyfin) -> None:
    info = await playback_info(jellyfin, "Transcoded")
    (subtitle,) = [s for s in info["MediaSources"][0]["MediaStreams"] if s["Type"] == "Subtitle"]
    assert subtitle["DeliveryMethod"] == "External" and subtitle["IsTextSubtitleStream"]
    vtt = await jellyfin.client.get(subtitle["DeliveryUrl"])
    assert vtt.status_code == 200 and vtt.text.startswith("WEBVTT")
    srt = await jellyfin.client.get(subtitle["DeliveryUrl"].replace("Stream.vtt", "Stream.srt"))
    assert srt.status_code == 200 and srt.text.startswith("1\n00:00:00,5")
    assert "\n\n2\n00:00:02," in srt.text and "General Kenobi" in srt.text


async def test_reported_progress_shows_in_continue_watching(jellyfin: Jellyfin) -> None:
    info = await playback_info(jellyfin, "Direct")
    report = {"ItemId": item_id("Direct"), "PlaySessionId": info["PlaySessionId"],
              "PositionTicks": 0}
    assert (await jellyfin.post("/Sessions/Playing", json=report)).status_code == 204
    for seconds in (1, 2):
        progress = await jellyfin.post("/Sessions/Playing/Progress",
                                       json={**report, "PositionTicks": seconds * 10**7})
        assert progress.status_code == 204
    stopped = await jellyfin.post("/Sessions/Playing/Stopped",
                                  json={**report, "PositionTicks": 2 * 10**7})
    assert stopped.status_code == 204
    mine = await jellyfin.client.get(f"/api/v1/movies/{movie_id('Direct')}/progress",
                                     headers=jellyfin.live.admin)
    assert mine.json()["position_seconds"] == 2.0
    sessions = await jellyfin.live.container.playback.sessions().all()
    assert all(s.id.replace("-", "") != info["PlaySessionId"] for s in sessions)


async def test_a_user_without_playback_is_refused_by_every_route_that_plays(
        jellyfin: Jellyfin) -> None:
    from tests.integration.jellyfin.test_permissions import viewer_token

    token = await viewer_token(jellyfin)
    headers = jellyfin.headers(token)
    movie = item_id("Direct")
    refused = [
        await jellyfin.client.post(f"/Items/{movie}/PlaybackInfo", headers=headers, json={}),
        await jellyfin.client.get(f"/Videos/{movie}/stream", headers=headers,
                                  params={"static": "true"}),
        await jellyfin.client.post("/Sessions/Playing/Progress", headers=headers,
                                   json={"ItemId": movie, "PositionTicks": 10**7}),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403]
    browsing = await jellyfin.client.get(f"/Items/{movie}", headers=headers)
    assert browsing.status_code == 200
