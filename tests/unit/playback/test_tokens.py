"""Signed media tokens: bound to a session, expiring, tamper-evident."""

from __future__ import annotations

import pytest

from revenge.domain.errors import AuthenticationFailed
from revenge.domain.playback.tokens import MediaClaims, sign_media_token, verify_media_token

KEY = b"k" * 32
CLAIMS = MediaClaims("user-1", "session-1", "file-1", expires_at=2_000)


def test_a_token_verifies_for_its_session_before_it_expires() -> None:
    token = sign_media_token(KEY, CLAIMS)
    assert verify_media_token(KEY, token, session_id="session-1", now=1_999) == CLAIMS


@pytest.mark.parametrize(("token", "session", "now", "key"), [
    (None, "session-1", 1_000, KEY),
    ("", "session-1", 1_000, KEY),
    ("garbage", "session-1", 1_000, KEY),
    (sign_media_token(KEY, CLAIMS), "session-2", 1_000, KEY),
    (sign_media_token(KEY, CLAIMS), "session-1", 2_000, KEY),
    (sign_media_token(KEY, CLAIMS), "session-1", 1_000, b"x" * 32),
    (sign_media_token(KEY, CLAIMS) + "A", "session-1", 1_000, KEY),
    ("e30." + sign_media_token(KEY, CLAIMS).split(".")[1], "session-1", 1_000, KEY),
], ids=["missing", "empty", "garbage", "other session", "expired", "other key", "tampered mac",
        "swapped payload"])
def test_a_bad_token_is_refused(token: str | None, session: str, now: float, key: bytes) -> None:
    with pytest.raises(AuthenticationFailed):
        verify_media_token(key, token, session_id=session, now=now)
