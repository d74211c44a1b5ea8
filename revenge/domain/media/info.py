"""The probe's report of one media file: container, duration and every stream."""

from __future__ import annotations

from typing import Literal

import msgspec

from revenge.domain.media.codecs import chroma_subsampling, pixel_bit_depth

SubtitleFormat = Literal["text", "image"]

# Transfer characteristics that mean high dynamic range (ffprobe's `color_transfer`).
_HDR_TRANSFERS = {"smpte2084": "HDR10", "arib-std-b67": "HLG"}


class StreamBase(msgspec.Struct, frozen=True, kw_only=True):
    """`index` is the stream's absolute index in the file (ffmpeg's `0:<index>`)."""

    index: int
    codec: str
    profile: str | None = None
    language: str | None = None
    title: str | None = None
    default: bool = False
    forced: bool = False


class VideoStream(StreamBase, frozen=True, kw_only=True):
    width: int = 0
    height: int = 0
    level: int | None = None
    frame_rate: float | None = None
    pixel_format: str | None = None
    bit_depth: int | None = None
    color_transfer: str | None = None
    color_primaries: str | None = None
    bitrate: int | None = None

    @property
    def hdr(self) -> str | None:
        """"HDR10", "HLG", or None for standard dynamic range."""
        return _HDR_TRANSFERS.get(self.color_transfer or "")

    @property
    def depth(self) -> int | None:
        """Bits per sample: the probe's figure, else what the pixel format holds (PyAV
        and some ffprobe decoders give no `bits_per_raw_sample`)."""
        return self.bit_depth or pixel_bit_depth(self.pixel_format)

    @property
    def chroma(self) -> str | None:
        """"4:2:0", "4:2:2" or "4:4:4" from the pixel format (None when unknown)."""
        return chroma_subsampling(self.pixel_format)


class AudioStream(StreamBase, frozen=True, kw_only=True):
    channels: int = 2
    channel_layout: str | None = None
    sample_rate: int | None = None
    bitrate: int | None = None


class SubtitleStream(StreamBase, frozen=True, kw_only=True):
    """An embedded subtitle stream, or a sidecar file (`path` set, `index` 0 in it)."""

    format: SubtitleFormat = "text"
    path: str | None = None
    hearing_impaired: bool = False

    @property
    def external(self) -> bool:
        return self.path is not None


class MediaInfo(msgspec.Struct, frozen=True, kw_only=True):
    """`container` is the demuxer's first name (mp4 for "mov,mp4,m4a…", matroska for
    "matroska,webm", webm when the streams allow it); `formats` lists all its names.
    `keyframes` (seconds, ascending, of the first video stream) is filled on request."""

    container: str
    formats: tuple[str, ...] = ()
    duration: float
    bitrate: int | None = None
    size: int = 0
    start_time: float = 0.0
    video: tuple[VideoStream, ...] = ()
    audio: tuple[AudioStream, ...] = ()
    subtitles: tuple[SubtitleStream, ...] = ()
    keyframes: tuple[float, ...] | None = None

    @property
    def main_video(self) -> VideoStream | None:
        return next((v for v in self.video if v.default), self.video[0] if self.video else None)

    def audio_stream(self, index: int) -> AudioStream | None:
        return next((a for a in self.audio if a.index == index), None)

    def subtitle_stream(self, index: int) -> SubtitleStream | None:
        return next((s for s in self.subtitles if s.index == index), None)
