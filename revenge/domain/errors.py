"""The one error tree: domain errors (the caller's fault) and transient `Unavailable`."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused the request; retrying the same request will not help."""

    code = "domain_error"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class NotFound(DomainError):
    code = "not_found"


class Conflict(DomainError):
    code = "conflict"


class RuleViolation(DomainError):
    """Input is well-formed but breaks a rule (a weak password, an invalid range)."""

    code = "rule_violation"


class Forbidden(DomainError):
    code = "forbidden"


class AuthenticationFailed(DomainError):
    code = "authentication_failed"


class TooManyAttempts(DomainError):
    code = "too_many_attempts"

    def __init__(self, detail: str, *, retry_after_seconds: int) -> None:
        super().__init__(detail)
        self.retry_after_seconds = retry_after_seconds


class Unavailable(Exception):
    """A dependency (database, cache, broker, remote API) failed; retrying may help."""

    def __init__(self, dependency: str, detail: str) -> None:
        super().__init__(f"{dependency} unavailable: {detail}")
        self.dependency = dependency
        self.detail = detail


class DiskFull(Unavailable):
    """A disk the server writes to (transcode cache, image cache) is full: retrying helps
    only once space is freed, and the admin must be told so, not sent after ffmpeg."""

    def __init__(self, what: str, path: str) -> None:
        super().__init__("disk", f"the disk holding the {what} ({path}) is full")
        self.what = what
        self.path = path


class NotConfigured(Unavailable):
    """A dependency this server was not set up with (no TMDb key, no job queue):
    retrying will not help until an admin configures it, and saying so is no secret."""
