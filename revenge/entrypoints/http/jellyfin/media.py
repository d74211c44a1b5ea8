"""A file and its streams as Jellyfin's MediaSourceInfo / MediaStream: from the catalog's
record (item details) or from the probe of a started playback (PlaybackInfo)."""

from __future__ import annotations

from revenge.domain.catalog.media import MovieFile
from revenge.domain.media.info import AudioStream, MediaInfo, SubtitleStream, VideoStream
from revenge.entrypoints.http.jellyfin.dtos_items import MediaSource, MediaStream
from revenge.entrypoints.http.jellyfin.ids import jf_id, ticks

TEXT_SUBTITLES = frozenset({"subrip", "srt", "ass", "ssa", "webvtt", "mov_text", "text"})
CONTAINERS = {"matroska": "mkv", "mpegts": "ts"}
# Our HDR names as Jellyfin's VideoRangeType values.
RANGE_TYPES = {"HDR10": "HDR10", "HLG": "HLG", "Dolby Vision": "DOVI", "HDR10+": "HDR10Plus"}


def _range(hdr: str | None) -> dict[str, str]:
    if hdr is None:
        return {"video_range": "SDR", "video_range_type": "SDR"}
    return {"video_range": "HDR", "video_range_type": RANGE_TYPES.get(hdr, "Unknown")}


def _stream(kind: str, index: int, **values: object) -> MediaStream:
    flags = {"is_interlaced": False, "is_default": False, "is_forced": False,
             "is_hearing_impaired": False, "is_external": False,
             "is_text_subtitle_stream": False, "supports_external_stream": False}
    return MediaStream(type=kind, index=index, **{**flags, **values})  # type: ignore[arg-type]


def _title(*parts: object) -> str:
    return " - ".join(str(p) for p in parts if p)


def media_streams(file: MovieFile) -> list[MediaStream]:
    """The catalog keeps streams per kind in file order; numbered video, audio, subtitle
    (the usual layout of a file; PlaybackInfo reports the probe's own numbers)."""
    streams: list[MediaStream] = []
    for video in file.video_streams:
        streams.append(_stream(
            "Video", len(streams), codec=video.codec, profile=video.profile,
            width=video.width, height=video.height, real_frame_rate=video.frame_rate,
            bit_depth=video.bit_depth, is_default=video.default, **_range(video.hdr),
            display_title=_title(f"{video.height}p" if video.height else None,
                                 (video.codec or "").upper())))
    for audio in file.audio_streams:
        streams.append(_stream(
            "Audio", len(streams), codec=audio.codec, language=audio.language,
            title=audio.title, channels=audio.channels, channel_layout=audio.channel_layout,
            is_default=audio.default, is_forced=audio.forced,
            display_title=_title(audio.language, (audio.codec or "").upper(),
                                 audio.channel_layout)))
    for sub in file.subtitle_streams:
        streams.append(_stream(
            "Subtitle", len(streams), codec=sub.codec, language=sub.language, title=sub.title,
            is_default=sub.default, is_forced=sub.forced, is_external=sub.external,
            is_text_subtitle_stream=(sub.codec or "") in TEXT_SUBTITLES,
            supports_external_stream=(sub.codec or "") in TEXT_SUBTITLES,
            display_title=_title(sub.language, (sub.codec or "").upper())))
    return streams


def container_name(container: str | None) -> str | None:
    return CONTAINERS.get(container or "", container)


def _source(**values: object) -> MediaSource:
    fixed = {"protocol": "File", "type": "Default", "video_type": "VideoFile",
             "is_remote": False, "read_at_native_framerate": False, "ignore_dts": False,
             "ignore_index": False, "gen_pts_input": False, "supports_transcoding": True,
             "is_infinite_stream": False, "requires_opening": False,
             "requires_closing": False, "requires_looping": False, "supports_probing": True,
             "media_attachments": [], "formats": [], "required_http_headers": {},
             "has_segments": False}
    return MediaSource(**{**fixed, **values})  # type: ignore[arg-type]


def media_source(file: MovieFile) -> MediaSource:
    return _source(id=jf_id(file.id), path=file.path, container=container_name(file.container),
                   size=file.size_bytes, name=file.edition or "Default",
                   run_time_ticks=ticks(file.duration_seconds), bitrate=file.bitrate,
                   supports_direct_stream=True, supports_direct_play=True,
                   media_streams=media_streams(file))


def probed_streams(info: MediaInfo, subtitles: tuple[SubtitleStream, ...],
                   subtitle_url: str) -> list[MediaStream]:
    """The probe's streams, with their own indexes, and the subtitles (embedded and
    sidecar files); text subtitles are delivered as external WebVTT (`subtitle_url`
    with `{index}`)."""
    streams = [_video(v) for v in info.video] + [_audio(a) for a in info.audio]
    streams += [_subtitle(s, subtitle_url) for s in subtitles]
    return sorted(streams, key=lambda s: s.index)


def _video(video: VideoStream) -> MediaStream:
    return _stream("Video", video.index, codec=video.codec, profile=video.profile,
                   width=video.width, height=video.height, real_frame_rate=video.frame_rate,
                   bit_depth=video.bit_depth, bit_rate=video.bitrate, is_default=video.default,
                   level=float(video.level) if video.level is not None else None,
                   **_range(video.hdr),
                   display_title=_title(f"{video.height}p", video.codec.upper()))


def _audio(audio: AudioStream) -> MediaStream:
    return _stream("Audio", audio.index, codec=audio.codec, language=audio.language,
                   title=audio.title, channels=audio.channels,
                   channel_layout=audio.channel_layout, sample_rate=audio.sample_rate,
                   bit_rate=audio.bitrate, is_default=audio.default, is_forced=audio.forced,
                   display_title=_title(audio.language, audio.codec.upper(),
                                        audio.channel_layout))


def _subtitle(sub: SubtitleStream, url: str) -> MediaStream:
    text = sub.format == "text"
    return _stream("Subtitle", sub.index, codec=sub.codec, language=sub.language,
                   title=sub.title, is_default=sub.default, is_forced=sub.forced,
                   is_hearing_impaired=sub.hearing_impaired, is_external=sub.external,
                   is_text_subtitle_stream=text, supports_external_stream=text,
                   delivery_method="External" if text else "Encode",
                   delivery_url=url.format(index=sub.index) if text else None,
                   display_title=_title(sub.language, sub.codec.upper()))


def playback_source(file_id: str, path: str, size: int, info: MediaInfo, *, direct: bool,
                    transcoding_url: str | None, subtitles: tuple[SubtitleStream, ...],
                    subtitle_url: str, audio_index: int | None) -> MediaSource:
    return _source(
        id=jf_id(file_id), path=path, container=container_name(info.container), size=size,
        name="Default", run_time_ticks=ticks(info.duration), bitrate=info.bitrate,
        supports_direct_play=direct, supports_direct_stream=direct,
        media_streams=probed_streams(info, subtitles, subtitle_url),
        transcoding_url=transcoding_url,
        transcoding_sub_protocol="hls" if transcoding_url else None,
        transcoding_container="ts" if transcoding_url else None,
        default_audio_stream_index=audio_index)
