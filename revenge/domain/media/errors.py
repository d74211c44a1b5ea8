"""Errors about media files."""

from __future__ import annotations

from revenge.domain.errors import RuleViolation


class UnreadableMedia(RuleViolation):
    """The file is not a readable media file (corrupt, truncated, not video at all);
    `detail` carries the reader's own message. Retrying will not help."""

    code = "unreadable_media"
