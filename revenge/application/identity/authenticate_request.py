"""Resolve the caller of a request from an access token or an API key.

A session's access token works only while the session is active and its user enabled:
each request checks that (through a short cache that revocation clears), so logout,
"log out everywhere" and disabling a user take effect immediately. When the server
requires MFA of the user and the session has not passed a second factor, the session
keeps no permissions (only its own profile and MFA enrolment remain reachable).

A `device_token` is a session's refresh token presented as a bearer credential, for apps
that keep one token for good and never refresh (the Jellyfin-compatible API's clients):
it works while the token is unspent and its session active, and each use (at most once
a minute) counts as activity, so the idle lifetime runs from the last use; the absolute
lifetime still ends it. Spending the token on a refresh (or revoking the session) ends it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

import msgspec

from revenge.application.identity.accounts import roles_of
from revenge.application.identity.common import Kit
from revenge.application.identity.ports import (
    AccessClaims,
    AccessTokens,
    SecretTokens,
    UnitOfWorkFactory,
)
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.session_cache import CachedSession, SessionCache
from revenge.application.shared.principal import Principal
from revenge.domain.identity.roles import permissions_of
from revenge.domain.mfa.enrolment import RequireMfa, enrolment_pending, policy_applies
from revenge.domain.shared.permissions import Permission

LAST_USED_PRECISION = timedelta(minutes=1)


class Credential(msgspec.Struct, frozen=True, kw_only=True):
    kind: Literal["access_token", "api_key", "device_token"]
    token: str


class AuthenticateRequest:
    def __init__(self, uow: UnitOfWorkFactory, access: AccessTokens, secrets: SecretTokens,
                 settings: ServerSettingsReader, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._access = access
        self._secrets = secrets
        self._settings = settings
        self._cache = cache
        self._kit = kit

    async def execute(self, credential: Credential) -> Principal | None:
        """The principal, or None for any invalid, expired or revoked credential."""
        if credential.kind == "api_key":
            return await self._by_api_key(credential.token)
        if credential.kind == "device_token":
            return await self._by_device_token(credential.token)
        claims = self._access.verify(credential.token, self._kit.now())
        if claims is None:
            return None
        entry = await self._cache.get(claims.sid) or await self._load_session(claims)
        if entry is None or entry.user_id != claims.sub:
            return None
        return await self._principal(entry)

    async def _principal(self, entry: CachedSession) -> Principal:
        # The MFA policy is applied per request (not cached), so changing it takes effect
        # at once: a session it covers that has not passed a second factor gets nothing.
        permissions = frozenset(Permission(p) for p in entry.permissions)
        policy = RequireMfa((await self._settings.current()).require_mfa)
        pending = enrolment_pending(policy_applies(policy, permissions), entry.mfa_verified)
        # A session (interactive sign-in) always holds its own account.
        granted = (frozenset() if pending else permissions) | {Permission.ACCOUNT}
        return Principal(user_id=entry.user_id, username=entry.username,
                         permissions=granted,
                         session_id=entry.session_id, mfa_verified=entry.mfa_verified,
                         mfa_enrolment_required=pending)

    async def _load_session(self, claims: AccessClaims) -> CachedSession | None:
        settings = await self._settings.current()
        async with self._uow() as tx:
            session = await tx.sessions.get(claims.sid)
            user = await tx.users.get(claims.sub)
            if session is None or user is None or user.disabled:
                return None
            if not session.is_active(self._kit.now(), settings.idle):
                return None
            permissions = permissions_of(await roles_of(tx, user.role_ids))
        entry = CachedSession(session_id=session.id, user_id=user.id, username=user.username,
                              permissions=sorted(permissions),
                              mfa_verified=session.mfa_verified)
        await self._cache.put(entry)
        return entry

    async def _by_device_token(self, token: str) -> Principal | None:
        digest = self._secrets.digest(token)
        session_id = await self._cache.session_of_token(digest)
        entry = await self._cache.get(session_id) if session_id else None
        if entry is None:
            entry = await self._load_device_session(digest)
        return None if entry is None else await self._principal(entry)

    async def _load_device_session(self, digest: str) -> CachedSession | None:
        settings, now = await self._settings.current(), self._kit.now()
        async with self._uow() as tx:
            token = await tx.sessions.refresh_token(digest)
            session = await tx.sessions.get(token.session_id) if token else None
            if token is None or token.spent or session is None:
                return None
            user = await tx.users.get(session.user_id)
            if user is None or user.disabled or not session.is_active(now, settings.idle):
                return None
            if now - session.last_seen_at > LAST_USED_PRECISION:
                await tx.sessions.update(msgspec.structs.replace(session, last_seen_at=now))
                await tx.commit()
            permissions = permissions_of(await roles_of(tx, user.role_ids))
        entry = CachedSession(session_id=session.id, user_id=user.id, username=user.username,
                              permissions=sorted(permissions),
                              mfa_verified=session.mfa_verified)
        await self._cache.put(entry)
        await self._cache.remember_token(digest, session.id)
        return entry

    async def _by_api_key(self, token: str) -> Principal | None:
        now = self._kit.now()
        async with self._uow() as tx:
            key = await tx.api_keys.by_hash(self._secrets.digest(token))
            user = await tx.users.get(key.user_id) if key else None
            if key is None or user is None or user.disabled or not key.is_usable(now):
                return None
            owner = permissions_of(await roles_of(tx, user.role_ids))
            if key.last_used_at is None or now - key.last_used_at > LAST_USED_PRECISION:
                await tx.api_keys.update(msgspec.structs.replace(key, last_used_at=now))
                await tx.commit()
        return Principal(user_id=user.id, username=user.username,
                         permissions=key.effective(owner), api_key_id=key.id)
