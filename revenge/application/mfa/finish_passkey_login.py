"""Finish a passkey sign-in: the credential names the user; a verified assertion with
user verification is both factors at once, so the session is `mfa_verified`."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.identity.common import ClientInfo
from revenge.application.identity.login_throttle import LoginKeys
from revenge.application.identity.views import TokenPair
from revenge.application.mfa.assertions import REFUSED, AssertionCheck
from revenge.application.mfa.login_completion import LoginCompletion
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.errors import AuthenticationFailed
from revenge.domain.mfa.webauthn import ChallengePurpose


class FinishPasskeyLoginCommand(msgspec.Struct, frozen=True, kw_only=True):
    challenge_id: str
    credential: dict[str, Any]
    client: ClientInfo = ClientInfo()


class FinishPasskeyLogin:
    def __init__(self, uow: MfaUnitOfWorkFactory, assertions: AssertionCheck,
                 completion: LoginCompletion) -> None:
        self._uow = uow
        self._assertions = assertions
        self._completion = completion

    async def execute(self, cmd: FinishPasskeyLoginCommand) -> TokenPair:
        """AuthenticationFailed for a bad challenge or assertion; TooManyAttempts when
        this IP is blocked (no account is known before the assertion verifies)."""
        settings = await self._completion.settings()
        anonymous = LoginKeys(ip=cmd.client.ip, user_id=None, identifier=f"passkey {cmd.client.ip}")
        await self._completion.check(anonymous)
        try:
            challenge = await self._assertions.take(cmd.challenge_id, ChallengePurpose.PASSKEY)
            async with self._uow() as tx:
                credential = await self._assertions.verify(tx, cmd.credential, challenge,
                                                           cmd.client)
                user = await tx.users.get(credential.user_id)
                if user is None or user.disabled:
                    raise AuthenticationFailed(REFUSED)
                pair = await self._completion.open(tx, user, cmd.client, settings, "passkey")
                await tx.commit()
        except AuthenticationFailed as refused:
            await self._completion.failed(anonymous, cmd.client, "passkey", refused.detail)
        await self._completion.succeeded(LoginKeys(ip=cmd.client.ip, user_id=user.id))
        return pair
