"""The Radarr connection an admin saves, and when its periodic sync is due."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import idna
import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.radarr.paths import PathMapping, checked_mappings

MIN_INTERVAL_MINUTES = 5
MAX_INTERVAL_MINUTES = 7 * 24 * 60
# Printable ASCII only (no IDN host: give its xn-- form), so any URL kept here is one an
# HTTP client can send to; a host name, an IPv4 address or a bracketed IPv6 address.
_URL = re.compile(r"^https?://(?:[^@/\s?#]+@)?(?P<host>[a-z0-9._~-]+|\[[0-9a-f:.]+\])"
                  r"(?::(?P<port>[0-9]{1,5}))?(?:/[^\s?#]*)?$", re.IGNORECASE)
_IPV4_LIKE = re.compile(r"^[0-9]+(\.[0-9]+){3}$")
_API_KEY = re.compile(r"^[!-~]+$")  # printable ASCII, no spaces: it travels in a header


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
    match = _URL.match(url) if url.isascii() and url.isprintable() else None
    if not match or not _valid_host(match["host"]) or not _valid_port(match["port"]):
        raise RuleViolation("url must be an http(s) URL such as http://radarr:7878",
                            field="url")
    return url.rstrip("/")


def _valid_host(host: str) -> bool:
    if host.startswith("["):
        return _is_ip(ipaddress.IPv6Address, host[1:-1])
    if _IPV4_LIKE.match(host):
        return _is_ip(ipaddress.IPv4Address, host)
    return _valid_idna(host)


def _valid_idna(host: str) -> bool:
    """A label in its xn-- form must be a real IDNA A-label ("xn--999" is not): HTTP
    clients decode it (with the same `idna` library) before they send."""
    if not any(label.lower().startswith("xn--") for label in host.split(".")):
        return True
    try:
        idna.decode(host)
    except (idna.IDNAError, UnicodeError, ValueError):
        return False
    return True


def _is_ip(kind: type[ipaddress.IPv4Address | ipaddress.IPv6Address], text: str) -> bool:
    try:
        kind(text)
    except ValueError:
        return False
    return True


def _valid_port(port: str | None) -> bool:
    return port is None or 1 <= int(port) <= 65535


def checked_api_key(api_key: str) -> str:
    """The key without surrounding blanks; it must be printable ASCII without spaces."""
    api_key = api_key.strip()
    if not api_key:
        raise RuleViolation("api_key must not be empty", field="api_key")
    if not _API_KEY.match(api_key):
        raise RuleViolation("api_key must be printable ASCII without spaces (Radarr shows "
                            "it under Settings > General)", field="api_key")
    return api_key


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


def without_credentials(url: str) -> str:
    """`url` as it may be shown: without user:password@ and without a query (that might
    carry a key)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))


def redacted(text: str, *secrets: str | None) -> str:
    """`text` with each non-empty secret in it replaced by ***."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
