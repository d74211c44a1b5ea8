"""The Postgres identity unit of work: every identity repository on one transaction."""

from __future__ import annotations

from revenge.adapters.postgres.identity_records import PostgresAuditLog, PostgresSettingsStore
from revenge.adapters.postgres.identity_sessions import (
    PostgresApiKeyRepository,
    PostgresResetTokenRepository,
    PostgresSessionRepository,
)
from revenge.adapters.postgres.identity_users import PostgresRoleRepository, PostgresUserRepository
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork


class PostgresIdentityUnitOfWork(PostgresUnitOfWork):
    def _bind(self) -> None:
        conn = self.connection
        self.users = PostgresUserRepository(conn)
        self.roles = PostgresRoleRepository(conn)
        self.sessions = PostgresSessionRepository(conn)
        self.api_keys = PostgresApiKeyRepository(conn)
        self.reset_tokens = PostgresResetTokenRepository(conn)
        self.audit = PostgresAuditLog(conn)
        self.settings = PostgresSettingsStore(conn)
