"""Checking a WebAuthn assertion against a stored challenge and credential, including
the sign-count rule: a count that goes backwards flags the credential as possibly
cloned, refuses the login and is audited."""

from __future__ import annotations

from typing import Any

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.mfa.ports import (
    MfaUnitOfWork,
    MfaUnitOfWorkFactory,
    VerifiedAssertion,
    WebAuthnRelyingParty,
)
from revenge.domain.errors import AuthenticationFailed, RuleViolation
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.webauthn import (
    Challenge,
    ChallengePurpose,
    WebAuthnCredential,
    counter_went_back,
    user_handle,
)

UNKNOWN_CHALLENGE = "the sign-in challenge is unknown, used or expired; start again"
REFUSED = "the security key was not accepted"
CLONED = ("this security key's signature counter went backwards: it may have been "
          "cloned, so it is disabled; remove it and register it again")


class AssertionCheck:
    def __init__(self, uow: MfaUnitOfWorkFactory, rp: WebAuthnRelyingParty, kit: Kit) -> None:
        self._uow = uow
        self._rp = rp
        self._kit = kit

    async def take(self, challenge_id: str, purpose: ChallengePurpose) -> Challenge:
        """Spends the challenge at once (committed), whatever the outcome; raises
        AuthenticationFailed when it is unknown, used or expired."""
        async with self._uow() as tx:
            challenge = await tx.challenges.take(challenge_id, purpose, self._kit.now())
            await tx.commit()
        if challenge is None:
            raise AuthenticationFailed(UNKNOWN_CHALLENGE)
        return challenge

    async def verify(self, tx: MfaUnitOfWork, credential: dict[str, Any], challenge: Challenge,
                     client: ClientInfo) -> WebAuthnCredential:
        """The stored credential, updated in `tx` (sign count, last use). Raises
        AuthenticationFailed otherwise; a suspected clone is flagged and committed first."""
        stored = await self._stored(tx, credential, challenge)
        verified = self._rp.verify_authentication(credential, challenge.challenge,
                                                  stored.public_key)
        if counter_went_back(stored.sign_count, verified.sign_count):
            await self._flag_clone(tx, stored, verified, client)
        used = stored.used(self._kit.now(), verified.sign_count, verified.backup_state)
        await tx.webauthn.update(used)
        return used

    async def _stored(self, tx: MfaUnitOfWork, credential: dict[str, Any],
                      challenge: Challenge) -> WebAuthnCredential:
        try:
            presented = self._rp.presented(credential)
        except RuleViolation:
            raise AuthenticationFailed(REFUSED) from None
        stored = await tx.webauthn.by_credential_id(presented.raw_id)
        if stored is None or stored.flagged_cloned_at is not None:
            raise AuthenticationFailed(REFUSED)
        if challenge.user_id is not None and stored.user_id != challenge.user_id:
            raise AuthenticationFailed(REFUSED)
        if presented.user_handle is not None and presented.user_handle != user_handle(
                stored.user_id):
            raise AuthenticationFailed(REFUSED)
        return stored

    async def _flag_clone(self, tx: MfaUnitOfWork, stored: WebAuthnCredential,
                          verified: VerifiedAssertion, client: ClientInfo) -> None:
        await tx.webauthn.update(stored.flagged_cloned(self._kit.now()))
        await self._kit.audit(tx, AuditType.WEBAUTHN_CLONE_SUSPECTED, client,
                              subject=stored.user_id, credential_id=stored.id,
                              stored_count=str(stored.sign_count),
                              received_count=str(verified.sign_count))
        await tx.commit()
        raise AuthenticationFailed(CLONED)
