"""Liveness, readiness and start-up endpoints (outside /api/v1, for orchestrators)."""

from __future__ import annotations

import msgspec
from litestar import Response, get
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec

from revenge.application.health.check_readiness import CheckReadiness, DependencyStatus
from revenge.entrypoints.lifecycle import Lifecycle


class Liveness(msgspec.Struct, frozen=True):
    status: str


class Readiness(msgspec.Struct, frozen=True):
    status: str
    checks: list[DependencyStatus]


class Startup(msgspec.Struct, frozen=True):
    status: str
    pending: list[str] = []
    error: str | None = None


@get("/healthz", tags=["health"], summary="Liveness: the process answers", sync_to_thread=False)
def healthz() -> Liveness:
    return Liveness(status="ok")


@get("/readyz", tags=["health"], summary="Readiness: every dependency answers",
     responses={503: ResponseSpec(Readiness, description="A critical dependency is failing")})
async def readyz(check_readiness: NamedDependency[CheckReadiness]) -> Response[Readiness]:
    report = await check_readiness.execute()
    body = Readiness(status=report.status, checks=report.checks)
    return Response(body, status_code=200 if report.ready else 503)


@get("/startupz", tags=["health"], summary="Start-up: migrations are applied")
async def startupz(lifecycle: NamedDependency[Lifecycle]) -> Response[Startup]:
    if lifecycle.state.migrated.is_set():
        return Response(Startup(status="started"))
    pending = await _pending(lifecycle)
    return Response(Startup(status="starting", pending=pending, error=lifecycle.state.error),
                    status_code=503)


async def _pending(lifecycle: NamedDependency[Lifecycle]) -> list[str]:
    try:
        return list(await lifecycle.container.health.migrations().pending())
    except Exception:  # the database itself may be down; the error says so
        return []


handlers = [healthz, readyz, startupz]
