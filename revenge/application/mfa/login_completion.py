"""Completing a login with a second factor (or a passkey): a session marked
`mfa_verified`, or a failure counted against the throttle the password step shares."""

from __future__ import annotations

from typing import NoReturn

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.login_throttle import TOO_MANY, LoginKeys, LoginThrottle
from revenge.application.identity.open_session import SessionOpener
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.views import TokenPair
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.domain.errors import AuthenticationFailed, TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.settings import ServerSettings
from revenge.domain.identity.users import User

REFUSED = "the second factor was not accepted"


class LoginCompletion:
    def __init__(self, uow: MfaUnitOfWorkFactory, opener: SessionOpener,
                 limits: LoginThrottle, settings: ServerSettingsReader, kit: Kit) -> None:
        self._uow = uow
        self._opener = opener
        self._limits = limits
        self._settings = settings
        self._kit = kit

    async def settings(self) -> ServerSettings:
        """Read before a use case opens its unit of work."""
        return await self._settings.current()

    async def check(self, keys: LoginKeys) -> None:
        await self._limits.check(keys)

    async def open(self, tx: MfaUnitOfWork, user: User, client: ClientInfo,
                   settings: ServerSettings, method: str) -> TokenPair:
        return await self._opener.open(tx, user, client, settings, method=method,
                                       mfa_verified=True)

    async def succeeded(self, keys: LoginKeys) -> None:
        await self._limits.succeeded(keys)

    async def failed(self, keys: LoginKeys, client: ClientInfo, method: str,
                     detail: str = REFUSED) -> NoReturn:
        """Counts and audits the failure; raises TooManyAttempts once blocked, else
        AuthenticationFailed."""
        blocked = await self._limits.failed(keys)
        async with self._uow() as tx:
            await self._kit.audit(tx, AuditType.MFA_FAILED, client, subject=keys.user_id,
                                  method=method)
            await tx.commit()
        if blocked:
            raise TooManyAttempts(TOO_MANY, retry_after_seconds=blocked)
        raise AuthenticationFailed(detail)
