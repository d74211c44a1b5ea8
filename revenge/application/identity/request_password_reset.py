"""Forgot password: mail a single-use, expiring reset link when the account exists.

The caller always gets the same answer in the same time: only the per-IP limit is
checked before answering; looking the account up, storing the token and mailing it all
happen in the background (Background port), so timing says nothing about the address.
"""

from __future__ import annotations

from datetime import timedelta

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import (
    Mail,
    Mailer,
    SecretTokens,
    Throttle,
    UnitOfWorkFactory,
)
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.shared.background import Background
from revenge.domain.errors import TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.throttling import (
    RESET_ACCOUNT_RULE,
    RESET_IP_RULE,
    account_key,
    ip_key,
)
from revenge.domain.identity.users import User


class RequestPasswordResetCommand(msgspec.Struct, frozen=True, kw_only=True):
    identifier: str  # e-mail or username
    client: ClientInfo = ClientInfo()


class RequestPasswordReset:
    def __init__(self, uow: UnitOfWorkFactory, secrets: SecretTokens, mailer: Mailer,
                 throttle: Throttle, settings: ServerSettingsReader, kit: Kit,
                 reset_url: str, background: Background) -> None:
        self._uow = uow
        self._secrets = secrets
        self._mailer = mailer
        self._throttle = throttle
        self._settings = settings
        self._kit = kit
        self._reset_url = reset_url  # the token is appended as `?token=`
        self._background = background

    async def execute(self, cmd: RequestPasswordResetCommand) -> None:
        """Raises only TooManyAttempts (per client IP); never reveals whether a user
        exists, not even by how long it takes: the rest is done in the background."""
        key = ip_key("reset", cmd.client.ip)
        if wait := await self._throttle.blocked_for(key):
            raise TooManyAttempts("too many reset requests", retry_after_seconds=wait)
        await self._throttle.fail(key, RESET_IP_RULE)
        self._background.start(lambda: self._mail_link(cmd), what="password reset mail")

    async def _mail_link(self, cmd: RequestPasswordResetCommand) -> None:
        token = self._secrets.new("rvp_")
        token_hash = self._secrets.digest(token)
        async with self._uow() as tx:
            user = await tx.users.by_login(cmd.identifier)
            if user is None or user.disabled or not await self._may_mail(user):
                return
            now = self._kit.now()
            minutes = (await self._settings.current()).password_reset_minutes
            await tx.reset_tokens.add(token_hash, user.id, now, now + timedelta(minutes=minutes))
            await self._kit.audit(tx, AuditType.PASSWORD_RESET_REQUESTED, cmd.client,
                                  subject=user.id)
            await tx.commit()
        await self._mailer.send(self._mail(user, token, minutes))

    async def _may_mail(self, user: User) -> bool:
        key = account_key("reset", user.id)
        if await self._throttle.blocked_for(key):
            return False
        await self._throttle.fail(key, RESET_ACCOUNT_RULE)
        return True

    def _mail(self, user: User, token: str, minutes: int) -> Mail:
        link = f"{self._reset_url}?token={token}"
        return Mail(to=user.email, subject="Reset your Revenge password", body=(
            f"Hello {user.display_name or user.username},\n\n"
            f"Someone asked to reset the password of your account {user.username}.\n"
            f"To choose a new password, open this link within {minutes} minutes:\n\n"
            f"{link}\n\nIf it was not you, ignore this mail; your password stays the same.\n"))
