"""The in-memory identity unit of work: repositories over the shared InMemoryState."""

from __future__ import annotations

from revenge.adapters.memory.identity_records import InMemoryAuditLog, InMemorySettingsStore
from revenge.adapters.memory.identity_sessions import (
    InMemoryApiKeyRepository,
    InMemoryResetTokenRepository,
    InMemorySessionRepository,
)
from revenge.adapters.memory.identity_users import InMemoryRoleRepository, InMemoryUserRepository
from revenge.adapters.memory.unit_of_work import InMemoryUnitOfWork


class InMemoryIdentityUnitOfWork(InMemoryUnitOfWork):
    def _bind(self) -> None:
        table = self.state.table
        users = table("identity.users")
        self.users = InMemoryUserRepository(users)
        self.roles = InMemoryRoleRepository(table("identity.roles"), users)
        self.sessions = InMemorySessionRepository(
            table("identity.sessions"), table("identity.refresh_tokens"), users)
        self.api_keys = InMemoryApiKeyRepository(table("identity.api_keys"), users)
        self.reset_tokens = InMemoryResetTokenRepository(table("identity.reset_tokens"))
        self.audit = InMemoryAuditLog(table("identity.audit"))
        self.settings = InMemorySettingsStore(
            table("identity.server_settings"), table("identity.user_settings"))
