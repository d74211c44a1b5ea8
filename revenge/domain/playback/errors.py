"""Errors of playback."""

from __future__ import annotations

from revenge.domain.errors import TooManyAttempts


class TranscodeLimitReached(TooManyAttempts):
    """Every transcoding slot is busy; a new transcode may start when one ends."""

    code = "transcode_limit"
