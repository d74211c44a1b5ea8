"""Errors of playback."""

from __future__ import annotations

from revenge.domain.errors import TooManyAttempts, Unavailable


class TranscodeLimitReached(TooManyAttempts):
    """Every transcoding slot is busy; a new transcode may start when one ends."""

    code = "transcode_limit"


class ReplicaGone(Unavailable):
    """The server process that runs a session's encoders does not answer (it stopped or
    was killed): another one takes the session over."""

    def __init__(self, owner: str) -> None:
        super().__init__("playback replica", f"replica {owner[:40]} does not answer")
        self.owner = owner
