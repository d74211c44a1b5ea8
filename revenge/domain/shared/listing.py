"""How movie lists are sorted and paged, in every context that lists movies (the
catalog's lists, search): the sort orders and the page sizes, declared once."""

from __future__ import annotations

from enum import StrEnum

DEFAULT_LIMIT, MAX_LIMIT = 50, 200


class SortField(StrEnum):
    TITLE = "title"
    YEAR = "year"
    ADDED = "added"
    RATING = "rating"
    RUNTIME = "runtime"
    POPULARITY = "popularity"


class MovieSort(StrEnum):
    """`-` means descending. Ties are broken by id, so every order is total."""

    TITLE = "title"
    TITLE_DESC = "-title"
    YEAR = "year"
    YEAR_DESC = "-year"
    ADDED = "added"
    ADDED_DESC = "-added"
    RATING = "rating"
    RATING_DESC = "-rating"
    RUNTIME = "runtime"
    RUNTIME_DESC = "-runtime"
    POPULARITY = "popularity"
    POPULARITY_DESC = "-popularity"

    @property
    def field(self) -> SortField:
        return SortField(self.value.lstrip("-"))

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")
