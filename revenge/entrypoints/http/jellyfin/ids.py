"""Jellyfin's spellings of our values: GUIDs without dashes, durations in ticks."""

from __future__ import annotations

import functools
import hashlib
import uuid

from revenge.domain.errors import NotFound

TICKS_PER_SECOND = 10_000_000


def jf_id(our_id: str) -> str:
    """A UUID as Jellyfin writes item and user ids: 32 lower-case hex digits."""
    return our_id.replace("-", "")


def our_id(jellyfin_id: str, what: str = "item") -> str:
    """Our UUID from Jellyfin's form (with or without dashes); `NotFound` for anything
    that is no UUID, as Jellyfin answers an unknown id."""
    try:
        return str(uuid.UUID(hex=jellyfin_id))
    except ValueError:
        raise NotFound(f"no such {what}", field=f"{what}_id") from None


def ticks(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * TICKS_PER_SECOND)


def seconds(value: int | None) -> float | None:
    return None if value is None else value / TICKS_PER_SECOND


@functools.lru_cache(maxsize=65536)
def tag(value: str) -> str:
    """A short, stable image tag (what `?tag=` carries) for an image path."""
    return hashlib.sha1(value.encode(), usedforsecurity=False).hexdigest()[:16]


def server_id(public_url: str) -> str:
    """One stable id per server address (apps key their saved logins by it)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"revenge:{public_url}").hex
