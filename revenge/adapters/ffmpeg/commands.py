"""ffmpeg argument lists, built only from validated values.

Nothing from a request reaches these lists as text: codec and variant names are checked
against closed vocabularies (`is_valid_name`), numbers are formatted here, stream
indexes are integers, and input paths come from the catalog, prefixed with `file:` so
ffmpeg never reads them as a protocol (`concat:`, `http:`) or an option (`-y`). A value
that fails a check raises `UnsafeArgument` instead of producing a command.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from revenge.domain.media.codecs import is_valid_name
from revenge.domain.playback.sessions import HlsJob

HwAccel = Literal["none", "vaapi", "nvenc", "qsv"]

_ENCODERS: dict[HwAccel, str] = {"none": "libx264", "vaapi": "h264_vaapi",
                                 "nvenc": "h264_nvenc", "qsv": "h264_qsv"}
_TONEMAP = ("zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
            "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv")
# Seek just before the cut so the demuxer lands on the keyframe before it; packets
# before the cut are then dropped (-copypriorss 0), so a copy starts on the cut's keyframe.
_SEEK_EARLY = 0.01


class UnsafeArgument(ValueError):
    """A value would have reached the ffmpeg command line unchecked."""


@dataclass(frozen=True)
class EncoderOptions:
    hwaccel: HwAccel = "none"
    vaapi_device: str = "/dev/dri/renderD128"
    preset: str = "veryfast"
    threads: int = 0
    can_tonemap: bool = False


def hls_command(ffmpeg: str, job: HlsJob, start_index: int, output: Path,
                options: EncoderOptions) -> list[str]:
    """Segments `start_index`… of `job` as MPEG-TS files `output/<n>.ts`, with a CSV
    list of finished segments in `output/segments.csv`. Timestamps stay the source's
    (-copyts), so segments from different runs line up."""
    _check_job(job, options)
    segments = job.segments[start_index:]
    start = segments[0].start
    argv = [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y"]
    argv += _input(job, start, options)
    argv += _video(job, options) + _maps(job) + _audio(job)
    if job.variant.copy_video and start > 0:
        argv += ["-copypriorss", "0"]  # an output option: drop what precedes the cut
    cuts = ",".join(f"{s.start:.6f}" for s in segments[1:])
    argv += ["-copyts", "-muxdelay", "0", "-muxpreload", "0", "-f", "segment",
             "-segment_format", "mpegts", "-segment_time_delta", "0.05",
             "-segment_start_number", str(start_index),
             "-segment_list", str(output / "segments.csv"), "-segment_list_type", "csv"]
    return [*argv, *(["-segment_times", cuts] if cuts else []), str(output / "%d.ts")]


def _input(job: HlsJob, start: float, options: EncoderOptions) -> list[str]:
    argv = []
    if options.hwaccel == "vaapi" and not job.variant.copy_video:
        argv += ["-vaapi_device", options.vaapi_device]
    if start > 0:
        seek = max(0.0, start - _SEEK_EARLY) if job.variant.copy_video else start
        argv += ["-ss", f"{seek:.6f}"]
    return [*argv, "-i", "file:" + job.source]


def _maps(job: HlsJob) -> list[str]:
    burned = job.decision.burn_subtitle is not None and not job.variant.copy_video
    argv = ["-map", "[v]" if burned else f"0:{job.video_index}"]
    if job.decision.audio_index is not None:
        argv += ["-map", f"0:{job.decision.audio_index}"]
    return [*argv, "-sn", "-dn"]


def _video(job: HlsJob, options: EncoderOptions) -> list[str]:
    if job.variant.copy_video:
        return ["-c:v", "copy"]
    variant = job.variant
    rate = variant.video_bitrate
    argv = ["-c:v", _ENCODERS[options.hwaccel], "-b:v", str(rate), "-maxrate", str(rate * 3 // 2),
            "-bufsize", str(rate * 2), "-force_key_frames", "expr:gte(t,n_forced*"
            f"{job.segments[0].duration:.6f})"]
    if options.hwaccel == "none":
        argv += ["-preset", options.preset, "-profile:v", "high", "-threads", str(options.threads)]
    return argv + _filters(job, options)


def _filters(job: HlsJob, options: EncoderOptions) -> list[str]:
    size = f"{job.variant.width}:{job.variant.height}"
    chain = [_TONEMAP] if job.hdr and options.can_tonemap else []
    if options.hwaccel == "vaapi":
        chain += [f"scale={size}", "format=nv12", "hwupload"]
    else:
        chain += [f"scale={size}", "format=yuv420p"]
    burn = job.decision.burn_subtitle
    if burn is None:
        return ["-vf", ",".join(chain)]
    graph = f"[0:{job.video_index}][0:{burn}]overlay,{','.join(chain)}[v]"
    return ["-filter_complex", graph]


def _audio(job: HlsJob) -> list[str]:
    if job.decision.audio is None:
        return ["-an"]
    if job.decision.audio == "copy":
        return ["-c:a", "copy"]
    return ["-c:a", "aac", "-b:a", str(job.variant.audio_bitrate), "-ac", "2"]


def _check_job(job: HlsJob, options: EncoderOptions) -> None:
    for name in (job.variant.name, options.preset, job.decision.audio or "none"):
        if not is_valid_name(name):
            raise UnsafeArgument(f"refusing {name[:40]!r} on an ffmpeg command line")
    if options.hwaccel not in _ENCODERS:
        raise UnsafeArgument(f"unknown hardware acceleration {options.hwaccel[:20]!r}")
    if not job.segments:
        raise UnsafeArgument("a rendition without segments")
    numbers = (job.variant.width, job.variant.height, job.variant.video_bitrate,
               job.variant.audio_bitrate, job.video_index, job.decision.audio_index or 0,
               job.decision.burn_subtitle or 0, options.threads)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        raise UnsafeArgument("stream indexes, sizes and bitrates must be whole numbers")


def webvtt_command(ffmpeg: str, source: str, stream_index: int) -> list[str]:
    """Converts one text subtitle stream of `source` (a video or a sidecar) to WebVTT on
    stdout."""
    if isinstance(stream_index, bool) or not isinstance(stream_index, int) or stream_index < 0:
        raise UnsafeArgument("a subtitle stream index must be a whole number")
    return [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-i", "file:" + source,
            "-map", f"0:{stream_index}", "-c:s", "webvtt", "-f", "webvtt", "pipe:1"]
