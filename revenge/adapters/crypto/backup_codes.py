"""Backup codes: 64 random bits as 16 hex characters, hashed with argon2id in a thread.

The codes are random, not chosen by people, so lighter argon2 parameters than for
passwords suffice (t=1, 8 MiB): checking a typed code against all ten stays quick.
"""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from revenge.domain.mfa.backup_codes import HEX_LENGTH


class Argon2BackupCodes:
    def __init__(self, *, time_cost: int = 1, memory_kib: int = 8192) -> None:
        self._argon2 = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib,
                                      parallelism=1, type=Type.ID)

    def new_code(self) -> str:
        return secrets.token_hex(HEX_LENGTH // 2)

    async def hash(self, code: str) -> str:
        return await asyncio.to_thread(self._argon2.hash, code)

    async def verify(self, code_hash: str, code: str) -> bool:
        return await asyncio.to_thread(self._verify, code_hash, code)

    def _verify(self, code_hash: str, code: str) -> bool:
        try:
            return self._argon2.verify(code_hash, code)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
