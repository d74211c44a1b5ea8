"""The Postgres MFA unit of work: identity's repositories plus the MFA ones, on one
transaction (a second factor and the session it opens commit together)."""

from __future__ import annotations

from revenge.adapters.postgres.identity_unit_of_work import PostgresIdentityUnitOfWork
from revenge.adapters.postgres.mfa_factors import (
    PostgresBackupCodeRepository,
    PostgresMfaProfileRepository,
    PostgresTotpRepository,
)
from revenge.adapters.postgres.mfa_webauthn import (
    PostgresChallengeRepository,
    PostgresMfaTokenRepository,
    PostgresWebAuthnCredentialRepository,
)


class PostgresMfaUnitOfWork(PostgresIdentityUnitOfWork):
    def _bind(self) -> None:
        super()._bind()
        conn = self.connection
        self.totp = PostgresTotpRepository(conn)
        self.backup_codes = PostgresBackupCodeRepository(conn)
        self.mfa_profiles = PostgresMfaProfileRepository(conn)
        self.webauthn = PostgresWebAuthnCredentialRepository(conn)
        self.challenges = PostgresChallengeRepository(conn)
        self.mfa_tokens = PostgresMfaTokenRepository(conn)
