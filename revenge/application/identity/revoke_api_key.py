"""A user revokes one of their API keys (never another user's)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.shared.principal import Principal
from revenge.domain.errors import NotFound
from revenge.domain.identity.audit import AuditType


class RevokeApiKeyCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    key_id: str
    client: ClientInfo = ClientInfo()


class RevokeApiKey:
    def __init__(self, uow: UnitOfWorkFactory, kit: Kit) -> None:
        self._uow = uow
        self._kit = kit

    async def execute(self, cmd: RevokeApiKeyCommand) -> None:
        """NotFound for a key that is not the caller's; revoking twice is harmless."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            key = next((k for k in await tx.api_keys.of_user(user_id) if k.id == cmd.key_id),
                       None)
            if key is None:
                raise NotFound("no such API key")
            if key.revoked_at is None:
                await tx.api_keys.update(msgspec.structs.replace(key, revoked_at=self._kit.now()))
                await self._kit.audit(tx, AuditType.API_KEY_REVOKED, cmd.client, actor=user_id,
                                      subject=user_id, key_id=key.id)
                await tx.commit()
