"""The system clock and UUIDv7 ids."""

from __future__ import annotations

from datetime import UTC, datetime

import uuid_utils


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class Uuid7Ids:
    def new_id(self) -> str:
        return str(uuid_utils.uuid7())
