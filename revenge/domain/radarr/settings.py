"""The Radarr connection an admin saves, and when its periodic sync is due."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.radarr.paths import PathMapping, checked_mappings

MIN_INTERVAL_MINUTES = 5
MAX_INTERVAL_MINUTES = 7 * 24 * 60
_URL = re.compile(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", re.IGNORECASE)


class RadarrSettings(msgspec.Struct, frozen=True, kw_only=True):
    """`api_key` is the sealed token as stored, never the key itself; None until an
    admin gives one. `sync_interval_minutes` None: no periodic sync."""

    url: str
    path_mappings: tuple[PathMapping, ...] = ()
    sync_interval_minutes: int | None = None
    enabled: bool = True
    api_key: str | None = None
    updated_at: datetime


def checked_url(url: str) -> str:
    """Radarr's base URL, without a trailing slash (a URL base like `/radarr` stays)."""
    url = url.strip()
    if not _URL.match(url):
        raise RuleViolation("url must be an http(s) URL such as http://radarr:7878",
                            field="url")
    return url.rstrip("/")


def checked_interval(minutes: int | None) -> int | None:
    if minutes is not None and not MIN_INTERVAL_MINUTES <= minutes <= MAX_INTERVAL_MINUTES:
        raise RuleViolation(f"sync_interval_minutes must be between {MIN_INTERVAL_MINUTES} "
                            f"and {MAX_INTERVAL_MINUTES}", field="sync_interval_minutes")
    return minutes


def new_settings(*, url: str, path_mappings: Sequence[PathMapping],
                 sync_interval_minutes: int | None, enabled: bool, api_key: str | None,
                 now: datetime) -> RadarrSettings:
    """Validated settings; raises `RuleViolation` naming the first bad field."""
    return RadarrSettings(url=checked_url(url), path_mappings=checked_mappings(path_mappings),
                          sync_interval_minutes=checked_interval(sync_interval_minutes),
                          enabled=enabled, api_key=api_key, updated_at=now)


def sync_due(settings: RadarrSettings | None, last_requested: datetime | None,
             now: datetime) -> bool:
    """A periodic sync is due when Radarr is enabled with an interval and a key, and the
    interval has passed since the last sync was requested."""
    if settings is None or not settings.enabled or settings.api_key is None:
        return False
    if settings.sync_interval_minutes is None:
        return False
    every = timedelta(minutes=settings.sync_interval_minutes)
    return last_requested is None or now - last_requested >= every
