"""Times read from PostgreSQL come back in UTC whatever the server's or the role's
TimeZone is: psycopg renders timestamptz in the session's zone, and the API promises
RFC 3339 UTC everywhere. Wrapping psycopg's own (C) loaders, which cannot be subclassed,
costs one Python call per value and no round trip (a `SET TimeZone` would cost one per
connection and is lost behind a transaction-pooling proxy)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import abc
from psycopg.adapt import Loader
from psycopg.pq import Format

_TIMESTAMPTZ = psycopg.postgres.types["timestamptz"].oid


def _utc_loader(format_: Format) -> type[Loader]:
    found = psycopg.adapters.get_loader(_TIMESTAMPTZ, format_)
    assert found is not None
    inner_class: type[abc.Loader] = found

    class UtcTimestamptzLoader(Loader):
        format = format_

        def __init__(self, oid: int, context: Any = None) -> None:
            super().__init__(oid, context)
            self._inner = inner_class(oid, context)

        def load(self, data: Any) -> datetime:
            value: datetime = self._inner.load(data)
            return value.astimezone(UTC)

    return UtcTimestamptzLoader


_LOADERS = (_utc_loader(Format.TEXT), _utc_loader(Format.BINARY))


def read_times_in_utc(connection: psycopg.AsyncConnection[Any]) -> None:
    for loader in _LOADERS:
        connection.adapters.register_loader(_TIMESTAMPTZ, loader)
