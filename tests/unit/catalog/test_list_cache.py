"""Cached list pages: served while the user's change stamp holds, recomputed once it
moves, never cached while changes cannot be vouched for."""

from __future__ import annotations

from collections.abc import Hashable

from revenge.application.catalog.list_cache import PageCache


class Stamps:
    """Change stamps moved by hand: `None` means "not listening"."""

    def __init__(self) -> None:
        self.values: dict[str, int | None] = {}

    def stamp(self, user_id: str) -> Hashable | None:
        return self.values.get(user_id, 0)

    def touch(self, user_id: str) -> None:
        value = self.values.get(user_id, 0)
        self.values[user_id] = None if value is None else value + 1


class Source:
    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        return f"page #{self.calls}"


async def test_same_request_under_the_same_stamp_is_served_from_the_cache() -> None:
    source, cache = Source(), PageCache(Stamps(), entries=8)
    assert await cache.page("ann", "first page", source) == "page #1"
    assert await cache.page("ann", "first page", source) == "page #1"
    assert source.calls == 1


async def test_a_moved_stamp_makes_the_page_computed_again() -> None:
    stamps, source = Stamps(), Source()
    cache = PageCache(stamps, entries=8)
    await cache.page("ann", "first page", source)
    stamps.touch("ann")
    assert await cache.page("ann", "first page", source) == "page #2"
    assert await cache.page("ann", "first page", source) == "page #2"


async def test_users_and_requests_never_share_a_page() -> None:
    source, cache = Source(), PageCache(Stamps(), entries=8)
    await cache.page("ann", "first page", source)
    assert await cache.page("bob", "first page", source) == "page #2"
    assert await cache.page("ann", "second page", source) == "page #3"


async def test_another_users_change_leaves_my_page_cached() -> None:
    stamps, source = Stamps(), Source()
    cache = PageCache(stamps, entries=8)
    await cache.page("ann", "first page", source)
    stamps.touch("bob")
    assert await cache.page("ann", "first page", source) == "page #1"


async def test_a_change_during_the_computation_is_not_hidden_by_the_stored_page() -> None:
    stamps = Stamps()
    cache = PageCache(stamps, entries=8)
    calls = 0

    async def changed_meanwhile() -> str:
        nonlocal calls
        calls += 1
        stamps.touch("ann")  # a notification arrives while the query runs
        return f"page #{calls}"

    await cache.page("ann", "first page", changed_meanwhile)
    assert await cache.page("ann", "first page", changed_meanwhile) == "page #2"


async def test_nothing_is_cached_while_changes_cannot_be_vouched_for() -> None:
    stamps, source = Stamps(), Source()
    stamps.values["ann"] = None
    cache = PageCache(stamps, entries=8)
    await cache.page("ann", "first page", source)
    assert await cache.page("ann", "first page", source) == "page #2"


async def test_zero_entries_turns_the_cache_off() -> None:
    source, cache = Source(), PageCache(Stamps(), entries=0)
    await cache.page("ann", "first page", source)
    assert await cache.page("ann", "first page", source) == "page #2"


async def test_least_recently_used_pages_leave_first() -> None:
    source, cache = Source(), PageCache(Stamps(), entries=2)
    await cache.page("ann", "a", source)
    await cache.page("ann", "b", source)
    await cache.page("ann", "a", source)  # a is now the most recent
    await cache.page("ann", "c", source)  # drops b
    assert await cache.page("ann", "a", source) == "page #1"
    assert await cache.page("ann", "b", source) == "page #4"
