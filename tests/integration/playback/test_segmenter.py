"""The ffmpeg segmenter against real files: segments on demand, far seeks, clean stops."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest

from revenge.adapters.ffmpeg import segmenter as segmenter_module
from revenge.adapters.ffmpeg.commands import EncoderOptions
from revenge.adapters.ffmpeg.probe import FfprobeMediaProbe
from revenge.adapters.ffmpeg.runs import FfmpegRun, spawn_run
from revenge.adapters.ffmpeg.segmenter import FfmpegSegmenter
from revenge.adapters.ffmpeg.tools import locate_tools
from revenge.domain.errors import Unavailable
from revenge.domain.playback.decision import decide
from revenge.domain.playback.ladder import quality_ladder
from revenge.domain.playback.profiles import BROWSER
from revenge.domain.playback.segments import fixed_segments, keyframe_segments
from revenge.domain.playback.sessions import HlsJob


async def _job(path: Path, remux: bool, rung: int = 0) -> HlsJob:
    tools = locate_tools()
    assert tools.ffprobe
    info = await FfprobeMediaProbe(tools.ffprobe).probe(str(path), keyframes=True)
    decision = decide(info, BROWSER)
    variant = quality_ladder(info, decision)[rung]
    assert variant.copy_video is remux
    segments = (keyframe_segments(info.keyframes or (), info.duration, 2.0) if remux
                else fixed_segments(info.duration, 2.0))
    return HlsJob(session_id="s1", source=str(path), video_index=0, hdr=None, variant=variant,
                  decision=decision, segments=segments)


def _duration(path: str) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                          "json", path], capture_output=True, check=True).stdout
    return float(json.loads(out)["format"]["duration"])


@pytest.fixture
async def segmenter(tmp_path: Path):
    segmenter = FfmpegSegmenter(locate_tools().ffmpeg, tmp_path / "cache", EncoderOptions())
    yield segmenter
    await segmenter.close()


async def test_segment_folders_are_private_to_the_server(
        segmenter: FfmpegSegmenter, playback_media: dict[str, Path], tmp_path: Path) -> None:
    """Review finding 9: transcode folders were created 0755, so any local account
    could read the segments of other users' movies. Every folder from the transcode
    cache down is 0700."""
    job = await _job(playback_media["h264_aac_long.mkv"], True)
    await segmenter.segment(job, 0)
    cache = tmp_path / "cache"
    folders = [cache, *(p for p in cache.rglob("*") if p.is_dir())]
    assert len(folders) >= 4  # cache, proc-<pid>, session, rendition, run
    assert {oct(p.stat().st_mode & 0o777) for p in folders} == {oct(0o700)}


@pytest.mark.parametrize(("name", "remux"), [("h264_aac_long.mkv", True),
                                             ("hevc_ac3_long.mkv", False)])
async def test_segments_in_order_have_the_planned_durations(
        segmenter: FfmpegSegmenter, playback_media: dict[str, Path], name: str,
        remux: bool) -> None:
    job = await _job(playback_media[name], remux)
    paths = [await segmenter.segment(job, s.index) for s in job.segments]
    for segment, path in zip(job.segments, paths, strict=True):
        assert _duration(path) == pytest.approx(segment.duration, abs=0.15)
    assert segmenter.running() <= 1


async def test_a_far_seek_restarts_ffmpeg_near_the_end(
        segmenter: FfmpegSegmenter, playback_media: dict[str, Path]) -> None:
    job = await _job(playback_media["h264_aac_long.mkv"], True)
    started = time.perf_counter()
    await segmenter.segment(job, 0)
    first = time.perf_counter() - started
    started = time.perf_counter()
    last = await segmenter.segment(job, len(job.segments) - 1)
    far = time.perf_counter() - started
    assert Path(last).exists() and far <= max(2 * first, 0.5)  # noqa: ASYNC240


async def test_a_request_left_behind_by_a_seek_ends_at_once(
        segmenter: FfmpegSegmenter, playback_media: dict[str, Path]) -> None:
    """A seek restarts ffmpeg past a segment still asked for (hls.js has usually
    abandoned that request): its wait ends at once, not after the minute's timeout."""
    job = await _job(playback_media["hevc_ac3_long.mkv"], False)
    behind = asyncio.create_task(segmenter.segment(job, 1))
    while segmenter.running() == 0:  # noqa: ASYNC110 (the segmenter has no event to wait on)
        await asyncio.sleep(0)
    started = time.perf_counter()
    await segmenter.segment(job, len(job.segments) - 1)

    with pytest.raises(Unavailable, match="left behind by a seek"):
        await behind
    assert time.perf_counter() - started < 10
    assert Path(await segmenter.segment(job, 1)).exists()  # noqa: ASYNC240 (asked again)


async def test_stopping_a_session_kills_ffmpeg_and_deletes_its_segments(
        segmenter: FfmpegSegmenter, playback_media: dict[str, Path], tmp_path: Path) -> None:
    job = await _job(playback_media["hevc_ac3_long.mkv"], False)
    path = Path(await segmenter.segment(job, 0))
    assert segmenter.running() == 1
    await segmenter.stop("s1")
    assert segmenter.running() == 0 and not path.exists()  # noqa: ASYNC240
    assert list((tmp_path / "cache").rglob("*.ts")) == []


