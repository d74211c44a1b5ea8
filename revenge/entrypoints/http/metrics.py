"""Prometheus metrics: HTTP latency by route, pool statistics, job counts.

Served according to `metrics_access`: off (404), loopback (the client, behind a trusted
proxy the real one, is this machine), token (`Authorization: Bearer <metrics_token>`),
or loopback+token (either; the default). Others get 403.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request, Response, get
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers.base import BaseRouteHandler
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Gauge, Histogram, generate_latest

from revenge.adapters.postgres.database import Database
from revenge.domain.errors import Forbidden, NotFound
from revenge.entrypoints.config import Config
from revenge.entrypoints.http.auth import client_ip
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.lifecycle import Lifecycle

HTTP_LATENCY = Histogram(
    "revenge_http_request_duration_seconds",
    "HTTP request latency by route template",
    ["method", "route", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
DB_POOL = Gauge("revenge_db_pool", "psycopg pool statistics", ["stat"])
JOBS = Gauge("revenge_jobs", "Job runs by status", ["status"])

# Filled by the jobs context when it is wired: returns counts by status.
# prometheus_client's constant already names a charset, which Litestar would repeat.
_CONTENT_TYPE = CONTENT_TYPE_LATEST.split(";")[0] + "; version=0.0.4"

JobCounter = Callable[[], Awaitable[dict[str, int]]]


async def metrics_access(connection: ASGIConnection[Any, Any, Any, Any],
                         _: BaseRouteHandler) -> None:
    """The guard of /metrics (see the module docstring)."""
    settings = provided_of(connection).get(Config)
    mode = settings.metrics_access
    if mode == "off":
        raise NotFound("metrics are switched off (metrics_access=off)")
    if "loopback" in mode and _is_loopback(client_ip(connection)):
        return
    if "token" in mode and _has_token(connection, settings.metrics_token):
        return
    raise Forbidden(f"metrics are served {_WHO[mode]} (metrics_access={mode})")


_WHO = {"loopback": "to this machine only", "token": "with the metrics token only",
        "loopback+token": "to this machine or with the metrics token only"}


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _has_token(connection: ASGIConnection[Any, Any, Any, Any], token: str | None) -> bool:
    scheme, _, sent = connection.headers.get("authorization", "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(
        sent.strip().encode(), (token or "").encode())


@get("/metrics", tags=["health"], summary="Prometheus metrics", include_in_schema=False,
     guards=[metrics_access])
async def metrics(request: Request[Any, Any, Any],
                  lifecycle: NamedDependency[Lifecycle]) -> Response[bytes]:
    await _refresh_gauges(request, lifecycle)
    return Response(generate_latest(REGISTRY), media_type=_CONTENT_TYPE)


async def _refresh_gauges(request: Request[Any, Any, Any], lifecycle: Lifecycle) -> None:
    if not lifecycle.real:
        return
    for stat, value in provided_of(request).get(Database).stats().items():
        DB_POOL.labels(stat).set(value)
    if lifecycle.job_counter is not None:
        try:
            counts = await lifecycle.job_counter()
        except Exception:  # metrics must not fail because the database is down
            return
        for status, count in counts.items():
            JOBS.labels(status).set(count)
