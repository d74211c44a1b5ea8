"""m3u8 rendering: master with ladder and subtitle group; VOD variant playlists."""

from __future__ import annotations

from revenge.domain.media.info import VideoStream
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.playlists import (
    SubtitleRendition,
    render_master,
    render_variant,
    video_codecs_attribute,
)
from revenge.domain.playback.segments import fixed_segments

ORIGINAL = Variant(name="original", copy_video=True, width=1920, height=1080,
                   video_bitrate=6_000_000, audio_bitrate=160_000)
P720 = Variant(name="720p", copy_video=False, width=1280, height=720,
               video_bitrate=4_000_000, audio_bitrate=160_000)


def test_master_lists_each_variant_with_bandwidth_resolution_and_subtitles() -> None:
    text = render_master([(ORIGINAL, "original/index.m3u8?t=1"), (P720, "720p/index.m3u8?t=1")],
                         lambda v: "" if v.copy_video else "avc1.640028,mp4a.40.2",
                         [SubtitleRendition(name='Eng "SDH"', language="eng",
                                            uri="subtitles/3.m3u8?t=1")])
    lines = text.splitlines()
    assert lines[0] == "#EXTM3U"
    assert ('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Eng \'SDH\'",LANGUAGE="eng",'
            'DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subtitles/3.m3u8?t=1"') in lines
    assert lines[-4:] == [
        '#EXT-X-STREAM-INF:BANDWIDTH=6160000,RESOLUTION=1920x1080,NAME="original",'
        'SUBTITLES="subs"', "original/index.m3u8?t=1",
        '#EXT-X-STREAM-INF:BANDWIDTH=4160000,RESOLUTION=1280x720,NAME="720p",'
        'CODECS="avc1.640028,mp4a.40.2",SUBTITLES="subs"', "720p/index.m3u8?t=1"]


def test_a_variant_playlist_is_vod_and_lists_every_segment_from_the_start() -> None:
    text = render_variant(fixed_segments(14.0, 6.0), lambda s: f"{s.index}.ts?t=1")
    assert text.splitlines() == [
        "#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:6", "#EXT-X-MEDIA-SEQUENCE:0",
        "#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-INDEPENDENT-SEGMENTS",
        "#EXTINF:6.000000,", "0.ts?t=1", "#EXTINF:6.000000,", "1.ts?t=1",
        "#EXTINF:2.000000,", "2.ts?t=1", "#EXT-X-ENDLIST"]


def test_codec_strings_describe_the_h264_we_send() -> None:
    high = VideoStream(index=0, codec="h264", profile="High", level=41)
    assert video_codecs_attribute(high, copied=True) == "avc1.640029"
    assert video_codecs_attribute(high, copied=False) == "avc1.640028"
    hevc = VideoStream(index=0, codec="hevc", profile="Main", level=120)
    assert video_codecs_attribute(hevc, copied=True) == ""
