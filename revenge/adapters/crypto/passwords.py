"""argon2id password hashing (argon2-cffi) with bcrypt legacy verification, in threads."""

from __future__ import annotations

import asyncio

import bcrypt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_BCRYPT_PREFIXES = ("$2a$", "$2b$", "$2y$")


class Argon2PasswordHasher:
    """New hashes are argon2id with the configured parameters (default ASVS/OWASP:
    t=2, m=19 MiB, p=1). bcrypt hashes from imports verify and report `needs_rehash`."""

    def __init__(self, *, time_cost: int = 2, memory_kib: int = 19_456,
                 parallelism: int = 1) -> None:
        self._argon2 = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib,
                                      parallelism=parallelism, type=Type.ID)

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._argon2.hash, password)

    async def verify(self, password_hash: str, password: str) -> bool:
        return await asyncio.to_thread(self._verify, password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        if password_hash.startswith(_BCRYPT_PREFIXES):
            return True
        try:
            return self._argon2.check_needs_rehash(password_hash)
        except (InvalidHashError, ValueError):
            return True

    def _verify(self, password_hash: str, password: str) -> bool:
        if password_hash.startswith(_BCRYPT_PREFIXES):
            return _bcrypt_verify(password_hash, password)
        try:
            return self._argon2.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def _bcrypt_verify(password_hash: str, password: str) -> bool:
    secret = password.encode()
    if len(secret) > 72:
        # bcrypt only ever saw the first 72 bytes; bcrypt 5 refuses longer input.
        secret = secret[:72]
    try:
        return bcrypt.checkpw(secret, password_hash.encode())
    except ValueError:
        return False
