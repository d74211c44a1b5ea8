"""Identity of new records: every context (and the Radarr reconciliation rules) mints
ids through this one shape, injected so tests can fix them."""

from __future__ import annotations

from collections.abc import Callable

NewId = Callable[[], str]  # a new UUIDv7 string
