"""Log out: revoke the current session (named by the access token or a refresh token)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import IdentityUnitOfWork, SecretTokens, UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.domain.identity.audit import AuditType


class LogOutCommand(msgspec.Struct, frozen=True, kw_only=True):
    session_id: str | None = None
    refresh_token: str | None = None
    client: ClientInfo = ClientInfo()


class LogOut:
    """Idempotent: logging out of an unknown or revoked session succeeds silently."""

    def __init__(self, uow: UnitOfWorkFactory, secrets: SecretTokens, cache: SessionCache,
                 kit: Kit) -> None:
        self._uow = uow
        self._secrets = secrets
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: LogOutCommand) -> None:
        async with self._uow() as tx:
            session_id = cmd.session_id or await self._by_refresh(tx, cmd.refresh_token)
            session = await tx.sessions.get(session_id) if session_id else None
            if session is None or session.revoked_at is not None:
                return
            await tx.sessions.update(session.revoked(self._kit.now(), "logout"))
            await self._kit.audit(tx, AuditType.LOGOUT, cmd.client, actor=session.user_id,
                                  subject=session.user_id, session_id=session.id)
            await tx.commit()
        await self._cache.forget([session.id])

    async def _by_refresh(self, tx: IdentityUnitOfWork, token: str | None) -> str | None:
        if not token:
            return None
        stored = await tx.sessions.refresh_token(self._secrets.digest(token))
        return stored.session_id if stored else None
