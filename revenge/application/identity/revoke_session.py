"""A user ends one of their own sessions (object-level check: never another user's)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.application.shared.principal import Principal
from revenge.domain.errors import NotFound
from revenge.domain.identity.audit import AuditType


class RevokeSessionCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    session_id: str
    client: ClientInfo = ClientInfo()


class RevokeSession:
    def __init__(self, uow: UnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: RevokeSessionCommand) -> None:
        """Raises NotFound for a session that is not the caller's (as for a missing one)."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            session = await tx.sessions.get(cmd.session_id)
            if session is None or session.user_id != user_id:
                raise NotFound("no such session")
            await tx.sessions.update(session.revoked(self._kit.now(), "revoked by user"))
            await self._kit.audit(tx, AuditType.SESSION_REVOKED, cmd.client, actor=user_id,
                                  subject=user_id, session_id=session.id)
            await tx.commit()
        await self._cache.forget([session.id])
