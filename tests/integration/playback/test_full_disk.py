"""Review finding 14: on a full disk a truncated HLS segment was served as 200 and later
ones failed "because of ffmpeg". Here the transcode cache and the image cache are a
real tmpfs that fills up (see `tests/support/small_disk.py`)."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from revenge.adapters.ffmpeg.commands import EncoderOptions
from revenge.adapters.ffmpeg.runs import FfmpegRun, finished_segments
from revenge.adapters.ffmpeg.segmenter import FfmpegSegmenter
from revenge.adapters.ffmpeg.tools import locate_tools
from revenge.adapters.filesystem.disk_space import DiskSpaceProbe
from revenge.adapters.images.store import FileImageStore
from revenge.domain.errors import DiskFull
from tests.integration.playback.test_segmenter import _job
from tests.support.small_disk import small_disk

TS_PACKET = 188


def _ffprobe_ok(path: str) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                          "json", path], capture_output=True, check=True).stdout
    return float(json.loads(out)["format"]["duration"])


@pytest.mark.parametrize("share", [3, 2])
async def test_a_full_transcode_disk_serves_only_whole_segments_then_says_disk_full(
        playback_media: dict[str, Path], tmp_path: Path, share: int) -> None:
    source = playback_media["h264_aac_long.mkv"]
    # Room for the log reserve and roughly a third (a half) of the movie's segments.
    size = 64 * 1024 + source.stat().st_size // share
    with small_disk(tmp_path / "cache", size) as cache:
        segmenter = FfmpegSegmenter(locate_tools().ffmpeg, cache, EncoderOptions())
        job = await _job(source, remux=True)
        served: list[tuple[int, float]] = []  # (size, duration) of each segment handed out
        try:
            with pytest.raises(DiskFull) as full:
                for segment in job.segments:
                    path = await segmenter.segment(job, segment.index)
                    served.append((Path(path).stat().st_size, _ffprobe_ok(path)))  # noqa: ASYNC240
        finally:
            await segmenter.close()

    assert served, "the disk should hold a segment or two before it fills"
    assert len(served) < len(job.segments)
    for segment, (size, duration) in zip(job.segments, served, strict=False):
        assert size % TS_PACKET == 0
        assert duration == pytest.approx(segment.duration, abs=0.15)
    assert full.value.what == "transcode cache" and "is full" in str(full.value)


async def test_readiness_names_a_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "images", 256 * 1024) as images:
        probe = DiskSpaceProbe({"image cache": images}, min_free_bytes=64 * 1024)
        await probe.check()
        (images / "filler").write_bytes(b"\0" * (200 * 1024))

        with pytest.raises(DiskFull, match=r"the disk holding the image cache .* is full"):
            await probe.check()


def test_a_listed_segment_ffmpeg_could_not_end_is_not_whole(tmp_path: Path) -> None:
    """What ffmpeg 5-7 really does when the disk fills mid-segment (seen on a tmpfs): it
    logs the failure, lists the truncated segment in its CSV all the same, then exits."""
    (tmp_path / "0.ts").write_bytes(b"G" + b"\0" * (TS_PACKET * 100 - 1))
    (tmp_path / "1.ts").write_bytes(b"\0" * 32768)  # cut at a page: 56 bytes past a packet
    (tmp_path / "2.ts").write_bytes(b"\0" * TS_PACKET * 10)  # whole packets, yet failed
    (tmp_path / "segments.csv").write_text("0.ts,0,2\n1.ts,2,4\n2.ts,4,6\n")
    (tmp_path / "ffmpeg.log").write_bytes(
        f"[segment @ 0x5] Failure occurred when ending segment '{tmp_path}/2.ts'\n"
        "av_interleaved_write_frame(): No space left on device\n".encode() + b"\0" * 100)
    run = FfmpegRun(process=None, directory=tmp_path, start=0)  # type: ignore[arg-type]

    assert sorted(run.whole(finished_segments(tmp_path))) == [0]
    assert run.disk_full()


class _Downloader:
    def __init__(self, data: bytes) -> None:
        self.data = data

    async def download(self, source_path: str) -> bytes:
        return self.data


def _noisy_png(width: int, height: int) -> bytes:
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def test_a_full_image_cache_says_disk_full_and_leaves_no_partial_file(
        tmp_path: Path) -> None:
    poster = _noisy_png(500, 750)  # ~1 MiB of incompressible pixels
    with small_disk(tmp_path / "images", 512 * 1024) as root:
        store = FileImageStore(root, _Downloader(poster))  # type: ignore[arg-type]

        with pytest.raises(DiskFull) as full:
            await store.store("poster", "/poster.png")

        assert full.value.what == "image cache"
        assert [p.name for p in root.rglob("*") if p.is_file()] == []
