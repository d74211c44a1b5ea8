"""Keyset paging of a list already in memory (small, bounded lists and the memory twins)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from revenge.application.catalog.read_models import Page
from revenge.domain.catalog.cursor import Cursor, KeyValue, decode_cursor, encode_cursor
from revenge.domain.catalog.listing import PageRequest

T = TypeVar("T")
Key = tuple[KeyValue, ...]


def keyset_page(rows: Sequence[T], key: Callable[[T], Key], page: PageRequest, scope: str,
                *, descending: bool = False) -> Page[T]:
    """The rows after the cursor in (key) order; keys end with an id, so they are unique."""
    ordered = sorted(rows, key=key, reverse=descending)
    if page.cursor:
        after = decode_cursor(page.cursor, scope).key
        ordered = [r for r in ordered if _beyond(key(r), after, descending)]
    ordered = ordered[page.offset:]
    items = ordered[: page.limit]
    more = len(ordered) > page.limit
    next_cursor = encode_cursor(Cursor(scope, key(items[-1]))) if more else None
    return Page(items=items, next_cursor=next_cursor, total=len(rows))


def _beyond(key: Key, after: Key, descending: bool) -> bool:
    return key < after if descending else key > after



