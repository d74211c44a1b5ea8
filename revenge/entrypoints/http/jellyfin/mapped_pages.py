"""The Jellyfin items of a movie list page, mapped once per page object and shape.

The catalog's page cache hands out the very same Page object until a change to the
catalog or the user's state drops it, so the mapping (a third of a list request) can be
kept beside it: a hit is the same object, and any change yields a new page object that
is mapped afresh. Nothing here can outlive the page it was made from. `key` tells apart
the shapes of one page (the `Fields` asked for, whether server paths may be shown); only
what moves with the catalog's change stamps may be kept (see fields.py)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from revenge.application.catalog.read_models import Page
from revenge.entrypoints.http.jellyfin.dtos_items import BaseItem

MAX_PAGES = 256


class MappedPages:
    def __init__(self, size: int = MAX_PAGES) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[int, Hashable],
                                   tuple[Page[Any], list[BaseItem]]] = OrderedDict()

    def get(self, page: Page[Any], key: Hashable = ()) -> list[BaseItem] | None:
        found = self._entries.get((id(page), key))
        if found is not None and found[0] is page:  # holding the page keeps its id unique
            self._entries.move_to_end((id(page), key))
            return found[1]
        return None

    def put(self, page: Page[Any], items: list[BaseItem], key: Hashable = ()) -> None:
        self._entries[(id(page), key)] = (page, items)
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def items(self, page: Page[Any], server_id: str,
              mapping: Callable[[Any, str], BaseItem]) -> list[BaseItem]:
        """The plain mapping of every entry (no `Fields`)."""
        found = self.get(page)
        if found is None:
            found = [mapping(entry, server_id) for entry in page.items]
            self.put(page, found)
        return found
