"""Playback context: ffmpeg tools, probe, segmenter, subtitle converter, sessions, media
token key, and the use cases. Both profiles run the real ffmpeg (it is local, like a
library); the memory profile differs in where files come from. Final positions go
through the catalog's RecordProgress."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from dependency_injector import containers, providers

from revenge.adapters.ffmpeg.commands import EncoderOptions
from revenge.adapters.ffmpeg.probe import FfprobeMediaProbe
from revenge.adapters.ffmpeg.probe_cache import CachedMediaProbe
from revenge.adapters.ffmpeg.pyav_probe import PyAVMediaProbe
from revenge.adapters.ffmpeg.runtime import FfmpegReadiness, PlaybackRuntime
from revenge.adapters.ffmpeg.segmenter import FfmpegSegmenter
from revenge.adapters.ffmpeg.subtitles import FfmpegSubtitleConverter
from revenge.adapters.ffmpeg.tools import FfmpegTools, locate_tools
from revenge.adapters.filesystem.disk_space import DiskSpaceProbe
from revenge.adapters.memory.playback import (
    InMemoryPlayableFiles,
    InMemoryPlaybackSessions,
    InMemorySessionOwners,
)
from revenge.adapters.postgres.playback_files import PostgresPlayableFiles
from revenge.adapters.postgres.playback_sessions import PostgresPlaybackSessions
from revenge.adapters.redis.playback_owners import RedisOwnerInbox, RedisSessionOwners
from revenge.application.playback.authorize_media import AuthorizeMedia
from revenge.application.playback.catalog_progress import CatalogProgress
from revenge.application.playback.common import SessionEnder
from revenge.application.playback.get_segment import GetSegment
from revenge.application.playback.get_subtitle import GetSubtitle
from revenge.application.playback.identity_grants import IdentityPlaybackGrants
from revenge.application.playback.ports import PlaybackSettings
from revenge.application.playback.reap_idle_playback import ReapIdlePlayback
from revenge.application.playback.renew_media_token import RenewMediaToken
from revenge.application.playback.serve_owned_segment import ServeOwnedSegment
from revenge.application.playback.start_playback import StartPlayback
from revenge.application.playback.stop_playback import StopPlayback
from revenge.entrypoints.config import Config
from revenge.entrypoints.di import common

_HW_ENCODERS = {"vaapi": "h264_vaapi", "nvenc": "h264_nvenc", "qsv": "h264_qsv"}


def cache_dir(settings: Config) -> Path:
    return Path(settings.transcode_cache_dir or settings.data_path / "transcode").resolve()


def media_probe(tools: FfmpegTools, settings: Config) -> CachedMediaProbe:
    """ffprobe where there is one; PyAV (in-process) with imageio-ffmpeg's bare ffmpeg.
    Cached per file version under `<data dir>/cache/media`, which the worker's scanner
    fills (keyframes included) for the server's playback starts."""
    probe = FfprobeMediaProbe(tools.ffprobe) if tools.ffprobe else PyAVMediaProbe()
    return CachedMediaProbe(probe, settings.data_path / "cache" / "media")


def disk_probe(settings: Config) -> DiskSpaceProbe:
    """The disks HLS segments and cached images are written to (review finding 14)."""
    return DiskSpaceProbe({"transcode cache": cache_dir(settings),
                           "image cache": settings.data_path / "images"})


def token_key(settings: Config, profile: str) -> bytes:
    """From config, else from `<data dir>/secrets/media_token.key` (created once, 0600);
    the memory profile keeps a random one in memory."""
    if settings.media_token_secret:
        return settings.media_token_secret.encode()
    if profile == "memory":
        return secrets.token_bytes(32)
    path = settings.data_path / "secrets" / "media_token.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def _settings(settings: Config) -> PlaybackSettings:
    return PlaybackSettings(segment_seconds=settings.hls_segment_seconds,
                            transcode_segment_seconds=settings.hls_transcode_segment_seconds,
                            transcode_limit=settings.transcode_limit,
                            token_seconds=int(settings.media_token_minutes * 60))


def replica_id() -> str:
    """This server process among the replicas (several processes, machines or pods)."""
    return secrets.token_hex(8)


class PlaybackContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    catalog = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    clock = providers.Object(time.time)
    new_id = providers.Object(common.new_id)
    playback_settings = providers.Callable(_settings, settings)
    tools = providers.Singleton(locate_tools, settings.provided.ffmpeg_path)
    cache_dir = providers.Callable(cache_dir, settings)
    token_key = providers.Singleton(token_key, settings, profile)
    encoder = providers.Singleton(EncoderOptions, hwaccel=settings.provided.transcode_hwaccel)

    replica = providers.Singleton(replica_id)
    media_probe = providers.Singleton(media_probe, tools, settings)
    sessions = providers.Selector(
        profile,
        real=providers.Singleton(PostgresPlaybackSessions, core.database),
        memory=providers.Singleton(InMemoryPlaybackSessions))
    owners = providers.Selector(
        profile,
        real=providers.Singleton(RedisSessionOwners, core.redis, cache_dir),
        memory=providers.Singleton(InMemorySessionOwners))
    inbox = providers.Singleton(RedisOwnerInbox, core.redis, replica, cache_dir)
    grants = providers.Singleton(IdentityPlaybackGrants, identity.uow, identity.kit)
    segmenter = providers.Singleton(FfmpegSegmenter, tools.provided.ffmpeg, cache_dir, encoder,
                                    replica=replica)
    subtitles = providers.Singleton(FfmpegSubtitleConverter, tools.provided.ffmpeg)
    playable_files = providers.Selector(
        profile,
        real=providers.Singleton(PostgresPlayableFiles, core.database),
        memory=providers.Singleton(InMemoryPlayableFiles, core.memory_state))
    progress = providers.Singleton(CatalogProgress, catalog.record_progress)

    ender = providers.Singleton(SessionEnder, sessions, segmenter, owners, replica)
    # A singleton: its admission lock must be one per process.
    start_playback = providers.Singleton(StartPlayback, playable_files, media_probe, sessions,
                                         playback_settings, clock, new_id, token_key, replica)
    stop_playback = providers.Factory(StopPlayback, sessions, ender, progress)
    authorize_media = providers.Factory(AuthorizeMedia, sessions, grants, ender,
                                        playback_settings, clock, token_key)
    renew_media_token = providers.Factory(RenewMediaToken, sessions, grants, ender,
                                          playback_settings, clock, token_key)
    get_segment = providers.Factory(GetSegment, sessions, segmenter, owners, clock, replica)
    # A singleton: it remembers the sessions it owns.
    serve_owned_segment = providers.Singleton(ServeOwnedSegment, sessions, get_segment, replica)
    get_subtitle = providers.Factory(GetSubtitle, subtitles)
    reap_idle_playback = providers.Singleton(ReapIdlePlayback, sessions, segmenter, grants,
                                             ender, playback_settings, clock, replica)

    runtime = providers.Singleton(
        PlaybackRuntime, tools, segmenter, cache_dir, reap_idle_playback.provided.execute,
        providers.Callable(_HW_ENCODERS.get, settings.provided.transcode_hwaccel))
    probes = providers.List(providers.Singleton(FfmpegReadiness, runtime),
                            providers.Singleton(disk_probe, settings))
