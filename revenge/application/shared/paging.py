"""One page of any list the application answers (movies, users, audit events...)."""

from __future__ import annotations

from typing import Generic, TypeVar

import msgspec

T = TypeVar("T")


class Page(msgspec.Struct, Generic[T], frozen=True):
    """One page of a list; `next_cursor` (opaque to callers) is None on the last page,
    `total` counts all."""

    items: list[T]
    next_cursor: str | None
    total: int
