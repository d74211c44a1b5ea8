"""Rename one of the caller's security keys (a label only: no re-authentication)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.application.mfa.views import CredentialView, credential_view
from revenge.application.shared.principal import Principal
from revenge.domain.errors import NotFound
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.webauthn import WebAuthnCredential, check_credential_name


class RenameWebAuthnCredentialCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    credential_id: str
    name: str
    client: ClientInfo = ClientInfo()


async def own_credential(tx: MfaUnitOfWork, principal: Principal,
                         credential_id: str) -> WebAuthnCredential:
    """Another user's credential is NotFound, like a missing one."""
    credential = await tx.webauthn.get(credential_id)
    if credential is None or credential.user_id != principal.user_id:
        raise NotFound("no such credential")
    return credential


class RenameWebAuthnCredential:
    def __init__(self, uow: MfaUnitOfWorkFactory, kit: Kit) -> None:
        self._uow = uow
        self._kit = kit

    async def execute(self, cmd: RenameWebAuthnCredentialCommand) -> CredentialView:
        name = check_credential_name(cmd.name)
        async with self._uow() as tx:
            credential = await own_credential(tx, cmd.principal, cmd.credential_id)
            renamed = msgspec.structs.replace(credential, name=name)
            await tx.webauthn.update(renamed)
            await self._kit.audit(tx, AuditType.WEBAUTHN_RENAMED, cmd.client,
                                  actor=cmd.principal.user_id, subject=cmd.principal.user_id,
                                  credential_id=credential.id)
            await tx.commit()
        return credential_view(renamed)
