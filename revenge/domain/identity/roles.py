"""Roles grant subsets of the closed permission set; three are built in."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.shared.permissions import Permission

ADMIN_ROLE_ID = "00000000-0000-7000-8000-000000000001"
USER_ROLE_ID = "00000000-0000-7000-8000-000000000002"
GUEST_ROLE_ID = "00000000-0000-7000-8000-000000000003"

BUILTIN_PERMISSIONS: dict[str, frozenset[Permission]] = {
    ADMIN_ROLE_ID: frozenset(Permission),
    USER_ROLE_ID: frozenset({Permission.LIBRARY_READ, Permission.PLAYBACK}),
    GUEST_ROLE_ID: frozenset({Permission.LIBRARY_READ}),
}


class Role(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    permissions: frozenset[Permission]
    description: str = ""
    builtin: bool = False

    def grants(self, permission: Permission) -> bool:
        return permission in self.permissions


def builtin_roles() -> list[Role]:
    names = {ADMIN_ROLE_ID: "admin", USER_ROLE_ID: "user", GUEST_ROLE_ID: "guest"}
    return [Role(id=rid, name=names[rid], permissions=perms, builtin=True)
            for rid, perms in BUILTIN_PERMISSIONS.items()]


def with_builtin_permissions(role: Role) -> Role:
    """Built-in roles' permissions come from code, whatever storage says."""
    if role.id in BUILTIN_PERMISSIONS:
        return msgspec.structs.replace(role, permissions=BUILTIN_PERMISSIONS[role.id],
                                       builtin=True)
    return role


def permissions_of(roles: Iterable[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= role.permissions
    return frozenset(granted)


def ensure_editable(role: Role) -> None:
    if role.builtin:
        raise RuleViolation(f"the built-in role {role.name!r} cannot be changed")


def check_role_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 64:
        raise RuleViolation("a role name has 1 to 64 characters", field="name")
    return name


def parse_permissions(values: Iterable[str], *,
                      field: str = "permissions") -> frozenset[Permission]:
    try:
        return frozenset(Permission(v) for v in values)
    except ValueError:
        known = ", ".join(p.value for p in Permission)
        raise RuleViolation(f"unknown permission (known: {known})", field=field) from None
