"""Review finding 8 (last part): the Radarr connection test must not echo credentials or
read another service's page back (it is admin-only: integrations.manage), and the job
log keeps no full traceback for an expected network error."""

from __future__ import annotations

import logging
from collections.abc import Callable

import dramatiq
import httpx
import pytest
from dependency_injector import providers
from dramatiq.brokers.stub import StubBroker

from revenge.adapters.dramatiq.broker import quiet_worker_logs
from revenge.adapters.radarr.client import RadarrClientSettings
from revenge.adapters.radarr.gateway import HttpRadarrConnector
from revenge.application.radarr.check_connection import (
    CheckRadarrConnectionCommand,
    ConnectionReport,
)
from revenge.domain.errors import Unavailable
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container

API_KEY = "0123456789abcdef0123456789abcdef"
URL = "http://admin:hunter2@radarr.internal:7878"
INTERNAL_PAGE = f"<html>router admin page, token=ROUTER-SECRET, key {API_KEY}</html>"
FAST = RadarrClientSettings(attempts=2, base_wait_seconds=0.001, max_wait_seconds=0.01)


async def _check(handler: Callable[[httpx.Request], httpx.Response]) -> ConnectionReport:
    container = build_container(Config(), "memory")
    container.radarr.connector.override(providers.Object(
        HttpRadarrConnector(FAST, transport=httpx.MockTransport(handler))))
    report: ConnectionReport = await container.radarr.check_connection().execute(
        CheckRadarrConnectionCommand(url=URL, api_key=API_KEY))
    return report


def _answer(status: int, body: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, text=body,
                                          headers={"Content-Type": "text/html"})


def _refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError(f"cannot reach {request.url} (admin:hunter2)", request=request)


@pytest.mark.parametrize(("handler", "reason"), [
    (_answer(400, INTERNAL_PAGE), "bad_answer"),
    (_answer(200, INTERNAL_PAGE), "bad_answer"),
    (_answer(404, INTERNAL_PAGE), "not_found"),
    (_answer(401, INTERNAL_PAGE), "refused"),
    (_answer(503, INTERNAL_PAGE), "unreachable"),
    (_refuse_connection, "unreachable"),
])
async def test_a_failed_connection_test_echoes_no_credential_and_no_foreign_page(
        handler: Callable[[httpx.Request], httpx.Response], reason: str) -> None:
    """Finding 8: Radarr test errors without credentials, and no port-scan oracle."""
    report = await _check(handler)
    assert not report.ok and report.reason == reason
    error = report.error or ""
    assert "hunter2" not in error and API_KEY not in error
    assert "ROUTER-SECRET" not in error and "router admin" not in error
    assert error  # still says what went wrong


@pytest.fixture
def stub_worker() -> dramatiq.Worker:
    broker = StubBroker()
    broker.emit_after("process_boot")
    quiet_worker_logs()
    return broker


def _run_failing_job(broker: StubBroker, error: Exception) -> None:
    def job() -> None:
        raise error

    actor = dramatiq.actor(job, broker=broker, actor_name=f"job_{id(error)}", max_retries=0)
    worker = dramatiq.Worker(broker, worker_timeout=50, worker_threads=1)
    worker.start()
    try:
        actor.send()
        broker.join(actor.queue_name, fail_fast=False)
        worker.join()
    finally:
        worker.stop()


def test_an_expected_network_error_is_one_log_line_without_traceback(
        stub_worker: StubBroker, caplog: pytest.LogCaptureFixture) -> None:
    """Finding 8: no full tracebacks in the job log for expected network errors."""
    with caplog.at_level(logging.INFO, logger="dramatiq"):
        _run_failing_job(stub_worker, Unavailable("tmdb", "connection refused"))
    failures = [r for r in caplog.records if "Failed to process message" in r.getMessage()]
    assert len(failures) == 1
    assert failures[0].exc_info is None and failures[0].levelno == logging.WARNING
    assert "tmdb" in failures[0].getMessage() and "connection refused" in failures[0].getMessage()


def test_an_unexpected_error_keeps_its_traceback(stub_worker: StubBroker,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="dramatiq"):
        _run_failing_job(stub_worker, KeyError("bug"))
    failures = [r for r in caplog.records if "Failed to process message" in r.getMessage()]
    assert len(failures) == 1 and failures[0].exc_info is not None
    assert failures[0].levelno == logging.ERROR
