"""Exchange a refresh token for a new pair (rotation). Presenting a spent refresh token
is reuse: someone copied it, so the whole session (token family) is revoked."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import view
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import IdentityUnitOfWork, Throttle, UnitOfWorkFactory
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.session_cache import SessionCache
from revenge.application.identity.session_tokens import SessionTokens
from revenge.application.identity.views import TokenPair
from revenge.domain.errors import AuthenticationFailed, TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.sessions import RefreshToken, Session
from revenge.domain.identity.throttling import REFRESH_IP_RULE, ip_key

INVALID = "the refresh token is invalid, expired or revoked"


class RefreshSessionCommand(msgspec.Struct, frozen=True, kw_only=True):
    refresh_token: str
    client: ClientInfo = ClientInfo()


class RefreshSession:
    def __init__(self, uow: UnitOfWorkFactory, tokens: SessionTokens, throttle: Throttle,
                 settings: ServerSettingsReader, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._tokens = tokens
        self._throttle = throttle
        self._settings = settings
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: RefreshSessionCommand) -> TokenPair:
        """Raises AuthenticationFailed (unknown, spent, expired) or TooManyAttempts."""
        key = ip_key("refresh", cmd.client.ip)
        if wait := await self._throttle.blocked_for(key):
            raise TooManyAttempts("too many invalid refresh attempts", retry_after_seconds=wait)
        try:
            return await self._rotate(cmd)
        except AuthenticationFailed:
            await self._throttle.fail(key, REFRESH_IP_RULE)
            raise

    async def _rotate(self, cmd: RefreshSessionCommand) -> TokenPair:
        token_hash = self._tokens.digest(cmd.refresh_token)
        async with self._uow() as tx:
            token = await tx.sessions.refresh_token(token_hash)
            if token is None:
                raise AuthenticationFailed(INVALID)
            session = await self._active_session(tx, token)
            spent = await tx.sessions.spend_refresh_token(token_hash, self._kit.now())
            if token.spent or not spent:
                await self._revoke_family(tx, session, cmd.client)
            session = session.seen(self._kit.now(), cmd.client.ip, cmd.client.user_agent[:512])
            await tx.sessions.update(session)
            user = await tx.users.get(session.user_id)
            if user is None or user.disabled:
                raise AuthenticationFailed(INVALID)
            pair = await self._tokens.issue(tx, session, await view(tx, user))
            await tx.commit()
        return pair

    async def _active_session(self, tx: IdentityUnitOfWork, token: RefreshToken) -> Session:
        session = await tx.sessions.get(token.session_id)
        settings = await self._settings.current()
        if session is None or not session.is_active(self._kit.now(), settings.idle):
            raise AuthenticationFailed(INVALID)
        return session

    async def _revoke_family(self, tx: IdentityUnitOfWork, session: Session,
                             client: ClientInfo) -> None:
        await tx.sessions.update(session.revoked(self._kit.now(), "refresh token reused"))
        await self._kit.audit(tx, AuditType.TOKEN_REUSED, client, subject=session.user_id,
                              session_id=session.id)
        await tx.commit()
        await self._cache.forget([session.id])
        raise AuthenticationFailed(INVALID)
