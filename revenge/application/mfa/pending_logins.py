"""The MFA token: what a correct password earns when a second factor must follow.
Short-lived (five minutes), single purpose (completing that login), single use."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.identity.ports import SecretTokens
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.domain.errors import AuthenticationFailed
from revenge.domain.identity.users import User
from revenge.domain.mfa.enrolment import MFA_TOKEN_LIFETIME, MfaToken

INVALID_TOKEN = "the MFA token is invalid, used or expired; log in again"  # noqa: S105
TOKEN_PREFIX = "rvm_"  # noqa: S105


class PendingLogins:
    def __init__(self, uow: MfaUnitOfWorkFactory, secrets: SecretTokens, kit: Kit) -> None:
        self._uow = uow
        self._secrets = secrets
        self._kit = kit

    async def add(self, tx: MfaUnitOfWork, user_id: str) -> str:
        """A new token for `user_id`, its digest stored in `tx`."""
        token = self._secrets.new(TOKEN_PREFIX)
        now = self._kit.now()
        await tx.mfa_tokens.purge(now)
        await tx.mfa_tokens.add(MfaToken(token_hash=self._secrets.digest(token),
                                         user_id=user_id, created_at=now,
                                         expires_at=now + MFA_TOKEN_LIFETIME))
        return token

    async def user(self, token: str) -> User:
        """The enabled user a usable token was issued to; AuthenticationFailed otherwise."""
        async with self._uow() as tx:
            stored = await tx.mfa_tokens.get(self._secrets.digest(token))
            if stored is None or not stored.usable(self._kit.now()):
                raise AuthenticationFailed(INVALID_TOKEN)
            user = await tx.users.get(stored.user_id)
        if user is None or user.disabled:
            raise AuthenticationFailed(INVALID_TOKEN)
        return user

    async def spend(self, tx: MfaUnitOfWork, token: str) -> None:
        """AuthenticationFailed when it was spent already (a concurrent completion)."""
        if not await tx.mfa_tokens.spend(self._secrets.digest(token), self._kit.now()):
            raise AuthenticationFailed(INVALID_TOKEN)
