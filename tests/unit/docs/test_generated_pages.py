"""The docs pages generated from the code say what the code says: every setting of
Config (type, default) and every permission of every built-in role."""

from __future__ import annotations

import pytest

from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.config import env_name, field_names
from revenge.entrypoints.docs_reference.__main__ import main
from revenge.entrypoints.docs_reference.permissions import PERMISSIONS
from revenge.entrypoints.docs_reference.render import (
    DOCS,
    GENERATED,
    permissions_table,
    region,
    settings_table,
    with_region,
)
from revenge.entrypoints.docs_reference.settings import SETTINGS


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_region_of_the_page_equals_what_the_code_renders(name: str) -> None:
    page, render = GENERATED[name]
    text = (DOCS / page).read_text(encoding="utf-8")
    assert region(text, name) == render(), (
        f"docs/{page} is stale: run `python -m revenge.entrypoints.docs_reference`")


def test_every_setting_is_explained_and_nothing_else() -> None:
    assert set(SETTINGS) == set(field_names())


def test_every_setting_has_a_row_named_by_its_variable() -> None:
    table = settings_table()
    for field in field_names():
        assert f"| `{env_name(field)}` |" in table


def test_every_permission_is_explained() -> None:
    assert set(PERMISSIONS) == set(Permission)


def test_the_table_marks_exactly_the_permissions_each_builtin_role_grants() -> None:
    rows = {line.split("|")[1].strip(" `"): [c.strip() for c in line.split("|")[2:5]]
            for line in permissions_table().splitlines()[2:]}
    assert rows["library.read"] == ["✓", "✓", "✓"]
    assert rows["playback"] == ["✓", "✓", ""]
    assert rows["users.manage"] == ["✓", "", ""]
    assert len(rows) == len(Permission)


def test_a_changed_default_makes_the_page_stale() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    tampered = with_region(text, "settings", settings_table().replace("`8096`", "`8097`", 1))
    assert region(tampered, "settings") != settings_table()


def test_check_mode_passes_on_the_committed_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
