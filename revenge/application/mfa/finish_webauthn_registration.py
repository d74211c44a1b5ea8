"""Finish registering a security key or passkey: the attestation is verified against the
stored challenge, our RP id and origins; the credential is kept under the user's name."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.identity.common import Kit
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.factors import factors_of, sync_profile
from revenge.application.mfa.ports import (
    MfaUnitOfWork,
    MfaUnitOfWorkFactory,
    RegisteredCredential,
    WebAuthnRelyingParty,
)
from revenge.application.mfa.views import Registered, credential_view
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.webauthn import (
    Challenge,
    ChallengePurpose,
    WebAuthnCredential,
    check_credential_name,
)


class FinishWebAuthnRegistrationCommand(FactorCommand, frozen=True, kw_only=True):
    challenge_id: str
    credential: dict[str, Any] = msgspec.field(default_factory=dict)
    name: str = "Security key"


class FinishWebAuthnRegistration:
    def __init__(self, uow: MfaUnitOfWorkFactory, rp: WebAuthnRelyingParty,
                 changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._rp = rp
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: FinishWebAuthnRegistrationCommand) -> Registered:
        """RuleViolation for an unknown/used/expired challenge or a credential that does
        not verify; Conflict for one registered already."""
        name = check_credential_name(cmd.name)
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            session = await self._changes.session(tx, cmd.principal)
            challenge = await self._challenge(tx, cmd)
            registered = self._rp.verify_registration(cmd.credential, challenge.challenge)
            before = await factors_of(tx, user_id)
            credential = self._credential(user_id, name, registered)
            await tx.webauthn.add(credential)
            await self._changes.verified(tx, session)
            await sync_profile(tx, self._kit, user_id, before, cmd.client)
            revoked = await self._changes.done(tx, cmd, AuditType.WEBAUTHN_REGISTERED,
                                               credential_id=credential.id)
            await tx.commit()
        return Registered(credential=credential_view(credential), revoked_sessions=revoked)

    async def _challenge(self, tx: MfaUnitOfWork,
                         cmd: FinishWebAuthnRegistrationCommand) -> Challenge:
        challenge = await tx.challenges.take(cmd.challenge_id, ChallengePurpose.REGISTER,
                                             self._kit.now())
        if challenge is None or challenge.user_id != cmd.principal.user_id:
            raise RuleViolation("the registration challenge is unknown, used or expired; "
                                "begin again", field="challenge_id")
        return challenge

    def _credential(self, user_id: str, name: str,
                    registered: RegisteredCredential) -> WebAuthnCredential:
        return WebAuthnCredential(
            id=self._kit.new_id(), user_id=user_id, credential_id=registered.raw_id,
            public_key=registered.public_key, sign_count=registered.sign_count, name=name,
            created_at=self._kit.now(), aaguid=registered.aaguid,
            transports=registered.transports, backup_eligible=registered.backup_eligible,
            backup_state=registered.backup_state)
