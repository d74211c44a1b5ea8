"""Access tokens as JWTs (PyJWT), HS256 with the server key; decoding allows only HS256."""

from __future__ import annotations

from datetime import datetime

import jwt
import msgspec
from cachetools import LRUCache

from revenge.application.identity.ports import AccessClaims

ALGORITHMS = ["HS256"]  # the allow-list: "none" and key-confusion tricks are refused
TOKEN_TYPE = "access"  # noqa: S105
# Verified tokens, by their exact text: a client sends the same token for its 15
# minutes, and checking the signature and parsing the JSON again is a tenth of a cached
# list request. Expiry is still checked on every use.
_VERIFIED_TOKENS = 4096


class JwtAccessTokens:
    def __init__(self, key: bytes, lifetime_seconds: int, issuer: str = "revenge") -> None:
        if len(key) < 32:
            raise ValueError("the JWT key must have at least 256 bits")
        self._key = key
        self.lifetime_seconds = lifetime_seconds
        self._issuer = issuer
        self._verified: LRUCache[str, AccessClaims] = LRUCache(maxsize=_VERIFIED_TOKENS)

    def issue(self, user_id: str, session_id: str, now: datetime) -> str:
        iat = int(now.timestamp())
        claims = {"sub": user_id, "sid": session_id, "typ": TOKEN_TYPE, "iss": self._issuer,
                  "iat": iat, "exp": iat + self.lifetime_seconds}
        return jwt.encode(claims, self._key, algorithm=ALGORITHMS[0])

    def verify(self, token: str, now: datetime) -> AccessClaims | None:
        claims = self._verified.get(token)
        if claims is None:
            claims = self._decode(token)
            if claims is None:
                return None
            self._verified[token] = claims
        return claims if claims.exp > now.timestamp() else None

    def _decode(self, token: str) -> AccessClaims | None:
        try:
            claims = jwt.decode(token, self._key, algorithms=ALGORITHMS, issuer=self._issuer,
                                options={"require": ["exp", "iat", "sub", "sid", "typ"],
                                         "verify_exp": False})
        except jwt.PyJWTError:
            return None
        if claims.get("typ") != TOKEN_TYPE:
            return None
        try:
            return msgspec.convert(claims, AccessClaims, strict=True)
        except msgspec.ValidationError:
            return None
