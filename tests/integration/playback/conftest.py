"""Generated media for the playback integration tests (real ffmpeg)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.fixtures.media import ASS_TEXT, H264_AAC_MP4, HEVC_AC3_MKV, MediaSpec, generate

# Long enough for a far seek to mean something, small enough to encode in a blink.
H264_AAC_MKV_LONG = dataclasses.replace(H264_AAC_MP4, name="h264_aac_long.mkv",
                                        container="matroska", duration=20.0, extra=[])
HEVC_AC3_MKV_LONG = dataclasses.replace(HEVC_AC3_MKV, name="hevc_ac3_long.mkv", duration=12.0)


@pytest.fixture(scope="session")
def playback_media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("playback-media")
    specs: list[MediaSpec] = [H264_AAC_MP4, HEVC_AC3_MKV, H264_AAC_MKV_LONG, HEVC_AC3_MKV_LONG]
    files = {spec.name: generate(spec, directory) for spec in specs}
    sidecar = directory / "hevc_ac3.fr.ass"
    sidecar.write_text(ASS_TEXT)
    files[sidecar.name] = sidecar
    return files
