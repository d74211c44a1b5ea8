"""Which failed jobs are retried: transient failures up to the cap, domain errors never."""

from __future__ import annotations

import pytest
from dramatiq.middleware import AsyncIO, Retries

from revenge.adapters.dramatiq.broker import BrokerOptions, create_redis_broker
from revenge.adapters.dramatiq.middleware import JobRecorder
from revenge.adapters.memory.jobs import InMemoryJobReporter
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.jobs.rules import describe_failure, should_retry
from revenge.domain.errors import (
    AuthenticationFailed,
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    RuleViolation,
    TooManyAttempts,
    Unavailable,
)

DOMAIN_ERRORS = [
    DomainError("refused"),
    NotFound("no such library"),
    Conflict("already scanning"),
    RuleViolation("bad range", field="start"),
    Forbidden("admins only"),
    AuthenticationFailed("bad password"),
    TooManyAttempts("slow down", retry_after_seconds=30),
]


@pytest.mark.parametrize("error", DOMAIN_ERRORS, ids=lambda e: type(e).__name__)
def test_a_domain_error_is_never_retried(error: DomainError) -> None:
    assert not should_retry(0, error, max_retries=5)


@pytest.mark.parametrize("error", [Unavailable("tmdb", "timed out"), ValueError("bug"),
                                   OSError("disk")], ids=lambda e: type(e).__name__)
def test_a_transient_or_unexpected_error_is_retried_until_the_cap(error: Exception) -> None:
    decisions = [should_retry(retries, error, max_retries=3) for retries in range(5)]
    assert decisions == [True, True, True, False, False]


def test_with_no_retries_configured_the_first_failure_is_final() -> None:
    assert not should_retry(0, Unavailable("redis", "down"), max_retries=0)


def test_the_recorded_error_of_a_domain_error_is_its_code_and_detail() -> None:
    assert describe_failure(NotFound("no such library")) == "not_found: no such library"
    assert describe_failure(Unavailable("tmdb", "timed out")) == \
        "Unavailable: tmdb unavailable: timed out"
    assert describe_failure(KeyError()) == "KeyError"


def _broker_middleware(max_retries: int) -> list[object]:
    reporter = InMemoryJobReporter(InMemoryState())
    broker = create_redis_broker("redis://127.0.0.1:1/0", reporter, max_retries=max_retries,
                                 options=BrokerOptions())
    return list(broker.dramatiq.middleware)


def test_the_dramatiq_broker_retries_by_the_same_policy() -> None:
    retries = next(m for m in _broker_middleware(2) if isinstance(m, Retries))
    assert retries.retry_when is not None
    assert not retries.retry_when(0, RuleViolation("bad payload"))
    assert retries.retry_when(1, Unavailable("database", "down"))
    assert not retries.retry_when(2, Unavailable("database", "down"))


def test_the_dramatiq_backoff_runs_from_one_second_to_five_minutes() -> None:
    retries = next(m for m in _broker_middleware(5) if isinstance(m, Retries))
    assert (retries.min_backoff, retries.max_backoff) == (1_000, 300_000)


def test_the_recorder_sees_the_retry_decision_and_async_actors_are_supported() -> None:
    # after_* hooks run in reverse order: the recorder must sit before Retries to see
    # whether Retries gave up (message.failed).
    kinds = [type(m) for m in _broker_middleware(5)]
    assert AsyncIO in kinds
    assert kinds.index(JobRecorder) < kinds.index(Retries)
