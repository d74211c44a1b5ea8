"""Decide whether the server is ready: every critical dependency answers in time."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

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
    """Probes all dependencies concurrently, each bounded by `timeout_seconds`."""

    def __init__(self, probes: Sequence[DependencyProbe], timeout_seconds: float) -> None:
        self._probes = probes
        self._timeout = timeout_seconds

    async def execute(self) -> ReadinessReport:
        checks = await asyncio.gather(*(self._probe(p) for p in self._probes))
        return ReadinessReport(status=_overall(checks), checks=list(checks))

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
