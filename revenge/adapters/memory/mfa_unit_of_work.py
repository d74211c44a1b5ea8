"""The in-memory MFA unit of work: identity's repositories plus the MFA ones."""

from __future__ import annotations

from revenge.adapters.memory.identity_unit_of_work import InMemoryIdentityUnitOfWork
from revenge.adapters.memory.mfa_factors import (
    InMemoryBackupCodeRepository,
    InMemoryMfaProfileRepository,
    InMemoryTotpRepository,
)
from revenge.adapters.memory.mfa_webauthn import (
    InMemoryChallengeRepository,
    InMemoryMfaTokenRepository,
    InMemoryWebAuthnCredentialRepository,
)


class InMemoryMfaUnitOfWork(InMemoryIdentityUnitOfWork):
    def _bind(self) -> None:
        super()._bind()
        table = self.state.table
        users = table("identity.users")
        self.totp = InMemoryTotpRepository(table("mfa.totp"), users)
        self.backup_codes = InMemoryBackupCodeRepository(table("mfa.backup_codes"), users)
        self.mfa_profiles = InMemoryMfaProfileRepository(table("mfa.profiles"), users)
        self.webauthn = InMemoryWebAuthnCredentialRepository(table("mfa.webauthn"), users)
        self.challenges = InMemoryChallengeRepository(table("mfa.challenges"))
        self.mfa_tokens = InMemoryMfaTokenRepository(table("mfa.tokens"), users)
