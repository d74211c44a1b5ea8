"""Rules every jobs adapter applies the same way: retries, progress bounds, payloads."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import msgspec

from revenge.domain.errors import DomainError, RuleViolation

MAX_PAGE_SIZE = 200

# A worker says every few seconds that the runs it executes are alive (their
# `updated_at`). A run silent for TAKE_OVER_AFTER may be started by a redelivered
# message (its worker is gone: dramatiq hands a dead worker's messages on); one silent
# for ABANDONED_AFTER is requeued by the next worker's sweep, and a new request with its
# dedupe key replaces it. Together: a crashed worker's jobs resume within a minute, and
# a live one's are never run twice.
HEARTBEAT_EVERY = timedelta(seconds=5)
TAKE_OVER_AFTER = timedelta(seconds=20)
ABANDONED_AFTER = timedelta(seconds=40)
ABANDONED_ERROR = "abandoned: its worker stopped reporting"


def should_retry(retries_so_far: int, error: BaseException, *, max_retries: int) -> bool:
    """Transient failures (`Unavailable`, unexpected errors) are retried up to the cap;
    a `DomainError` never is: the same request would be refused again."""
    return not isinstance(error, DomainError) and retries_so_far < max_retries


def describe_failure(error: BaseException) -> str:
    """The text recorded on a failed run: the domain's own words, else the exception."""
    if isinstance(error, DomainError):
        return f"{error.code}: {error.detail}"
    message = str(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def checked_percent(percent: int) -> int:
    if not 0 <= percent <= 100:
        raise RuleViolation(f"progress must be between 0 and 100, not {percent}", field="percent")
    return percent


def checked_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise RuleViolation(f"limit must be between 1 and {MAX_PAGE_SIZE}", field="limit")
    return limit


def json_object(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A plain JSON copy (so memory and Postgres store the same thing); None stays None."""
    if value is None:
        return None
    decoded: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(dict(value)))
    return decoded


def encode_cursor(created_at: datetime, job_id: str) -> str:
    raw = f"{created_at.isoformat()}|{job_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """The (created_at, id) of the last run on the previous page."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, job_id = raw.split("|")
        return datetime.fromisoformat(created), str(uuid.UUID(job_id))
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise RuleViolation("cursor is not one this server returned", field="cursor") from None
