"""Good citizenship towards TMDb: retry policy (honouring Retry-After) and a breaker."""

from __future__ import annotations

import time
from collections.abc import Callable

import msgspec
from tenacity import RetryCallState, wait_random_exponential

from revenge.domain.errors import Unavailable


class RetryPolicy(msgspec.Struct, frozen=True, kw_only=True):
    """`attempts` per request within `budget_seconds`; waits back off with jitter up to
    `max_wait_seconds`, or are what a 429's Retry-After asks (a longer ask gives up)."""

    attempts: int = 4
    budget_seconds: float = 30.0
    base_wait_seconds: float = 0.5
    max_wait_seconds: float = 10.0


class Retryable(Exception):
    """A transient answer (429, 5xx, timeout, connection error): try again."""

    def __init__(self, detail: str, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


def retry_wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_random_exponential(multiplier=policy.base_wait_seconds,
                                      max=policy.max_wait_seconds)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, Retryable) and error.retry_after is not None:
            return error.retry_after
        return float(backoff(state))

    return wait


def retry_after_seconds(header: str | None) -> float | None:
    """Retry-After in seconds (TMDb sends seconds; an HTTP date is treated as 1 s)."""
    if header is None:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        return 1.0


class CircuitBreaker:
    """Opens after `threshold` failed requests in a row; while open every call fails
    at once with `Unavailable` (no load on a TMDb that is down, no job waiting out
    a whole retry budget); after `reset_seconds` one call may try again."""

    def __init__(self, *, threshold: int = 5, reset_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._threshold = threshold
        self._reset = reset_seconds
        self._clock = clock
        self._failures = 0
        self._open_until = 0.0

    def check(self) -> None:
        if self._failures >= self._threshold and self._clock() < self._open_until:
            raise Unavailable("tmdb", "too many failures in a row; not calling TMDb for "
                              f"up to {self._reset:.0f} s")

    def succeeded(self) -> None:
        self._failures = 0

    def failed(self) -> None:
        self._failures += 1
        if self._failures >= self._threshold:
            self._open_until = self._clock() + self._reset
