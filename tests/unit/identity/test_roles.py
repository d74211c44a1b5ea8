"""RBAC: roles grant exactly their permissions; built-in roles are fixed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.errors import RuleViolation
from revenge.domain.identity.roles import (
    ADMIN_ROLE_ID,
    GUEST_ROLE_ID,
    USER_ROLE_ID,
    Role,
    builtin_roles,
    ensure_editable,
    parse_permissions,
    permissions_of,
)
from revenge.domain.shared.permissions import Permission

permission_sets = st.frozensets(st.sampled_from(list(Permission)))


@given(permission_sets)
def test_every_role_grants_only_its_permissions(granted: frozenset[Permission]) -> None:
    role = Role(id="r", name="custom", permissions=granted)
    for permission in Permission:
        assert role.grants(permission) == (permission in granted)


@given(st.lists(permission_sets, max_size=5))
def test_several_roles_grant_the_union_of_their_permissions_and_nothing_else(
        sets: list[frozenset[Permission]]) -> None:
    roles = [Role(id=str(i), name=str(i), permissions=s) for i, s in enumerate(sets)]
    assert permissions_of(roles) == frozenset().union(*sets)


def test_builtin_roles_admin_has_everything_user_browses_and_plays_guest_browses() -> None:
    by_id = {r.id: r.permissions for r in builtin_roles()}
    assert by_id[ADMIN_ROLE_ID] == frozenset(Permission)
    assert by_id[USER_ROLE_ID] == {Permission.LIBRARY_READ, Permission.PLAYBACK}
    assert by_id[GUEST_ROLE_ID] == {Permission.LIBRARY_READ}


def test_builtin_roles_cannot_be_edited() -> None:
    with pytest.raises(RuleViolation):
        ensure_editable(builtin_roles()[0])


def test_an_unknown_permission_is_refused_naming_the_field() -> None:
    with pytest.raises(RuleViolation) as caught:
        parse_permissions(["library.read", "root"])
    assert caught.value.field == "permissions"
