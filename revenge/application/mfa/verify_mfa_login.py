"""Complete a password login with a TOTP code or a backup code (POST /auth/mfa/verify)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo
from revenge.application.identity.login_throttle import LoginKeys
from revenge.application.identity.views import TokenPair
from revenge.application.mfa.code_checks import CodeVerifier
from revenge.application.mfa.login_completion import LoginCompletion
from revenge.application.mfa.pending_logins import PendingLogins
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.mfa.enrolment import Method

WRONG_CODE = "wrong or already used code"


class VerifyMfaLoginCommand(msgspec.Struct, frozen=True, kw_only=True):
    mfa_token: str
    method: Method  # totp or backup_code
    code: str
    client: ClientInfo = ClientInfo()


class VerifyMfaLogin:
    def __init__(self, uow: MfaUnitOfWorkFactory, pending: PendingLogins, codes: CodeVerifier,
                 completion: LoginCompletion) -> None:
        self._uow = uow
        self._pending = pending
        self._codes = codes
        self._completion = completion

    async def execute(self, cmd: VerifyMfaLoginCommand) -> TokenPair:
        """AuthenticationFailed for a bad token or a wrong, reused or stale code;
        TooManyAttempts once the login throttle blocks (shared with passwords)."""
        settings = await self._completion.settings()
        user = await self._pending.user(cmd.mfa_token)
        keys = LoginKeys(ip=cmd.client.ip, user_id=user.id)
        await self._completion.check(keys)
        async with self._uow() as tx:
            if await self._codes.check(tx, user.id, cmd.method, cmd.code, cmd.client):
                await self._pending.spend(tx, cmd.mfa_token)
                pair = await self._completion.open(tx, user, cmd.client, settings, cmd.method)
                await tx.commit()
                await self._completion.succeeded(keys)
                return pair
        await self._completion.failed(keys, cmd.client, cmd.method.value, WRONG_CODE)
