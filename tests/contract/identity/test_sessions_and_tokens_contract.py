"""SessionRepository, ApiKeyRepository and ResetTokenRepository: memory and Postgres."""

from __future__ import annotations

import msgspec

from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.domain.identity.api_keys import ApiKey
from revenge.domain.identity.sessions import RefreshToken, Session, new_session
from revenge.domain.identity.users import User
from revenge.domain.shared.permissions import Permission
from tests.contract.identity.conftest import NOW, a_user, later, new_id, stored


def a_session(user: User, minutes: int = 0) -> Session:
    return new_session(session_id=new_id(), user_id=user.id, now=later(minutes),
                       absolute=later(60 * 24) - NOW, ip="203.0.113.5", user_agent="Firefox")


async def test_a_session_comes_back_equal_and_updates(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    session = a_session(user)
    async with uow() as tx:
        await tx.sessions.add(session)
        await tx.commit()
    revoked = session.revoked(later(5), "logout")
    async with uow() as tx:
        assert await tx.sessions.get(session.id) == session
        await tx.sessions.update(revoked)
        await tx.commit()
    async with uow() as tx:
        assert await tx.sessions.get(session.id) == revoked
        assert await tx.sessions.get("not-a-uuid") is None


async def test_a_users_sessions_are_listed_newest_first_and_only_theirs(
        uow: UnitOfWorkFactory) -> None:
    alice, bob = a_user(), a_user("bob")
    await stored(uow, alice, bob)
    old, new, other = a_session(alice, 0), a_session(alice, 10), a_session(bob)
    async with uow() as tx:
        for session in (old, new, other):
            await tx.sessions.add(session)
        await tx.commit()
    async with uow() as tx:
        assert [s.id for s in await tx.sessions.of_user(alice.id)] == [new.id, old.id]


async def test_a_refresh_token_can_be_spent_only_once(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    session = a_session(user)
    token = RefreshToken(token_hash="h" * 64, session_id=session.id, issued_at=NOW)
    async with uow() as tx:
        await tx.sessions.add(session)
        await tx.sessions.add_refresh_token(token)
        await tx.commit()
    async with uow() as tx:
        assert await tx.sessions.refresh_token(token.token_hash) == token
        assert await tx.sessions.spend_refresh_token(token.token_hash, later(1)) is True
        assert await tx.sessions.spend_refresh_token(token.token_hash, later(2)) is False
        await tx.commit()
    async with uow() as tx:
        spent = await tx.sessions.refresh_token(token.token_hash)
        assert spent is not None and spent.used_at == later(1)
        assert await tx.sessions.refresh_token("unknown") is None


async def test_sessions_and_keys_go_with_their_user(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    session, key = a_session(user), a_key(user)
    async with uow() as tx:
        await tx.sessions.add(session)
        await tx.api_keys.add(key)
        await tx.users.delete(user.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.sessions.get(session.id) is None
        assert await tx.api_keys.by_hash(key.key_hash) is None


def a_key(user: User, name: str = "radarr") -> ApiKey:
    return ApiKey(id=new_id(), user_id=user.id, name=name, prefix="rvk_abcdef",
                  key_hash=new_id(), scopes=frozenset({Permission.LIBRARY_READ}),
                  created_at=NOW, expires_at=later(60))


async def test_api_keys_are_found_by_digest_listed_and_updated(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    first, second = a_key(user, "one"), a_key(user, "two")
    async with uow() as tx:
        await tx.api_keys.add(first)
        await tx.api_keys.add(second)
        await tx.commit()
    used = msgspec.structs.replace(first, last_used_at=later(3), revoked_at=later(4))
    async with uow() as tx:
        assert await tx.api_keys.by_hash(first.key_hash) == first
        assert [k.name for k in await tx.api_keys.of_user(user.id)] == ["two", "one"]
        await tx.api_keys.update(used)
        await tx.commit()
    async with uow() as tx:
        assert await tx.api_keys.by_hash(first.key_hash) == used


async def test_a_reset_token_is_taken_once_and_never_after_expiry(
        uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    async with uow() as tx:
        await tx.reset_tokens.add("fresh", user.id, NOW, later(30))
        await tx.reset_tokens.add("stale", user.id, NOW, later(30))
        await tx.commit()
    async with uow() as tx:
        assert await tx.reset_tokens.take("fresh", later(1)) == user.id
        assert await tx.reset_tokens.take("fresh", later(2)) is None
        assert await tx.reset_tokens.take("stale", later(31)) is None
        assert await tx.reset_tokens.take("unknown", later(1)) is None
