"""Helpers for use cases that create or change accounts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from revenge.application.identity.common import Kit
from revenge.application.identity.ports import IdentityUnitOfWork
from revenge.application.identity.session_cache import SessionCache
from revenge.application.identity.views import UserView, user_view
from revenge.domain.errors import NotFound, RuleViolation
from revenge.domain.identity.roles import Role, with_builtin_permissions
from revenge.domain.identity.users import User, check_display_name, check_email, check_username


def new_user(kit: Kit, *, username: str, email: str, display_name: str, password_hash: str,
             role_ids: Sequence[str]) -> User:
    now = kit.now()
    return User(
        id=kit.new_id(), username=check_username(username), email=check_email(email),
        display_name=check_display_name(display_name) or username,
        password_hash=password_hash, created_at=now, updated_at=now,
        role_ids=tuple(dict.fromkeys(role_ids)),
    )


async def roles_of(tx: IdentityUnitOfWork, role_ids: Iterable[str]) -> list[Role]:
    return [with_builtin_permissions(r) for r in await tx.roles.get_many(list(role_ids))]


async def view(tx: IdentityUnitOfWork, user: User) -> UserView:
    return user_view(user, await roles_of(tx, user.role_ids))


async def existing_roles(tx: IdentityUnitOfWork, role_ids: Sequence[str]) -> tuple[str, ...]:
    found = {r.id for r in await tx.roles.get_many(list(role_ids))}
    missing = [r for r in role_ids if r not in found]
    if missing:
        raise RuleViolation(f"unknown role id(s): {', '.join(missing)}", field="role_ids")
    return tuple(dict.fromkeys(role_ids))


async def get_user(tx: IdentityUnitOfWork, user_id: str) -> User:
    user = await tx.users.get(user_id)
    if user is None:
        raise NotFound("no such user")
    return user


async def end_sessions(tx: IdentityUnitOfWork, kit: Kit, cache: SessionCache, user_id: str,
                       reason: str, *, keep: str | None = None) -> int:
    """Revokes every active session of the user except `keep`; forgets them at once."""
    now = kit.now()
    ended = [s for s in await tx.sessions.of_user(user_id)
             if s.revoked_at is None and s.id != keep]
    for session in ended:
        await tx.sessions.update(session.revoked(now, reason))
    await cache.forget([s.id for s in ended])
    return len(ended)


async def revoke_api_keys(tx: IdentityUnitOfWork, kit: Kit, user_id: str) -> int:
    """Revokes every usable API key of the user; how many."""
    now = kit.now()
    usable = [k for k in await tx.api_keys.of_user(user_id) if k.is_usable(now)]
    for key in usable:
        await tx.api_keys.update(msgspec.structs.replace(key, revoked_at=now))
    return len(usable)


async def forget_user_sessions(tx: IdentityUnitOfWork, cache: SessionCache,
                               user_ids: Iterable[str]) -> None:
    """Cached permissions are stale after a role change: drop them."""
    for user_id in user_ids:
        await cache.forget([s.id for s in await tx.sessions.of_user(user_id)])


def touched(user: User, kit: Kit, **changes: object) -> User:
    return msgspec.structs.replace(user, updated_at=kit.now(), **changes)
