"""The Jellyfin items of a movie list page, mapped once per page object.

The catalog's page cache hands out the very same Page object until a change to the
catalog or the user's state drops it, so the mapping (a third of a list request) can be
kept beside it: a hit is the same object, and any change yields a new page object that
is mapped afresh. Nothing here can outlive the page it was made from."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from revenge.application.catalog.read_models import Page
from revenge.entrypoints.http.jellyfin.dtos_items import BaseItem

MAX_PAGES = 256


class MappedPages:
    def __init__(self, size: int = MAX_PAGES) -> None:
        self._size = size
        self._entries: OrderedDict[int, tuple[Page[Any], list[BaseItem]]] = OrderedDict()

    def items(self, page: Page[Any], server_id: str,
              mapping: Callable[[Any, str], BaseItem]) -> list[BaseItem]:
        found = self._entries.get(id(page))
        if found is not None and found[0] is page:  # holding the page keeps its id unique
            self._entries.move_to_end(id(page))
            return found[1]
        items = [mapping(entry, server_id) for entry in page.items]
        self._entries[id(page)] = (page, items)
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return items
