"""The brute-force limits shared by every check of a password or a second factor: a
login's steps, re-authentication, a password change and an e-mail change all count
against the same per-IP and per-account budgets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import msgspec

from revenge.application.identity.ports import Throttle
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.domain.errors import TooManyAttempts
from revenge.domain.identity.throttling import (
    KNOWN_CLIENT_SECONDS,
    account_key,
    account_rule,
    ip_key,
    known_client_key,
    login_ip_rule,
)
from revenge.domain.identity.users import login_key

TOO_MANY = "too many failed logins; try again later"


class LoginKeys(msgspec.Struct, frozen=True, kw_only=True):
    ip: str
    user_id: str | None  # None for an unknown username
    identifier: str = ""

    @property
    def ip_key(self) -> str:
        return ip_key("login", self.ip)

    @property
    def account_key(self) -> str:
        account = self.user_id or "unknown:" + login_key(self.identifier)
        return account_key("login", account)


class LoginThrottle:
    def __init__(self, throttle: Throttle, settings: ServerSettingsReader) -> None:
        self._throttle = throttle
        self._settings = settings

    async def check(self, keys: LoginKeys) -> None:
        """Raises TooManyAttempts while the IP, or the account (unless this IP is one
        its owner logged in from), is blocked."""
        wait = await self._throttle.blocked_for(keys.ip_key)
        if not wait and not await self._known_client(keys):
            wait = await self._throttle.blocked_for(keys.account_key)
        if wait:
            raise TooManyAttempts(TOO_MANY, retry_after_seconds=wait)

    async def failed(self, keys: LoginKeys) -> int:
        """Counts a failure against both; the seconds now blocked (0 when not)."""
        settings = await self._settings.current()
        return max(await self._throttle.fail(keys.ip_key, login_ip_rule(settings)),
                   await self._throttle.fail(keys.account_key, account_rule(settings)))

    async def proved(self, keys: LoginKeys, proof: Callable[[], Awaitable[bool]]) -> bool:
        """Runs a password or code check inside the limits: TooManyAttempts while blocked
        (the check is not even run), and a false answer counts as a failed login
        (TooManyAttempts once that blocks)."""
        await self.check(keys)
        if await proof():
            return True
        if blocked := await self.failed(keys):
            raise TooManyAttempts(TOO_MANY, retry_after_seconds=blocked)
        return False

    async def succeeded(self, keys: LoginKeys) -> None:
        """A complete login: the account's consecutive failures start again from zero."""
        await self._throttle.reset(keys.account_key)
        if keys.user_id:
            await self._throttle.remember(known_client_key(keys.user_id, keys.ip),
                                          KNOWN_CLIENT_SECONDS)

    async def _known_client(self, keys: LoginKeys) -> bool:
        return bool(keys.user_id) and await self._throttle.remembers(
            known_client_key(keys.user_id or "", keys.ip))
