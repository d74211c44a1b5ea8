"""A user creates a named API key scoped to a subset of their permissions; the key is
returned once and stored only as a digest."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import SecretTokens, UnitOfWorkFactory
from revenge.application.identity.views import ApiKeyView, api_key_view
from revenge.application.shared.principal import Principal
from revenge.domain.errors import Forbidden
from revenge.domain.identity.api_keys import ApiKey, check_expiry, check_key_name, check_scopes
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import parse_permissions

KEY_PREFIX = "rvk_"


class CreateApiKeyCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    name: str
    scopes: tuple[str, ...]
    expires_at: datetime | None = None
    client: ClientInfo = ClientInfo()


class CreatedApiKey(msgspec.Struct, frozen=True, kw_only=True):
    key: str  # shown once
    api_key: ApiKeyView


class CreateApiKey:
    def __init__(self, uow: UnitOfWorkFactory, secrets: SecretTokens, kit: Kit) -> None:
        self._uow = uow
        self._secrets = secrets
        self._kit = kit

    async def execute(self, cmd: CreateApiKeyCommand) -> CreatedApiKey:
        """Forbidden when called with an API key; RuleViolation for scopes beyond the
        caller's permissions, an empty name or a past expiry."""
        if cmd.principal.api_key_id is not None:
            raise Forbidden("an API key cannot create API keys; log in instead")
        if cmd.principal.mfa_enrolment_required:
            raise Forbidden("the server requires a second factor: set one up first")
        secret = self._secrets.new(KEY_PREFIX)
        key = self._new_key(cmd, secret)
        async with self._uow() as tx:
            await tx.api_keys.add(key)
            await self._kit.audit(tx, AuditType.API_KEY_CREATED, cmd.client,
                                  actor=key.user_id, subject=key.user_id, key_id=key.id)
            await tx.commit()
        return CreatedApiKey(key=secret, api_key=api_key_view(key))

    def _new_key(self, cmd: CreateApiKeyCommand, secret: str) -> ApiKey:
        now = self._kit.now()
        scopes = check_scopes(parse_permissions(cmd.scopes, field="scopes"),
                              cmd.principal.permissions)
        return ApiKey(id=self._kit.new_id(), user_id=cmd.principal.user_id,
                      name=check_key_name(cmd.name), prefix=secret[:len(KEY_PREFIX) + 6],
                      key_hash=self._secrets.digest(secret), scopes=scopes, created_at=now,
                      expires_at=check_expiry(cmd.expires_at, now))
