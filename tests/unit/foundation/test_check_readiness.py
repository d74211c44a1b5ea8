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


class CountingProbe(Probe):
    def __init__(self, name: str, delay: float = 0.0) -> None:
        super().__init__(name, delay=delay)
        self.calls = 0

    async def check(self) -> None:
        self.calls += 1
        await super().check()


async def test_a_fresh_report_is_reused_instead_of_probing_again() -> None:
    now = [100.0]
    probe = CountingProbe("database")
    check = CheckReadiness([probe], 1, reuse_seconds=0.5, clock=lambda: now[0])
    await check.execute()
    now[0] += 0.4
    await check.execute()
    assert probe.calls == 1
    now[0] += 0.2
    await check.execute()
    assert probe.calls == 2


async def test_concurrent_callers_share_one_running_check() -> None:
    probe = CountingProbe("database", delay=0.05)
    check = CheckReadiness([probe], 1)
    reports = await asyncio.gather(*(check.execute() for _ in range(20)))
    assert probe.calls == 1 and all(r.ready for r in reports)


async def test_without_reuse_every_call_probes() -> None:
    probe = CountingProbe("database")
    check = CheckReadiness([probe], 1)
    await check.execute()
    await check.execute()
    assert probe.calls == 2
