"""Opaque secret tokens (refresh tokens, API keys, reset links): 256 random bits."""

from __future__ import annotations

import hashlib
import secrets


class RandomSecretTokens:
    def new(self, prefix: str = "") -> str:
        return prefix + secrets.token_urlsafe(32)

    def digest(self, token: str) -> str:
        # sha256 suffices: the tokens carry 256 bits of entropy, nothing to brute-force.
        return hashlib.sha256(token.encode()).hexdigest()
