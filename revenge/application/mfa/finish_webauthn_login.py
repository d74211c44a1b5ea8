"""Complete a password login with a security key (POST /auth/mfa/webauthn/finish)."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.identity.common import ClientInfo
from revenge.application.identity.login_throttle import LoginKeys
from revenge.application.identity.views import TokenPair
from revenge.application.mfa.assertions import AssertionCheck
from revenge.application.mfa.login_completion import LoginCompletion
from revenge.application.mfa.pending_logins import PendingLogins
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.errors import AuthenticationFailed
from revenge.domain.mfa.webauthn import ChallengePurpose


class FinishWebAuthnLoginCommand(msgspec.Struct, frozen=True, kw_only=True):
    mfa_token: str
    challenge_id: str
    credential: dict[str, Any]
    client: ClientInfo = ClientInfo()


class FinishWebAuthnLogin:
    def __init__(self, uow: MfaUnitOfWorkFactory, pending: PendingLogins,
                 assertions: AssertionCheck, completion: LoginCompletion) -> None:
        self._uow = uow
        self._pending = pending
        self._assertions = assertions
        self._completion = completion

    async def execute(self, cmd: FinishWebAuthnLoginCommand) -> TokenPair:
        """AuthenticationFailed for a bad token, challenge or assertion (a replay, a
        wrong origin or RP id, a counter gone backwards); TooManyAttempts when blocked."""
        settings = await self._completion.settings()
        user = await self._pending.user(cmd.mfa_token)
        keys = LoginKeys(ip=cmd.client.ip, user_id=user.id)
        await self._completion.check(keys)
        try:
            challenge = await self._assertions.take(cmd.challenge_id, ChallengePurpose.MFA)
            if challenge.user_id != user.id:
                raise AuthenticationFailed("the challenge belongs to another login")
            async with self._uow() as tx:
                await self._assertions.verify(tx, cmd.credential, challenge, cmd.client)
                await self._pending.spend(tx, cmd.mfa_token)
                pair = await self._completion.open(tx, user, cmd.client, settings, "webauthn")
                await tx.commit()
        except AuthenticationFailed as refused:
            await self._completion.failed(keys, cmd.client, "webauthn", refused.detail)
        await self._completion.succeeded(keys)
        return pair
