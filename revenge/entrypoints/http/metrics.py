"""Prometheus metrics: HTTP latency by route, pool statistics, job counts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from litestar import Response, get
from litestar.di import NamedDependency
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Gauge, Histogram, generate_latest

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


@get("/metrics", tags=["health"], summary="Prometheus metrics", include_in_schema=False)
async def metrics(lifecycle: NamedDependency[Lifecycle]) -> Response[bytes]:
    await _refresh_gauges(lifecycle)
    return Response(generate_latest(REGISTRY), media_type=_CONTENT_TYPE)


async def _refresh_gauges(lifecycle: NamedDependency[Lifecycle]) -> None:
    if not lifecycle.real:
        return
    for stat, value in lifecycle.container.core.database().stats().items():
        DB_POOL.labels(stat).set(value)
    if lifecycle.job_counter is not None:
        try:
            counts = await lifecycle.job_counter()
        except Exception:  # metrics must not fail because the database is down
            return
        for status, count in counts.items():
            JOBS.labels(status).set(count)
