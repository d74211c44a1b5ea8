"""`MediaProbe`: ffprobe, PyAV, the cache in front of them and the in-memory twin
report the same facts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from revenge.adapters.ffmpeg.probe import FfprobeMediaProbe
from revenge.adapters.ffmpeg.probe_cache import CachedMediaProbe
from revenge.adapters.ffmpeg.pyav_probe import PyAVMediaProbe
from revenge.adapters.memory.media_probe import InMemoryMediaProbe
from revenge.application.media.ports import MediaProbe
from revenge.domain.errors import NotFound
from revenge.domain.media.errors import UnreadableMedia
from tests.fixtures.media import (
    ALL,
    H264_AAC_MP4,
    HEVC_AC3_MKV,
    VP9_OPUS_WEBM,
    MediaSpec,
    expected_info,
    generate,
    write_corrupt,
)


@pytest.fixture(scope="module")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("probe-media")
    for spec in ALL:
        generate(spec, directory)
    write_corrupt(directory)
    return directory


def _memory(media_dir: Path) -> InMemoryMediaProbe:
    probe = InMemoryMediaProbe()
    for spec in ALL:
        path = media_dir / spec.name
        probe.add(str(path), expected_info(spec, path))
    probe.add_broken(str(media_dir / "broken.mkv"))
    return probe


@pytest.fixture(params=["memory", "ffprobe", "pyav", "cached"])
def probe(request: pytest.FixtureRequest, media_dir: Path, tmp_path: Path) -> MediaProbe:
    if request.param == "memory":
        return _memory(media_dir)
    if request.param == "pyav":
        return PyAVMediaProbe()
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        pytest.skip("no ffprobe on this system (PyAV covers probing)")
    if request.param == "ffprobe":
        return FfprobeMediaProbe(ffprobe)
    return CachedMediaProbe(FfprobeMediaProbe(ffprobe), tmp_path / "cache")


async def test_h264_mp4_reports_container_duration_and_streams(
        probe: MediaProbe, media_dir: Path) -> None:
    info = await probe.probe(str(media_dir / H264_AAC_MP4.name))
    assert info.container == "mp4" and info.duration == pytest.approx(6.0, abs=0.1)
    assert info.size == (media_dir / H264_AAC_MP4.name).stat().st_size
    video = info.video[0]
    assert (video.codec, video.width, video.height, video.frame_rate) == ("h264", 320, 180, 24)
    assert [(a.codec, a.channels) for a in info.audio] == [("aac", 2)]
    assert info.subtitles == () and info.keyframes is None


async def test_hevc_mkv_reports_languages_defaults_and_embedded_srt(
        probe: MediaProbe, media_dir: Path) -> None:
    info = await probe.probe(str(media_dir / HEVC_AC3_MKV.name))
    assert info.container == "matroska" and info.video[0].codec == "hevc"
    audio = [(a.index, a.codec, a.channels, a.language, a.default) for a in info.audio]
    assert audio == [(1, "ac3", 6, "eng", True), (2, "aac", 2, "fre", False)]
    subtitle = info.subtitles[0]
    assert (subtitle.index, subtitle.codec, subtitle.language, subtitle.format) == (
        3, "subrip", "eng", "text")


async def test_vp9_opus_webm_is_a_webm_container(probe: MediaProbe, media_dir: Path) -> None:
    info = await probe.probe(str(media_dir / VP9_OPUS_WEBM.name))
    assert info.container == "webm"
    assert (info.video[0].codec, info.audio[0].codec) == ("vp9", "opus")


@pytest.mark.parametrize("spec", ALL, ids=lambda s: s.name)
async def test_keyframes_are_listed_on_request_in_ascending_order(
        probe: MediaProbe, media_dir: Path, spec: MediaSpec) -> None:
    info = await probe.probe(str(media_dir / spec.name), keyframes=True)
    assert info.keyframes is not None
    assert [round(t) for t in info.keyframes] == [0, 1, 2, 3, 4, 5]


async def test_keyframes_are_left_out_unless_asked_for(probe: MediaProbe,
                                                       media_dir: Path) -> None:
    path = str(media_dir / HEVC_AC3_MKV.name)
    await probe.probe(path, keyframes=True)
    assert (await probe.probe(path)).keyframes is None


async def test_a_corrupt_file_is_unreadable_media_with_the_readers_message(
        probe: MediaProbe, media_dir: Path) -> None:
    with pytest.raises(UnreadableMedia) as raised:
        await probe.probe(str(media_dir / "broken.mkv"))
    assert "broken.mkv" in raised.value.detail and len(raised.value.detail) > len("broken.mkv: ")


async def test_a_missing_file_is_not_found(probe: MediaProbe, media_dir: Path) -> None:
    with pytest.raises(NotFound):
        await probe.probe(str(media_dir / "nothing-here.mp4"))
