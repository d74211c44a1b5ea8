"""Radarr's answers that no retry will fix (transient failures are `Unavailable`)."""

from __future__ import annotations

from revenge.domain.errors import DomainError, RuleViolation


class RadarrRefused(DomainError):
    """Radarr refused the API key (HTTP 401/403)."""

    code = "radarr_refused"


class RadarrBadAnswer(DomainError):
    """Radarr answered something that is not what its API v3 sends (not JSON, not the
    expected shape): usually a URL that points at something else."""

    code = "radarr_bad_answer"


class RadarrNotConfigured(RuleViolation):
    """No Radarr connection is saved, or it is disabled, or it has no API key."""

    code = "radarr_not_configured"
