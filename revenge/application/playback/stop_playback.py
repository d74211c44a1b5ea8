"""End a playback session: stop its encoders at once and record where the user was."""

from __future__ import annotations

import contextlib

import msgspec

from revenge.application.playback.common import SessionEnder, authorize
from revenge.application.playback.ports import PlaybackSessions, ProgressRecorder
from revenge.application.shared.principal import Principal
from revenge.domain.errors import NotFound, RuleViolation
from revenge.domain.shared.permissions import Permission


class StopPlaybackCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    session_id: str
    position_seconds: float | None = None


class StopPlayback:
    """The owner ends a session (recording the final position: the one given, else the
    last one known); an admin (`settings.manage`) may end anyone's without recording.
    Works through any replica: the encoders stop where they run. Raises `NotFound` for
    an unknown session or someone else's."""

    def __init__(self, sessions: PlaybackSessions, ender: SessionEnder,
                 progress: ProgressRecorder) -> None:
        self._sessions = sessions
        self._ender = ender
        self._progress = progress

    async def execute(self, command: StopPlaybackCommand) -> None:
        authorize(command.actor)
        session = await self._sessions.get(command.session_id)
        owner = session is not None and session.user_id == command.actor.user_id
        if session is None or not (owner or command.actor.can(Permission.SETTINGS_MANAGE)):
            raise NotFound("no such playback session")
        _check_position(command.position_seconds)
        ended = await self._ender.end(session.id)
        session = ended or session  # its latest position, if it moved meanwhile
        position = command.position_seconds if command.position_seconds is not None else (
            session.position)
        if owner and position > 0:
            with contextlib.suppress(NotFound):  # the movie went away meanwhile
                await self._progress.record(command.actor, session.movie_id,
                                            min(position, session.duration), session.duration)


def _check_position(position: float | None) -> None:
    if position is not None and not position >= 0:
        raise RuleViolation("position_seconds must not be negative", field="position_seconds")
