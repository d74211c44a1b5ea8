""""Log out everywhere else": end every session of the caller but the current one."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import end_sessions
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.application.shared.principal import Principal
from revenge.domain.identity.audit import AuditType


class RevokeOtherSessionsCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    client: ClientInfo = ClientInfo()


class RevokeOtherSessions:
    def __init__(self, uow: UnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: RevokeOtherSessionsCommand) -> int:
        """Returns how many sessions were ended. With an API key, all sessions end."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            count = await end_sessions(tx, self._kit, self._cache, user_id,
                                       "logged out elsewhere", keep=cmd.principal.session_id)
            await self._kit.audit(tx, AuditType.SESSION_REVOKED, cmd.client, actor=user_id,
                                  subject=user_id, count=str(count))
            await tx.commit()
        return count
