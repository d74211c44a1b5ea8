"""Decide whether the server is ready: every critical dependency answers in time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

import msgspec

from revenge.application.health.ports import DependencyProbe


class DependencyStatus(msgspec.Struct, frozen=True):
    name: str
    ok: bool
    critical: bool
    error: str | None = None


class ReadinessReport(msgspec.Struct, frozen=True):
    status: str  # "ready" | "degraded" | "unavailable"
    checks: list[DependencyStatus]

    @property
    def ready(self) -> bool:
        return self.status != "unavailable"

    @property
    def failing(self) -> list[str]:
        return [c.name for c in self.checks if not c.ok]


class CheckReadiness:
    """Probes all dependencies concurrently, each bounded by `timeout_seconds`.

    A report is reused for `reuse_seconds`, and callers arriving while a check runs
    share it: orchestrators and load balancers poll readiness, and that must not
    multiply into load on the very dependencies being checked.
    """

    def __init__(self, probes: Sequence[DependencyProbe], timeout_seconds: float,
                 reuse_seconds: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._probes = probes
        self._timeout = timeout_seconds
        self._reuse = reuse_seconds
        self._clock = clock
        self._last: tuple[float, ReadinessReport] | None = None
        self._running: asyncio.Task[ReadinessReport] | None = None

    async def execute(self) -> ReadinessReport:
        if self._last and self._clock() - self._last[0] < self._reuse:
            return self._last[1]
        if self._running is None or self._running.done():
            self._running = asyncio.ensure_future(self._check_all())
        return await asyncio.shield(self._running)

    async def _check_all(self) -> ReadinessReport:
        started = self._clock()
        checks = await asyncio.gather(*(self._probe(p) for p in self._probes))
        report = ReadinessReport(status=_overall(checks), checks=list(checks))
        self._last = (started, report)
        return report

    async def _probe(self, probe: DependencyProbe) -> DependencyStatus:
        try:
            await asyncio.wait_for(probe.check(), self._timeout)
        except TimeoutError:
            return _failed(probe, f"no answer within {self._timeout:g}s")
        except Exception as exc:  # any failure of a dependency means "not ready"
            return _failed(probe, str(exc) or type(exc).__name__)
        return DependencyStatus(name=probe.name, ok=True, critical=probe.critical)


def _failed(probe: DependencyProbe, error: str) -> DependencyStatus:
    return DependencyStatus(name=probe.name, ok=False, critical=probe.critical, error=error)


def _overall(checks: Sequence[DependencyStatus]) -> str:
    if any(not c.ok and c.critical for c in checks):
        return "unavailable"
    if any(not c.ok for c in checks):
        return "degraded"
    return "ready"
