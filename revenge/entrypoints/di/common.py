"""What every context's container injects alike: the clock and new ids (UUIDv7)."""

from __future__ import annotations

from datetime import UTC, datetime

import uuid_utils


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid_utils.uuid7())
