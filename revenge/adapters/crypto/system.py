"""UUIDv7 ids (the clock is the shared kernel's `utc_now`)."""

from __future__ import annotations

import uuid_utils


class Uuid7Ids:
    def new_id(self) -> str:
        return str(uuid_utils.uuid7())
