"""What most identity use cases share: who is calling from where, audit events, names."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.application.identity.ports import IdentityUnitOfWork, IdGenerator
from revenge.application.shared.clock import Clock
from revenge.domain.identity.audit import AuditEvent, AuditType


class ClientInfo(msgspec.Struct, frozen=True, kw_only=True):
    ip: str = ""
    user_agent: str = ""


class Kit:
    """Clock and id generator, bundled because nearly every use case needs both."""

    def __init__(self, clock: Clock, ids: IdGenerator) -> None:
        self.clock = clock
        self.ids = ids

    def now(self) -> datetime:
        return self.clock()

    def new_id(self) -> str:
        return self.ids.new_id()

    async def audit(self, tx: IdentityUnitOfWork, type_: AuditType, client: ClientInfo, *,
                    actor: str | None = None, subject: str | None = None,
                    **details: str) -> None:
        await tx.audit.append(AuditEvent(
            id=self.new_id(), type=type_, occurred_at=self.now(), actor_id=actor,
            subject_id=subject, ip=client.ip, user_agent=client.user_agent[:512],
            details=details,
        ))