async def test_an_idle_rendition_is_reaped(segmenter: FfmpegSegmenter,
                                           playback_media: dict[str, Path]) -> None:
    job = await _job(playback_media["hevc_ac3_long.mkv"], False)
    await segmenter.segment(job, 0)
    await asyncio.sleep(0.05)
    await segmenter.reap(idle_seconds=0.01)
    assert segmenter.running() == 0


_SERVER = """
import asyncio, sys
from pathlib import Path
from revenge.adapters.ffmpeg.runs import spawn_run

async def main():
    run = await spawn_run(["sleep", "60"], Path(sys.argv[1]), 0)
    print(run.process.pid, flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


def test_an_encoder_dies_with_a_server_killed_outright(tmp_path: Path) -> None:
    server = subprocess.Popen([sys.executable, "-c", _SERVER, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    encoder = int(server.stdout.readline())
    # setpriv arms the parent-death signal just before it execs the encoder; a server killed
    # in the microseconds before that cannot be covered, so the test kills after the exec.
    _wait_for_exec(encoder, "sleep")
    server.kill()
    server.wait()
    deadline = time.monotonic() + 5
    while _running(encoder):
        assert time.monotonic() < deadline, "the encoder outlived the server"
        time.sleep(0.02)


def _wait_for_exec(pid: int, program: str) -> None:
    deadline = time.monotonic() + 5
    while not _command(pid).startswith(program):
        assert time.monotonic() < deadline, f"{pid} never became {program}"
        time.sleep(0.005)


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return ""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _stopped(pid: int) -> bool:
    """Whether the process is stopped (paused): T in /proc."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "T"


async def _settles(pid: int, stopped: bool) -> bool:
    """Whether the process comes to be stopped (or running) within a second: a signal
    lands a moment after it is sent."""
    for _ in range(100):
        if _stopped(pid) is stopped:
            return True
        await asyncio.sleep(0.01)
    return False


async def test_asking_one_rendition_pauses_the_sessions_other_encoders(
        playback_media: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A player plays one quality at a time: the encoder of the one it left must not
    take the CPU from the one it now waits for (a quality switch, an ABR step down).
    The encoders here are real processes that write their first segment and keep
    running as a long film's ffmpeg does (the test clips end in a blink)."""

    async def long_running(argv: list[str], directory: Path, start: int) -> FfmpegRun:
        script = (f"head -c 188 /dev/zero > {start}.ts && echo {start}.ts,0,2 > "
                  "segments.csv && exec sleep 60")
        return await spawn_run(["sh", "-c", f"cd '{directory}' && {script}"], directory,
                               start)

    monkeypatch.setattr(segmenter_module, "spawn_run", long_running)
    segmenter = FfmpegSegmenter("ffmpeg", tmp_path / "cache", EncoderOptions())
    try:
        high = await _job(playback_media["hevc_ac3_long.mkv"], False)
        name = "120p" if high.variant.name != "120p" else "96p"
        low = msgspec.structs.replace(high, variant=msgspec.structs.replace(
            high.variant, name=name, width=160, height=int(name[:-1])))
        await segmenter.segment(high, 0)
        await segmenter.segment(low, 0)
        pids = {name: r.run.process.pid for (_, name), r in segmenter._renditions.items()
                if r.run}
        assert await _settles(pids[high.variant.name], stopped=True)
        assert not _stopped(pids[low.variant.name])
        await segmenter.segment(high, 0)  # asked again: it runs, and the other waits
        assert await _settles(pids[high.variant.name], stopped=False)
        assert await _settles(pids[low.variant.name], stopped=True)
    finally:
        await segmenter.close()


async def test_another_replica_finds_finished_segments_in_the_shared_folder(
        playback_media: dict[str, Path], tmp_path: Path) -> None:
    """Replicas share the transcode folder: one that does not own a session serves a
    segment the owner's ffmpeg closed whole straight from it, and only those."""
    cache = tmp_path / "cache"
    owner = FfmpegSegmenter(locate_tools().ffmpeg, cache, EncoderOptions(), replica="a")
    other = FfmpegSegmenter(locate_tools().ffmpeg, cache, EncoderOptions(), replica="b")
    try:
        job = await _job(playback_media["h264_aac_long.mkv"], True)
        made = await owner.segment(job, 1)
        assert other.finished_by("a", job, 1) == made
        # Not made by this owner: another session, another rendition.
        assert other.finished_by("a", msgspec.structs.replace(job, session_id="s2"), 1) is None
        assert other.finished_by("a", msgspec.structs.replace(job, variant=msgspec.structs.replace(
            job.variant, name="480p")), 1) is None
        assert other.finished_by("b", job, 1) is None  # nobody else made it
        assert other.finished_by("../a", job, 1) is None  # never out of the folder
        assert other.finished_by("a", job, len(job.segments)) is None
        # A truncated file is never handed out.
        await asyncio.to_thread(Path(made).write_bytes, b"G" * 100)
        assert other.finished_by("a", job, 1) is None
    finally:
        await owner.close()
        await other.close()
