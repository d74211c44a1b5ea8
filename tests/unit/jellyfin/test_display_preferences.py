"""The rules around stored display preferences: bounded names, bodies and count."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from revenge.adapters.memory.display_preferences import InMemoryDisplayPreferences
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.identity.display_preferences import (
    MAX_BODY_BYTES,
    MAX_ENTRIES_PER_USER,
    DisplayPreferences,
)
from revenge.domain.errors import RuleViolation


def _preferences() -> DisplayPreferences:
    return DisplayPreferences(InMemoryDisplayPreferences(InMemoryState()),
                              lambda: datetime(2026, 1, 1, tzinfo=UTC))


async def test_a_saved_body_reads_back() -> None:
    prefs = _preferences()
    await prefs.save("u", "web", "v", {"SortBy": "Runtime"})
    assert await prefs.read("u", "web", "v") == {"SortBy": "Runtime"}


@pytest.mark.parametrize(("client", "preferences_id", "field"), [
    ("", "v", "client"), ("x" * 101, "v", "client"), ("web", "", "preferences_id"),
    ("web", "a\x00b", "preferences_id")])
async def test_names_are_bounded(client: str, preferences_id: str, field: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        await _preferences().save("u", client, preferences_id, {})
    assert refused.value.field == field


async def test_a_huge_body_and_one_entry_too_many_are_refused() -> None:
    prefs = _preferences()
    with pytest.raises(RuleViolation) as refused:
        await prefs.save("u", "web", "v", {"CustomPrefs": {"k": "x" * MAX_BODY_BYTES}})
    assert refused.value.field == "body"
    for n in range(MAX_ENTRIES_PER_USER):
        await prefs.save("u", "web", f"v{n}", {})
    with pytest.raises(RuleViolation):
        await prefs.save("u", "web", "one more", {})
    await prefs.save("u", "web", "v0", {"SortBy": "Runtime"})  # replacing is fine
