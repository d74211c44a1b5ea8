"""What every context's container injects alike: the clock (the shared kernel's) and new
ids (UUIDv7)."""

from __future__ import annotations

import uuid_utils

from revenge.application.shared.clock import utc_now as utc_now


def new_id() -> str:
    return str(uuid_utils.uuid7())
