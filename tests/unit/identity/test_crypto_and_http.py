"""Token signing rules, and HTTP-edge rules (client IP, CSRF) on the memory profile."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from litestar.testing import TestClient

from revenge.adapters.crypto.jwt_tokens import JwtAccessTokens
from revenge.adapters.crypto.tokens import RandomSecretTokens
from revenge.entrypoints.config import Config
from revenge.entrypoints.memory_profile import create_memory_app

KEY = b"k" * 48
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def test_an_access_token_verifies_until_it_expires() -> None:
    tokens = JwtAccessTokens(KEY, lifetime_seconds=900)
    token = tokens.issue("user", "session", NOW)
    claims = tokens.verify(token, NOW + timedelta(minutes=14))
    assert claims is not None and (claims.sub, claims.sid) == ("user", "session")
    assert tokens.verify(token, NOW + timedelta(minutes=15)) is None


def test_tokens_signed_otherwise_are_refused() -> None:
    tokens = JwtAccessTokens(KEY, lifetime_seconds=900)
    claims = {"sub": "u", "sid": "s", "typ": "access", "iss": "revenge",
              "iat": int(NOW.timestamp()), "exp": int(NOW.timestamp()) + 900}
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    other_key = jwt.encode(claims, b"x" * 48, algorithm="HS256")
    wrong_alg = jwt.encode(claims, KEY, algorithm="HS512")
    wrong_typ = jwt.encode({**claims, "typ": "refresh"}, KEY, algorithm="HS256")
    for token in (unsigned, other_key, wrong_alg, wrong_typ, "garbage"):
        assert tokens.verify(token, NOW) is None


def test_secret_tokens_carry_at_least_128_bits_and_digest_deterministically() -> None:
    secrets = RandomSecretTokens()
    token = secrets.new("rvr_")
    assert len(base64.urlsafe_b64decode(token[4:] + "=")) >= 16
    assert secrets.digest(token) == secrets.digest(token) != token
    assert secrets.new() != secrets.new()


def test_a_short_jwt_key_is_refused() -> None:
    with pytest.raises(ValueError):
        JwtAccessTokens(b"short", lifetime_seconds=60)


def _app(**settings: object) -> TestClient:  # type: ignore[type-arg]
    config = Config(argon2_time_cost=1, argon2_memory_kib=8192, **settings)  # type: ignore[arg-type]
    return TestClient(create_memory_app(config))


def _register_and_fail(client: TestClient, times: int) -> list[int]:  # type: ignore[type-arg]
    client.post("/api/v1/auth/register", json={
        "username": "alice", "email": "a@example.org", "password": "long enough secret"})
    return [client.post("/api/v1/auth/login", json={"username": "alice", "password": "nope!!!!"},
                        headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code
            for n in range(times)]


def test_forwarded_headers_are_ignored_from_an_untrusted_peer() -> None:
    with _app() as client:
        assert _register_and_fail(client, 10)[-1] == 429  # all counted as one peer


def test_a_cookie_session_needs_the_csrf_header_for_unsafe_requests() -> None:
    with _app() as client:
        client.post("/api/v1/auth/register", json={
            "username": "alice", "email": "a@example.org", "password": "long enough secret"})
        client.post("/api/v1/auth/login", json={"username": "alice",
                                                "password": "long enough secret"})
        assert client.get("/api/v1/users/me").status_code == 200
        assert client.patch("/api/v1/users/me", json={"display_name": "A"}).status_code == 403
        csrf = {"X-CSRF-Token": client.cookies["revenge_csrf"]}
        assert client.patch("/api/v1/users/me", json={"display_name": "A"},
                            headers=csrf).status_code == 200
