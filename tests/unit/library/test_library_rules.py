"""Library settings: names, folders (absolute, normalised, never nested), schedules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec
import pytest

from revenge.domain.errors import RuleViolation
from revenge.domain.library.library import LibrarySettings, new_library, scan_due, validated
from revenge.domain.library.paths import check_not_inside_others

pytestmark = pytest.mark.unit
NOW = datetime(2025, 1, 1, tzinfo=UTC)


def settings(**changes: object) -> LibrarySettings:
    values: dict[str, object] = {"name": "Movies", "paths": ("/media/movies",)}
    return LibrarySettings(**{**values, **changes})  # type: ignore[arg-type]


def test_folders_are_normalised() -> None:
    assert validated(settings(paths=("/media//movies/", "/x/./y"))).paths == (
        "/media/movies", "/x/y")


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": "  "}, "name"),
    ({"name": "x" * 101}, "name"),
    ({"paths": ()}, "paths"),
    ({"paths": ("relative/path",)}, "paths[0]"),
    ({"paths": ("/a", "")}, "paths[1]"),
    ({"paths": ("/a", "/a/b")}, "paths[0]"),
    ({"paths": ("/a", "/a/")}, "paths[0]"),
    ({"scan_interval_minutes": 0}, "scan_interval_minutes"),
])
def test_bad_settings_are_refused_naming_the_field(changes: dict[str, object],
                                                   field: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        validated(settings(**changes))
    assert raised.value.field == field


@pytest.mark.parametrize("path", ["/media/movies", "/media/movies/kids", "/media"])
def test_a_folder_may_not_overlap_another_librarys(path: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        check_not_inside_others(["/srv/ok", path], {"Films": ("/media/movies",)})
    assert raised.value.field == "paths[1]" and "Films" in raised.value.detail


def test_sibling_folders_with_a_common_prefix_do_not_overlap() -> None:
    check_not_inside_others(["/media/movies-4k"], {"Films": ("/media/movies",)})


def test_a_periodic_scan_is_due_once_its_interval_has_passed() -> None:
    library = new_library("id", settings(scan_interval_minutes=60), NOW)

    assert scan_due(library, NOW)
    requested = msgspec.structs.replace(library, scan_requested_at=NOW)
    assert not scan_due(requested, NOW + timedelta(minutes=59))
    assert scan_due(requested, NOW + timedelta(minutes=60))


def test_a_library_without_an_interval_is_never_scanned_periodically() -> None:
    assert not scan_due(new_library("id", settings(), NOW), NOW + timedelta(days=999))
