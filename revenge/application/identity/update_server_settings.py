"""An administrator changes server settings; every value is validated before it is kept."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.settings import ServerSettings, patched, stored


class UpdateServerSettingsCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    changes: dict[str, Any]
    client: ClientInfo = ClientInfo()


class UpdateServerSettings:
    def __init__(self, uow: UnitOfWorkFactory, reader: ServerSettingsReader, kit: Kit) -> None:
        self._uow = uow
        self._reader = reader
        self._kit = kit

    async def execute(self, cmd: UpdateServerSettingsCommand) -> ServerSettings:
        """RuleViolation naming the field for an unknown setting or a value out of bounds."""
        async with self._uow() as tx:
            current = stored(ServerSettings, await tx.settings.server())
            updated = patched(current, cmd.changes).validate()
            await tx.settings.save_server(msgspec.structs.asdict(updated), self._kit.now())
            await self._kit.audit(tx, AuditType.SETTINGS_CHANGED, cmd.client,
                                  actor=cmd.actor_id, keys=",".join(sorted(cmd.changes)))
            await tx.commit()
        await self._reader.forget()
        return updated
