"""Issue 20, finding 16: what the playback decision needs beyond the codec (H.264
profile, level, bit depth, chroma) is recorded by every real probe and survives the probe
cache, so a High 4:4:4 or Hi10P file is transcoded for a browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from revenge.adapters.ffmpeg.probe import FfprobeMediaProbe
from revenge.adapters.ffmpeg.probe_cache import CachedMediaProbe
from revenge.adapters.ffmpeg.pyav_probe import PyAVMediaProbe
from revenge.application.media.ports import MediaProbe
from revenge.domain.playback.decision import decide
from revenge.domain.playback.profiles import BROWSER
from tests.fixtures.media import AudioSpec, MediaSpec, generate

_X264 = ["libx264", "-preset", "ultrafast", "-g", "24"]
HIGH_444 = MediaSpec("high444.mp4", [*_X264, "-profile:v", "high444"], "h264",
                     (AudioSpec("aac", "aac"),), "mp4", duration=1.0,
                     extra=["-pix_fmt", "yuv444p"])
HI10P = MediaSpec("hi10p.mp4", [*_X264, "-profile:v", "high10"], "h264",
                  (AudioSpec("aac", "aac"),), "mp4", duration=1.0,
                  extra=["-pix_fmt", "yuv420p10le"])
PLAIN = MediaSpec("high420.mp4", ["libx264", "-preset", "veryfast", "-profile:v", "high",
                                  "-level", "4.0"], "h264",
                  (AudioSpec("aac", "aac"),), "mp4", duration=1.0)


@pytest.fixture(scope="module")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("decoder-facts")
    for spec in (HIGH_444, HI10P, PLAIN):
        generate(spec, directory)
    return directory


@pytest.fixture(params=["ffprobe", "pyav", "cached"])
def probe(request: pytest.FixtureRequest, tmp_path: Path) -> MediaProbe:
    if request.param == "pyav":
        return PyAVMediaProbe()
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        pytest.skip("no ffprobe on this system (PyAV covers probing)")
    if request.param == "ffprobe":
        return FfprobeMediaProbe(ffprobe)
    return CachedMediaProbe(FfprobeMediaProbe(ffprobe), tmp_path / "cache")


@pytest.mark.parametrize(("spec", "profile", "depth", "chroma", "method"), [
    (HIGH_444, "High 4:4:4 Predictive", 8, "4:4:4", "transcode"),
    (HI10P, "High 10", 10, "4:2:0", "transcode"),
    (PLAIN, "High", 8, "4:2:0", "direct"),
], ids=["high444", "hi10p", "high"])
async def test_the_probe_records_what_the_decision_needs(
        probe: MediaProbe, media_dir: Path, spec: MediaSpec, profile: str, depth: int,
        chroma: str, method: str) -> None:
    path = str(media_dir / spec.name)
    info = await probe.probe(path)
    if isinstance(probe, CachedMediaProbe):
        info = await probe.probe(path)  # the second answer comes from the cache
    video = info.video[0]
    assert (video.profile, video.depth, video.chroma) == (profile, depth, chroma)
    assert video.level is not None and video.level > 0
    assert decide(info, BROWSER).method == method
