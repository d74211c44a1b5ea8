"""Start playing a movie: decide direct/remux/transcode and plan the HLS renditions."""

from __future__ import annotations

import asyncio
from typing import Any

import msgspec

from revenge.application.media.ports import MediaProbe
from revenge.application.playback.common import authorize, media_token
from revenge.application.playback.ports import (
    NewId,
    PlayableFile,
    PlayableFiles,
    PlaybackSessions,
    PlaybackSettings,
)
from revenge.application.shared.clock import EpochClock
from revenge.application.shared.principal import Principal
from revenge.domain.errors import RuleViolation
from revenge.domain.media.info import MediaInfo
from revenge.domain.playback.decision import PlaybackDecision, decide
from revenge.domain.playback.errors import TranscodeLimitReached
from revenge.domain.playback.ladder import quality_ladder
from revenge.domain.playback.profiles import client_profile
from revenge.domain.playback.segments import Segment, fixed_segments, keyframe_segments
from revenge.domain.playback.sessions import HlsPlan, PlaybackSession


class StartPlaybackCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str
    file_id: str | None = None
    audio_index: int | None = None
    subtitle_index: int | None = None
    max_bitrate: int | None = None
    profile: dict[str, Any] | None = None


class StartedPlayback(msgspec.Struct, frozen=True):
    session: PlaybackSession
    token: str
    info: MediaInfo | None = None  # the probe's report (every stream, for clients to show)


class StartPlayback:
    """Needs `playback`. Raises `NotFound` for an unknown movie/file, `RuleViolation` for
    an unknown stream index or a malformed profile, `UnreadableMedia` for a corrupt file,
    and `TranscodeLimitReached` when every transcoding slot of this replica is taken.
    The session is owned by `replica` (this process): its ffmpeg runs here."""

    def __init__(self, files: PlayableFiles, probe: MediaProbe, sessions: PlaybackSessions,
                 settings: PlaybackSettings, clock: EpochClock, new_id: NewId,
                 token_key: bytes, replica: str = "") -> None:
        self._files = files
        self._probe = probe
        self._sessions = sessions
        self._settings = settings
        self._clock = clock
        self._new_id = new_id
        self._key = token_key
        self._replica = replica
        # Only this process adds sessions it owns: counting and adding under this lock
        # means no two requests both take the last slot.
        self._admission = asyncio.Lock()

    async def execute(self, command: StartPlaybackCommand) -> StartedPlayback:
        authorize(command.actor)
        file = await self._files.playable(command.movie_id, command.file_id)
        info = await self._probe.probe(file.path)
        decision = _decide(info, file, command)
        hls = await self._plan(file, info, decision, command.max_bitrate)
        session = self._session(command, file, info, decision, hls)
        async with self._admission:
            await self._admit(session)
        return StartedPlayback(session, media_token(self._key, session, session.started_at,
                                                    self._settings.token_seconds), info)

    async def _plan(self, file: PlayableFile, info: MediaInfo, decision: PlaybackDecision,
                    max_bitrate: int | None) -> HlsPlan | None:
        variants = quality_ladder(info, decision, max_bitrate)
        if not variants:
            return None
        copy: tuple[Segment, ...] = ()
        if variants[0].copy_video:
            keyframes = (await self._probe.probe(file.path, keyframes=True)).keyframes or ()
            copy = keyframe_segments(keyframes, info.duration, self._settings.segment_seconds)
        transcoded = fixed_segments(info.duration, self._settings.transcode_segment_seconds)
        return HlsPlan(variants=variants, copy_segments=copy, transcode_segments=transcoded)

    def _session(self, command: StartPlaybackCommand, file: PlayableFile, info: MediaInfo,
                 decision: PlaybackDecision, hls: HlsPlan | None) -> PlaybackSession:
        video = info.main_video
        assert video is not None  # `decide` refused a file without one
        now = self._clock()
        return PlaybackSession(
            id=self._new_id(), user_id=command.actor.user_id, username=command.actor.username,
            movie_id=file.movie_id, file_id=file.file_id, path=file.path, size=file.size,
            mtime=file.mtime, video=video, duration=info.duration,
            decision=decision, hls=hls, subtitles=(*info.subtitles, *file.sidecars),
            started_at=now, last_active=now, owner=self._replica,
            sign_in_id=command.actor.session_id, api_key_id=command.actor.api_key_id)

    async def _admit(self, session: PlaybackSession) -> None:
        if session.transcoding:
            owned = await self._sessions.owned_by(self._replica)
            busy = sum(1 for s in owned if s.transcoding)
            if busy >= self._settings.transcode_limit:
                raise TranscodeLimitReached(
                    f"all {self._settings.transcode_limit} transcoding slots are in use; "
                    "try again when a playback ends", retry_after_seconds=30)
        await self._sessions.add(session)


def _decide(info: MediaInfo, file: PlayableFile, command: StartPlaybackCommand
            ) -> PlaybackDecision:
    profile = client_profile(command.profile)
    if command.max_bitrate is not None:
        if command.max_bitrate <= 0:
            raise RuleViolation("max_bitrate must be positive", field="max_bitrate")
        cap = min(command.max_bitrate, profile.max_bitrate or command.max_bitrate)
        profile = msgspec.structs.replace(profile, max_bitrate=cap)
    subtitles = {s.index: s for s in (*info.subtitles, *file.sidecars)}
    index = command.subtitle_index
    if index is not None and index not in subtitles:
        raise RuleViolation(f"the file has no subtitle stream {index}", field="subtitle_index")
    burn = index if index is not None and subtitles[index].format == "image" else None
    return decide(info, profile, audio_index=command.audio_index, burn_subtitle=burn)
