"""Keyframes from the container index agree with a scan of every packet, or the index
is refused (None) and the caller scans."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import av
import pytest

from revenge.adapters.ffmpeg.keyframe_index import index_keyframes
from tests.fixtures.media import (
    H264_AAC_MP4,
    HEVC_AC3_MKV,
    VP9_OPUS_WEBM,
    ffmpeg_binary,
    generate,
    write_corrupt,
)

H264_BFRAMES_MP4 = dataclasses.replace(
    H264_AAC_MP4, name="h264_bframes.mp4",
    video_encoder=["libx264", "-preset", "veryfast", "-bf", "3", "-g", "24"], extra=[])
# Remuxes of the files above (name -> source, extra ffmpeg options). x265 cuts open GOPs:
# its later keyframes reorder differently from the first, so their composition offsets
# differ (one constant offset for all would misplace them).
REMUXES = {
    "h264_bframes.mkv": (H264_BFRAMES_MP4, []),
    "h264.ts": (H264_BFRAMES_MP4, []),
    "fragmented.mp4": (H264_BFRAMES_MP4, ["-movflags", "+frag_keyframe+empty_moov"]),
    "hevc_open_gop.mp4": (HEVC_AC3_MKV, ["-map", "0:v"]),
}


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("keyframe-index")
    files = {spec.name: generate(spec, directory)
             for spec in (H264_BFRAMES_MP4, HEVC_AC3_MKV, VP9_OPUS_WEBM)}
    for name, (spec, options) in REMUXES.items():
        files[name] = remux(files[spec.name], directory / name, options)
    files["broken.mkv"] = write_corrupt(directory)
    return files


def remux(source: Path, target: Path, options: list[str]) -> Path:
    subprocess.run([ffmpeg_binary(), "-v", "error", "-i", str(source), "-c", "copy",
                    *options, str(target)], check=True)
    return target


def scanned(path: Path) -> tuple[float, ...]:
    """The truth: the presentation time of every keyframe packet."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return tuple(sorted({round(float(p.pts * stream.time_base), 6)
                             for p in container.demux(stream)
                             if p.is_keyframe and p.pts is not None}))


@pytest.mark.parametrize("name", ["h264_bframes.mp4", "hevc_open_gop.mp4", "h264_bframes.mkv",
                                  "hevc_ac3.mkv", "vp9_opus.webm"])
def test_an_indexed_container_gives_every_keyframe_at_its_presentation_time(
        name: str, media: dict[str, Path]) -> None:
    indexed = index_keyframes(str(media[name]))
    assert indexed is not None
    assert indexed == pytest.approx(scanned(media[name]), abs=1e-3)
    assert len(indexed) == 6  # one a second (-g 24 at 24 fps) for 6 s


@pytest.mark.parametrize("name", ["h264.ts", "fragmented.mp4"])
def test_a_container_without_a_usable_index_is_left_to_the_scan(
        name: str, media: dict[str, Path]) -> None:
    assert index_keyframes(str(media[name])) is None


def test_matroska_without_cues_lists_only_real_keyframes(media: dict[str, Path],
                                                          tmp_path: Path) -> None:
    """FFmpeg writes no cues to a pipe; what the reader saw while opening is a true
    subset, so segments cut there stay truthful (only longer)."""
    target = tmp_path / "no_cues.mkv"
    with open(target, "wb") as out:
        subprocess.run([ffmpeg_binary(), "-v", "error", "-i", str(media["h264_bframes.mkv"]),
                        "-c", "copy", "-f", "matroska", "pipe:1"], stdout=out, check=True)
    indexed = index_keyframes(str(target))
    assert indexed is None or set(indexed) <= set(scanned(target))


def test_an_index_with_a_gap_longer_than_allowed_is_refused(media: dict[str, Path]) -> None:
    assert index_keyframes(str(media["h264_bframes.mkv"]), max_gap=0.5) is None


def test_an_unreadable_or_missing_file_has_no_index(media: dict[str, Path],
                                                    tmp_path: Path) -> None:
    assert index_keyframes(str(media["broken.mkv"])) is None
    assert index_keyframes(str(tmp_path / "missing.mkv")) is None
