"""Encryption at rest: the port secrets are sealed with, and re-sealing them under a new key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from revenge.domain.errors import RuleViolation


class UnreadableSecret(RuleViolation):
    """A stored secret cannot be opened: tampered with, sealed for another place, or
    under a key that is no longer configured. Re-entering the secret fixes it."""

    code = "unreadable_secret"


class SecretBox(Protocol):
    """Authenticated encryption of small secrets kept in the database (other services'
    API keys, TOTP seeds).

    A token is text that names the key that sealed it, so old keys keep opening old
    tokens while new ones are sealed under the current key. `associated` binds a token to
    where it is stored (e.g. `b"radarr_settings.api_key"`): opening it with other
    associated data fails, so a token copied into another column is useless. Sealing the
    same plaintext twice gives different tokens (a random nonce each time).
    """

    def encrypt(self, plaintext: bytes, associated: bytes) -> str: ...

    def decrypt(self, token: str, associated: bytes) -> bytes:
        """Raises `UnreadableSecret` for a malformed or tampered token, other associated
        data, or a key id that is not configured."""
        ...

    def needs_rotation(self, token: str) -> bool:
        """Whether the token was sealed under a key other than the current one."""
        ...


class StoredSecrets(Protocol):
    """One place where sealed secrets are stored, known to `revenge secrets rotate`."""

    name: str

    async def rotate(self, box: SecretBox) -> int:
        """Re-seals under the current key every stored secret sealed under another one,
        in one transaction; returns how many. Idempotent: a second run rotates nothing.
        Raises `UnreadableSecret` (and changes nothing) when one cannot be opened."""
        ...


def resealed(box: SecretBox, token: str, associated: bytes) -> str | None:
    """The token sealed again under the current key, or None when it already is."""
    if not box.needs_rotation(token):
        return None
    return box.encrypt(box.decrypt(token, associated), associated)


async def rotate_all(box: SecretBox, stores: Sequence[StoredSecrets]) -> dict[str, int]:
    """Rotates every store in turn; how many secrets each re-sealed, by store name."""
    return {store.name: await store.rotate(box) for store in stores}
