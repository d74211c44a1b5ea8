"""`DisplayPreferencesStore`: per user, app and id; replaced in place; capped per user;
gone with the user. On the in-memory twin and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest

from revenge.adapters.memory.display_preferences import InMemoryDisplayPreferences
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.display_preferences import PostgresDisplayPreferences
from revenge.application.identity.display_preferences import DisplayPreferencesStore
from tests.contract.catalog.conftest import insert_user_row
from tests.contract.identity.conftest import new_id

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
Harness = tuple[DisplayPreferencesStore, Callable[[], Awaitable[str]]]


@pytest.fixture(params=["memory", "postgres"])
def store(request: pytest.FixtureRequest) -> Harness:
    if request.param == "memory":
        async def memory_user() -> str:
            return new_id()
        return InMemoryDisplayPreferences(InMemoryState()), memory_user
    database: Database = request.getfixturevalue("database")

    async def user() -> str:
        user_id = new_id()
        await insert_user_row(database, user_id)
        return user_id
    return PostgresDisplayPreferences(database), user


async def test_preferences_are_kept_per_user_app_and_id(store: Harness) -> None:
    prefs, new_user = store
    alice, bob = await new_user(), await new_user()
    body = {"SortBy": "ProductionYear", "CustomPrefs": {"landing": "movies", "x": None}}
    assert await prefs.put(alice, "web", "view-1", body, NOW, max_entries=10)
    assert await prefs.get(alice, "web", "view-1") == body
    for other in ((bob, "web", "view-1"), (alice, "tv", "view-1"), (alice, "web", "view-2")):
        assert await prefs.get(*other) is None


async def test_a_second_save_replaces_the_first(store: Harness) -> None:
    prefs, new_user = store
    alice = await new_user()
    await prefs.put(alice, "web", "v", {"SortOrder": "Ascending"}, NOW, max_entries=10)
    await prefs.put(alice, "web", "v", {"SortOrder": "Descending"}, NOW, max_entries=10)
    assert await prefs.get(alice, "web", "v") == {"SortOrder": "Descending"}


async def test_the_cap_refuses_new_entries_but_not_replacements(store: Harness) -> None:
    prefs, new_user = store
    alice, bob = await new_user(), await new_user()
    assert await prefs.put(alice, "web", "a", {}, NOW, max_entries=2)
    assert await prefs.put(alice, "tv", "a", {}, NOW, max_entries=2)
    assert not await prefs.put(alice, "web", "b", {"n": 1}, NOW, max_entries=2)
    assert await prefs.get(alice, "web", "b") is None
    assert await prefs.put(alice, "web", "a", {"n": 2}, NOW, max_entries=2)
    assert await prefs.put(bob, "web", "b", {}, NOW, max_entries=2)  # per user
