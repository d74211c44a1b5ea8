"""Small MediaInfo builders for playback unit tests."""

from __future__ import annotations

from revenge.domain.media.info import AudioStream, MediaInfo, SubtitleStream, VideoStream


def video(codec: str = "h264", width: int = 1920, height: int = 1080, **extra: object
          ) -> VideoStream:
    return VideoStream(index=0, codec=codec, width=width, height=height, default=True,
                       **extra)  # type: ignore[arg-type]


def audio(index: int, codec: str = "aac", language: str | None = None, default: bool = False,
          channels: int = 2) -> AudioStream:
    return AudioStream(index=index, codec=codec, language=language, default=default,
                       channels=channels)


def media(container: str = "mp4", v: VideoStream | None = None,
          a: tuple[AudioStream, ...] | None = None, bitrate: int = 5_000_000,
          duration: float = 600.0, subtitles: tuple[SubtitleStream, ...] = ()) -> MediaInfo:
    return MediaInfo(container=container, duration=duration, bitrate=bitrate,
                     video=(v or video(),), audio=(audio(1, default=True),) if a is None else a,
                     subtitles=subtitles)
