"""Readiness: critical failures make the server unavailable, others only degrade it."""

from __future__ import annotations

import asyncio

from revenge.application.health.check_readiness import CheckReadiness
from revenge.domain.errors import Unavailable


class Probe:
    def __init__(self, name: str, *, critical: bool = True, error: Exception | None = None,
                 delay: float = 0.0) -> None:
        self.name, self.critical, self._error, self._delay = name, critical, error, delay

    async def check(self) -> None:
        await asyncio.sleep(self._delay)
        if self._error:
            raise self._error


async def test_all_probes_answering_is_ready() -> None:
    report = await CheckReadiness([Probe("database"), Probe("redis")], 1).execute()
    assert report.status == "ready" and report.ready and report.failing == []


async def test_failing_critical_dependency_is_named() -> None:
    probes = [Probe("database", error=Unavailable("database", "refused")), Probe("redis")]
    report = await CheckReadiness(probes, 1).execute()
    assert report.status == "unavailable" and not report.ready
    assert report.failing == ["database"]
    assert "refused" in (report.checks[0].error or "")


async def test_failing_optional_dependency_only_degrades() -> None:
    report = await CheckReadiness([Probe("search", critical=False, error=OSError())], 1).execute()
    assert report.status == "degraded" and report.ready


async def test_a_hanging_dependency_is_cut_off_by_the_timeout() -> None:
    started = asyncio.get_running_loop().time()
    report = await CheckReadiness([Probe("database", delay=5)], 0.05).execute()
    assert asyncio.get_running_loop().time() - started < 1
    assert report.checks[0].error == "no answer within 0.05s"


async def test_probes_run_concurrently() -> None:
    started = asyncio.get_running_loop().time()
    await CheckReadiness([Probe(str(i), delay=0.1) for i in range(5)], 1).execute()
    assert asyncio.get_running_loop().time() - started < 0.4
