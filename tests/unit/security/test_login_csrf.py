"""Review finding 4 (login CSRF): JSON-only bodies, a CSRF token bound to the session, and
`__Host-` cookie names over https. Run against the memory app (no I/O)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.memory_profile import create_memory_app

PASSWORD = "long enough secret"
LOGIN = "/api/v1/auth/login"


def _app() -> Litestar:
    return create_memory_app(Config(argon2_time_cost=1, argon2_memory_kib=8192))


def _client(app: Litestar, base_url: str = "http://testserver.local") -> TestClient[Any]:
    return TestClient(app, base_url=base_url)


def _register(client: TestClient[Any], username: str) -> None:
    response = client.post("/api/v1/auth/register", json={
        "username": username, "email": f"{username}@example.org", "password": PASSWORD})
    assert response.status_code == 201, response.text


def _login(client: TestClient[Any], username: str) -> None:
    response = client.post(LOGIN, json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text


def test_login_with_a_text_plain_body_is_refused_and_sets_no_cookie() -> None:
    """Finding 4: a cross-site form (enctype=text/plain) could sign a victim in."""
    with _client(_app()) as client:
        _register(client, "mallory")
        body = msgspec.json.encode({"username": "mallory", "password": PASSWORD})
        response = client.post(LOGIN, content=body, headers={"Content-Type": "text/plain"})
        assert response.status_code == 415
        assert response.headers["content-type"].startswith("application/problem+json")
        assert "revenge_access" not in response.cookies


def _json_routes() -> list[tuple[str, str]]:
    routes = []
    for route in _app().routes:
        for handler in getattr(route, "route_handlers", []):
            if "data" in handler.parsed_fn_signature.parameters:
                routes += [(method, route.path) for method in sorted(handler.http_methods)]
    return routes


JSON_ROUTES = _json_routes()


@pytest.fixture(scope="module")
def shared() -> Iterator[TestClient[Any]]:
    with _client(_app()) as client:
        yield client


def test_the_app_has_json_routes_to_check() -> None:
    assert len(JSON_ROUTES) > 30 and ("POST", LOGIN) in JSON_ROUTES


@pytest.mark.parametrize(("method", "path"), JSON_ROUTES)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_every_json_route_refuses_a_body_that_is_not_json(
        shared: TestClient[Any], method: str, path: str, content_type: str) -> None:
    """Finding 4: JSON-only bodies on every JSON route (415 otherwise)."""
    url = path.replace(":str}", "}").replace(":int}", "}").format_map(_AnyId())
    response = shared.request(method, url, content=b'{"a": 1}',
                              headers={"Content-Type": content_type})
    assert response.status_code == 415, (method, url, response.status_code)


class _AnyId(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "0190f0a0-0000-7000-8000-000000000000"


def test_a_json_body_with_a_charset_is_accepted() -> None:
    with _client(_app()) as client:
        _register(client, "alice")
        body = msgspec.json.encode({"username": "alice", "password": PASSWORD})
        response = client.post(LOGIN, content=body,
                               headers={"Content-Type": "application/json; charset=utf-8"})
        assert response.status_code == 200


def test_the_csrf_token_of_another_session_is_refused() -> None:
    """Finding 4: the double-submit token is bound to the session (HMAC of its id), so a
    token planted by someone else does not pass with the victim's session cookie."""
    app = _app()
    with _client(app) as victim, _client(app) as attacker:
        _register(victim, "victim")
        _login(victim, "victim")
        created = victim.post("/api/v1/admin/users", headers={
            "X-CSRF-Token": victim.cookies["revenge_csrf"]}, json={
            "username": "attacker", "email": "attacker@example.org", "password": PASSWORD})
        assert created.status_code == 201, created.text
        _login(attacker, "attacker")
        planted = attacker.cookies["revenge_csrf"]
        victim.cookies.delete("revenge_csrf")
        victim.cookies.set("revenge_csrf", planted)
        refused = victim.patch("/api/v1/users/me", json={"display_name": "pwned"},
                               headers={"X-CSRF-Token": planted})
        assert refused.status_code == 403
        victim.cookies.delete("revenge_csrf")
        _login(victim, "victim")
        own = victim.cookies["revenge_csrf"]
        accepted = victim.patch("/api/v1/users/me", json={"display_name": "V"},
                                headers={"X-CSRF-Token": own})
        assert accepted.status_code == 200


def test_over_https_the_session_cookies_are_host_prefixed_and_secure() -> None:
    """Finding 4: `__Host-` names over https; the plain names are not read there."""
    with _client(_app(), "https://testserver.local") as client:
        _register(client, "alice")
        response = client.post(LOGIN, json={"username": "alice", "password": PASSWORD})
        set_cookies = response.headers.get_list("set-cookie")
        named = {c.split("=", 1)[0]: c.lower() for c in set_cookies}
        assert set(named) == {"__Host-revenge_access", "__Secure-revenge_refresh",
                              "__Host-revenge_csrf"}
        assert all("; secure" in c for c in named.values())
        assert "path=/;" in named["__Host-revenge_access"] + ";"
        assert "domain" not in named["__Host-revenge_access"]
        csrf = client.cookies["__Host-revenge_csrf"]
        assert client.patch("/api/v1/users/me", json={"display_name": "A"},
                            headers={"X-CSRF-Token": csrf}).status_code == 200
        access = client.cookies["__Host-revenge_access"]
        client.cookies.clear()
        client.cookies.set("revenge_access", access)
        assert client.get("/api/v1/users/me").status_code == 401


def test_over_http_the_cookie_names_stay_plain() -> None:
    with _client(_app()) as client:
        _register(client, "alice")
        _login(client, "alice")
        assert {"revenge_access", "revenge_csrf"} <= set(client.cookies.keys())
        assert not any(name.startswith("__") for name in client.cookies)


def test_logout_over_https_expires_the_prefixed_cookies_securely() -> None:
    with _client(_app(), "https://testserver.local") as client:
        _register(client, "alice")
        _login(client, "alice")
        csrf = client.cookies["__Host-revenge_csrf"]
        response = client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})
        assert response.status_code == 204
        cleared = [c.lower() for c in response.headers.get_list("set-cookie")]
        assert len(cleared) == 3 and all("max-age=0" in c and "secure" in c for c in cleared)
