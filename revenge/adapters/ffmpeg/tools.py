"""Find ffmpeg and ffprobe: a configured path, else the system's, else imageio-ffmpeg's
bundled ffmpeg (which has no ffprobe: probing then reads files in-process with PyAV)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from revenge.adapters.ffmpeg.process import run_bounded
from revenge.domain.errors import Unavailable


@dataclass(frozen=True)
class FfmpegTools:
    ffmpeg: str
    ffprobe: str | None
    source: str  # "configured", "system" or "imageio-ffmpeg"


@dataclass(frozen=True)
class FfmpegCapabilities:
    version: str
    encoders: frozenset[str] = field(default_factory=frozenset)

    def can_encode(self, encoder: str) -> bool:
        return encoder in self.encoders


def locate_tools(configured: str | None = None) -> FfmpegTools:
    """`configured` may name the ffmpeg binary (ffprobe is looked for beside it)."""
    if configured:
        return FfmpegTools(configured, _beside(configured), "configured")
    system = shutil.which("ffmpeg")
    if system:
        return FfmpegTools(system, shutil.which("ffprobe"), "system")
    return FfmpegTools(_bundled_ffmpeg(), None, "imageio-ffmpeg")


def _beside(ffmpeg: str) -> str | None:
    candidate = Path(ffmpeg).with_name(Path(ffmpeg).name.replace("ffmpeg", "ffprobe"))
    return str(candidate) if candidate != Path(ffmpeg) and candidate.exists() else None


def _bundled_ffmpeg() -> str:
    try:
        import imageio_ffmpeg
    except ImportError:
        raise Unavailable("ffmpeg", "no ffmpeg on PATH and imageio-ffmpeg is not installed"
                          ) from None
    return str(imageio_ffmpeg.get_ffmpeg_exe())


_VERSION = re.compile(r"ffmpeg version (\S+)")
_ENCODER = re.compile(r"^\s*[VAS][A-Z.]{5}\s+(\S+)", re.MULTILINE)


async def capabilities(tools: FfmpegTools, seconds: float = 10.0) -> FfmpegCapabilities:
    """Runs `ffmpeg -version` and `-encoders`; raises `Unavailable` if ffmpeg fails."""
    version_text = await _output([tools.ffmpeg, "-hide_banner", "-version"], seconds)
    encoders_text = await _output([tools.ffmpeg, "-hide_banner", "-encoders"], seconds)
    match = _VERSION.search(version_text)
    return FfmpegCapabilities(version=match.group(1) if match else "unknown",
                              encoders=frozenset(_ENCODER.findall(encoders_text)))


async def _output(argv: list[str], seconds: float) -> str:
    try:
        done = await run_bounded(argv, seconds)
    except OSError as exc:
        raise Unavailable("ffmpeg", f"cannot run {argv[0]}: {exc.strerror}") from None
    except TimeoutError:
        raise Unavailable("ffmpeg", f"{argv[0]} did not answer in {seconds:g}s") from None
    if done.returncode != 0:
        raise Unavailable("ffmpeg", done.stderr.decode(errors="replace").strip()[-300:])
    return done.stdout.decode(errors="replace")
