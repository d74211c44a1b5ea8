"""In-memory twins of the users and roles repositories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from revenge.application.identity.cursors import decode_cursor, encode_cursor
from revenge.application.identity.ports import Page
from revenge.domain.errors import Conflict
from revenge.domain.identity.roles import Role, builtin_roles
from revenge.domain.identity.users import User, login_key


class InMemoryUserRepository:
    def __init__(self, users: dict[str, User]) -> None:
        self._users = users

    async def add(self, user: User) -> None:
        self._check_unique(user)
        self._users[user.id] = user

    async def update(self, user: User) -> None:
        self._check_unique(user)
        self._users[user.id] = user

    async def delete(self, user_id: str) -> None:
        self._users.pop(user_id, None)

    async def get(self, user_id: str) -> User | None:
        return self._users.get(user_id)

    async def by_login(self, identifier: str) -> User | None:
        key = login_key(identifier)
        return next((u for u in self._users.values()
                     if login_key(u.username) == key or login_key(u.email) == key), None)

    async def count(self) -> int:
        return len(self._users)

    async def lock_registrations(self) -> None:
        """Nothing to wait for: an in-memory transaction never yields to another task
        between reading the user count and adding the user."""

    async def ids_with_role(self, role_id: str) -> list[str]:
        return [u.id for u in self._users.values() if role_id in u.role_ids]

    async def page(self, limit: int, cursor: str | None) -> Page[User]:
        after = decode_cursor(cursor, 1)[0] if cursor else ""
        ordered = sorted((u for u in self._users.values() if u.id > after), key=lambda u: u.id)
        items = ordered[:limit]
        more = len(ordered) > limit
        return Page(items=list(items), total=len(self._users),
                    next_cursor=encode_cursor(items[-1].id) if more else None)

    def _check_unique(self, user: User) -> None:
        for other in self._users.values():
            if other.id == user.id:
                continue
            if login_key(other.username) == login_key(user.username):
                raise Conflict("this username is taken", field="username")
            if login_key(other.email) == login_key(user.email):
                raise Conflict("this e-mail is already used", field="email")


class InMemoryRoleRepository:
    def __init__(self, roles: dict[str, Role], users: dict[str, User]) -> None:
        self._roles = roles
        self._users = users
        for role in builtin_roles():
            roles.setdefault(role.id, role)

    async def all(self) -> list[Role]:
        return sorted(self._roles.values(), key=lambda r: (not r.builtin, r.name.casefold()))

    async def get(self, role_id: str) -> Role | None:
        return self._roles.get(role_id)

    async def get_many(self, role_ids: Sequence[str]) -> list[Role]:
        return [self._roles[r] for r in dict.fromkeys(role_ids) if r in self._roles]

    async def add(self, role: Role) -> None:
        self._check_unique(role)
        self._roles[role.id] = role

    async def update(self, role: Role) -> None:
        self._check_unique(role)
        self._roles[role.id] = role

    async def delete(self, role_id: str) -> None:
        self._roles.pop(role_id, None)
        for user in list(self._users.values()):
            if role_id in user.role_ids:
                kept: Any = tuple(r for r in user.role_ids if r != role_id)
                self._users[user.id] = msgspec.structs.replace(user, role_ids=kept)

    def _check_unique(self, role: Role) -> None:
        if any(r.id != role.id and r.name.casefold() == role.name.casefold()
               for r in self._roles.values()):
            raise Conflict("a role with this name exists", field="name")
