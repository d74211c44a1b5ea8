"""Liveness, readiness and start-up endpoints (outside /api/v1, for orchestrators)."""

from __future__ import annotations

import msgspec
from litestar import Response, get
from litestar.openapi.datastructures import ResponseSpec

from revenge.application.health.check_readiness import CheckReadiness, DependencyStatus
from revenge.application.health.check_startup import CheckStartup
from revenge.entrypoints.http.di_bridge import Uses, uses


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
async def readyz(check_readiness: Uses[CheckReadiness]) -> Response[Readiness]:
    report = await check_readiness.execute()
    body = Readiness(status=report.status, checks=report.checks)
    return Response(body, status_code=200 if report.ready else 503)


@get("/startupz", tags=["health"], summary="Start-up: migrations are applied",
     dependencies=uses(CheckStartup))
async def startupz(check_startup: Uses[CheckStartup]) -> Response[Startup]:
    report = await check_startup.execute()
    if report.started:
        return Response(Startup(status="started"))
    return Response(Startup(status="starting", pending=report.pending, error=report.error),
                    status_code=503)


handlers = [healthz, readyz, startupz]
