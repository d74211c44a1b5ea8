"""Signed media tokens: video elements cannot send headers, so every media URL carries
a short-lived HMAC-SHA256 token bound to the user, the playback session and the file."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

import msgspec

from revenge.domain.errors import AuthenticationFailed

_MAC_BYTES = 20


class MediaClaims(msgspec.Struct, frozen=True, array_like=True):
    user_id: str
    session_id: str
    file_id: str
    expires_at: int  # Unix seconds


def sign_media_token(key: bytes, claims: MediaClaims) -> str:
    payload = _b64(msgspec.json.encode(claims))
    return f"{payload}.{_b64(_mac(key, payload))}"


def verify_media_token(key: bytes, token: str | None, *, session_id: str, now: float
                       ) -> MediaClaims:
    """The claims of a valid, unexpired token for `session_id`; else `AuthenticationFailed`
    (with the same message whatever was wrong, to give nothing away)."""
    payload, _, mac = (token or "").partition(".")
    try:
        expected = _mac(key, payload)
        genuine = hmac.compare_digest(expected, _unb64(mac))
        claims = msgspec.json.decode(_unb64(payload), type=MediaClaims) if genuine else None
    except (binascii.Error, ValueError, msgspec.DecodeError):
        claims = None
    if claims is None or claims.session_id != session_id or claims.expires_at <= now:
        raise AuthenticationFailed("a valid media token is required for this URL")
    return claims


def _mac(key: bytes, payload: str) -> bytes:
    return hmac.new(key, payload.encode(), hashlib.sha256).digest()[:_MAC_BYTES]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
