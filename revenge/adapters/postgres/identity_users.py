"""Users and roles in PostgreSQL (case-insensitive unique names via lower() indexes)."""

from __future__ import annotations

from collections.abc import Sequence

from revenge.adapters.postgres.database import Connection
from revenge.adapters.postgres.identity_rows import (
    as_uuid,
    to_struct,
    unique_as_conflict,
    valid_uuid,
)
from revenge.application.identity.cursors import decode_cursor, encode_cursor
from revenge.application.identity.ports import Page
from revenge.domain.identity.roles import Role
from revenge.domain.identity.users import User
from revenge.domain.shared.permissions import Permission

_USER = """SELECT id::text, username, email, display_name, password_hash, disabled,
    created_at, updated_at,
    ARRAY(SELECT role_id::text FROM user_roles r WHERE r.user_id = u.id ORDER BY role_id)
        AS role_ids
  FROM users u"""

# A transaction-scoped advisory lock serialising registrations (the first becomes admin).
_REGISTRATION_LOCK = 0x5245_5647_5245  # "REVGRE"


class PostgresUserRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, user: User) -> None:
        with unique_as_conflict():
            await self._conn.execute(
                "INSERT INTO users (id, username, email, display_name, password_hash, disabled,"
                " created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (user.id, user.username, user.email, user.display_name, user.password_hash,
                 user.disabled, user.created_at, user.updated_at))
        await self._set_roles(user)

    async def update(self, user: User) -> None:
        with unique_as_conflict():
            await self._conn.execute(
                "UPDATE users SET username = %s, email = %s, display_name = %s,"
                " password_hash = %s, disabled = %s, updated_at = %s WHERE id = %s",
                (user.username, user.email, user.display_name, user.password_hash,
                 user.disabled, user.updated_at, user.id))
        await self._set_roles(user)

    async def delete(self, user_id: str) -> None:
        await self._conn.execute("DELETE FROM users WHERE id = %s", (user_id,))

    async def get(self, user_id: str) -> User | None:
        if not valid_uuid(user_id):
            return None
        return await self._one(_USER + " WHERE id = %s", (user_id,))

    async def by_login(self, identifier: str) -> User | None:
        key = identifier.strip()
        return await self._one(
            _USER + " WHERE lower(username) = lower(%s) OR lower(email) = lower(%s)"
            " ORDER BY (lower(username) = lower(%s)) DESC LIMIT 1", (key, key, key))

    async def count(self) -> int:
        cur = await self._conn.execute("SELECT count(*) AS n FROM users")
        row = await cur.fetchone()
        return int(row["n"]) if row else 0

    async def lock_registrations(self) -> None:
        await self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_REGISTRATION_LOCK,))

    async def ids_with_role(self, role_id: str) -> list[str]:
        cur = await self._conn.execute(
            "SELECT user_id::text AS id FROM user_roles WHERE role_id = %s", (role_id,))
        return [row["id"] for row in await cur.fetchall()]

    async def page(self, limit: int, cursor: str | None) -> Page[User]:
        after = as_uuid(decode_cursor(cursor, 1)[0]) if cursor else None
        cur = await self._conn.execute(
            _USER + " WHERE %s::uuid IS NULL OR id > %s::uuid ORDER BY id LIMIT %s",
            (after, after, limit + 1))
        users = [to_struct(row, User) for row in await cur.fetchall()]
        more = len(users) > limit
        users = users[:limit]
        return Page(items=users, total=await self.count(),
                    next_cursor=encode_cursor(users[-1].id) if more else None)

    async def _one(self, query: str, params: tuple[object, ...]) -> User | None:
        cur = await self._conn.execute(query.encode(), params)
        row = await cur.fetchone()
        return to_struct(row, User) if row else None

    async def _set_roles(self, user: User) -> None:
        await self._conn.execute("DELETE FROM user_roles WHERE user_id = %s", (user.id,))
        if user.role_ids:
            await self._conn.execute(
                "INSERT INTO user_roles (user_id, role_id) SELECT %s, unnest(%s::uuid[])",
                (user.id, list(user.role_ids)))


_ROLE = "SELECT id::text, name, description, permissions, builtin FROM roles"


class PostgresRoleRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def all(self) -> list[Role]:
        return await self._many(_ROLE + " ORDER BY builtin DESC, lower(name)", ())

    async def get(self, role_id: str) -> Role | None:
        if not valid_uuid(role_id):
            return None
        roles = await self._many(_ROLE + " WHERE id = %s", (role_id,))
        return roles[0] if roles else None

    async def get_many(self, role_ids: Sequence[str]) -> list[Role]:
        wanted = [r for r in role_ids if valid_uuid(r)]
        return await self._many(_ROLE + " WHERE id = ANY(%s::uuid[])", (wanted,))

    async def add(self, role: Role) -> None:
        with unique_as_conflict():
            await self._conn.execute(
                "INSERT INTO roles (id, name, description, permissions, builtin)"
                " VALUES (%s, %s, %s, %s, %s)",
                (role.id, role.name, role.description, _perms(role), role.builtin))

    async def update(self, role: Role) -> None:
        with unique_as_conflict():
            await self._conn.execute(
                "UPDATE roles SET name = %s, description = %s, permissions = %s,"
                " updated_at = now() WHERE id = %s",
                (role.name, role.description, _perms(role), role.id))

    async def delete(self, role_id: str) -> None:
        await self._conn.execute("DELETE FROM roles WHERE id = %s", (role_id,))

    async def _many(self, query: str, params: tuple[object, ...]) -> list[Role]:
        cur = await self._conn.execute(query.encode(), params)
        return [_role(row) for row in await cur.fetchall()]


def _perms(role: Role) -> list[str]:
    return sorted(p.value for p in role.permissions)


def _role(row: dict[str, object]) -> Role:
    known = {p.value for p in Permission}
    # A permission removed from the code since it was stored is ignored, not an error.
    perms = [p for p in row["permissions"] or [] if p in known]  # type: ignore[attr-defined]
    return to_struct({**row, "permissions": perms}, Role)
