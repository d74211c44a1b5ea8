"""Review finding 8: security headers on every response, the web app's CSP, /metrics
behind a setting, absolute paths only for admins (the Radarr and job-log parts are in
test_radarr_and_job_errors.py). Memory app, no I/O."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from litestar.types import Receive, Scope, Send

from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.entrypoints.config import Config, load_config
from revenge.entrypoints.http.di_bridge import CONTAINER_KEY
from revenge.entrypoints.http.security_headers import inline_scripts, web_app_csp
from revenge.entrypoints.memory_profile import create_memory_app

PASSWORD = "long enough secret"
AT = datetime(2026, 3, 1, tzinfo=UTC)


def _app(**settings: Any) -> Litestar:
    return create_memory_app(Config(argon2_time_cost=1, argon2_memory_kib=8192, **settings))


@pytest.fixture(scope="module")
def http() -> Iterator[TestClient[Any]]:
    with TestClient(_app(), base_url="http://revenge.local") as client:
        yield client


@pytest.fixture(scope="module")
def https() -> Iterator[TestClient[Any]]:
    with TestClient(_app(), base_url="https://revenge.local") as client:
        yield client


PATHS = ["/healthz", "/api/v1/openapi.json", "/api/v1/users/me", "/api/v1/nothing-here",
         "/nothing-at-all", "/api/docs"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(http: TestClient[Any], path: str) -> None:
    """Finding 8: nosniff, Referrer-Policy, framing refused, a CSP; answers, errors and
    unknown routes alike (404s never reach route middleware)."""
    response = http.get(path, follow_redirects=True)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "strict-transport-security" not in response.headers


def test_api_answers_may_run_nothing(http: TestClient[Any]) -> None:
    csp = http.get("/api/v1/openapi.json").headers["content-security-policy"]
    assert csp.startswith("default-src 'none'")


@pytest.mark.parametrize("path", PATHS)
def test_https_responses_carry_hsts(https: TestClient[Any], path: str) -> None:
    """Finding 8: HSTS when served over https."""
    response = https.get(path, follow_redirects=True)
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_hsts_follows_a_trusted_proxys_forwarded_proto() -> None:
    with TestClient(_from("127.0.0.1", _app(trusted_proxies=["127.0.0.1"])),
                    base_url="http://revenge.local") as client:
        assert "strict-transport-security" in client.get(
            "/healthz", headers={"X-Forwarded-Proto": "https"}).headers
    with TestClient(_from("192.0.2.9", _app(trusted_proxies=["127.0.0.1"])),
                    base_url="http://revenge.local") as client:
        assert "strict-transport-security" not in client.get(
            "/healthz", headers={"X-Forwarded-Proto": "https"}).headers


SVELTEKIT_INDEX = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8" />
<link rel="modulepreload" href="/_app/immutable/entry/start.B1.js">
<script type="module" src="/_app/immutable/entry/app.js"></script>
</head><body data-sveltekit-preload-data="hover"><div style="display: contents">
<script>
  {
    __sveltekit_1x2y = { base: "" };
    const element = document.currentScript.parentElement;
    Promise.all([import("/_app/immutable/entry/start.B1.js"),
                 import("/_app/immutable/entry/app.C2.js")])
      .then(([kit, app]) => { kit.start(app, element); });
  }
</script></div></body></html>"""


def test_the_web_app_csp_allows_sveltekits_inline_bootstrap_by_its_hash() -> None:
    """Finding 8: the web app's inline bootstrap runs by hash, never 'unsafe-inline'."""
    import base64
    import hashlib

    scripts = inline_scripts(SVELTEKIT_INDEX)
    assert len(scripts) == 1 and b"kit.start" in scripts[0]
    expected = base64.b64encode(hashlib.sha256(scripts[0]).digest()).decode()
    csp = _directives(web_app_csp(SVELTEKIT_INDEX).decode())
    assert csp["script-src"] == ["'self'", f"'sha256-{expected}'"]
    assert csp["img-src"] == ["'self'"]
    assert csp["media-src"] == ["'self'", "blob:"] and csp["worker-src"] == ["'self'", "blob:"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in str(csp)


def test_a_changed_bootstrap_script_is_not_allowed_by_the_old_policy() -> None:
    tampered = SVELTEKIT_INDEX.replace(b"kit.start(app, element)", b"alert(1)")
    old = _directives(web_app_csp(SVELTEKIT_INDEX).decode())["script-src"]
    new = _directives(web_app_csp(tampered).decode())["script-src"]
    assert old != new


def _directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}


def _from(ip: str, app: Litestar) -> Any:
    """`app` as reached from `ip` (the test client always says 'testclient'), or from
    the address a request names in its X-Test-Peer header."""

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            peer = dict(scope["headers"]).get(b"x-test-peer", ip.encode()).decode()
            scope["client"] = (peer, 40000)
        await app(scope, receive, send)

    return asgi


_CLIENTS: dict[str, TestClient[Any]] = {}


@pytest.fixture(scope="module", autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    for client in _CLIENTS.values():
        client.__exit__(None, None, None)
    _CLIENTS.clear()


def _metrics(ip: str, headers: dict[str, str] | None = None, **settings: Any) -> int:
    """The status of GET /metrics from `ip` (one app per distinct settings)."""
    key = repr(sorted(settings.items()))
    if key not in _CLIENTS:
        client = TestClient(_from("127.0.0.1", _app(**settings)), base_url="http://r.local")
        _CLIENTS[key] = client.__enter__()
        client.cookies.clear()
    response = _CLIENTS[key].get("/metrics", headers={**(headers or {}), "X-Test-Peer": ip})
    return response.status_code


BEARER = {"Authorization": "Bearer scrape-token-1"}


@pytest.mark.parametrize(("ip", "headers", "settings", "status"), [
    ("127.0.0.1", None, {}, 200),
    ("::1", None, {}, 200),
    ("192.0.2.7", None, {}, 403),
    ("192.0.2.7", BEARER, {"metrics_token": "scrape-token-1"}, 200),
    ("192.0.2.7", {"Authorization": "Bearer wrong"}, {"metrics_token": "scrape-token-1"}, 403),
    ("192.0.2.7", BEARER, {}, 403),  # no token configured: no token opens it
    ("127.0.0.1", None, {"metrics_access": "off"}, 404),
    ("127.0.0.1", None, {"metrics_access": "token", "metrics_token": "scrape-token-1"}, 403),
    ("192.0.2.7", BEARER, {"metrics_access": "token", "metrics_token": "scrape-token-1"}, 200),
    ("192.0.2.7", BEARER, {"metrics_access": "loopback", "metrics_token": "scrape-token-1"}, 403),
    ("127.0.0.1", None, {"metrics_access": "loopback"}, 200),
])
def test_metrics_are_served_as_the_setting_says(ip: str, headers: dict[str, str] | None,
                                                settings: dict[str, Any], status: int) -> None:
    """Finding 8: /metrics behind metrics_access (default loopback + token)."""
    assert _metrics(ip, headers, **settings) == status


def test_metrics_behind_a_local_proxy_count_the_real_client() -> None:
    """A reverse proxy on this machine must not make every client 'loopback'."""
    settings = {"trusted_proxies": ["127.0.0.1"]}
    assert _metrics("127.0.0.1", {"X-Forwarded-For": "198.51.100.4"}, **settings) == 403
    assert _metrics("127.0.0.1", {"X-Forwarded-For": "127.0.0.1"}, **settings) == 200


def test_the_default_metrics_access_is_loopback_and_token() -> None:
    settings, _ = load_config({})
    assert settings.metrics_access == "loopback+token"


def test_absolute_file_paths_are_shown_only_to_those_who_manage_libraries() -> None:
    """Finding 8: a normal user sees a file's name, not where the server keeps it."""
    app = _app()
    path = "/srv/media/private/Heat (1995)/Heat (1995).mkv"
    with TestClient(app, base_url="http://revenge.local") as client:
        admin = _account(client, "root", register=True)
        user = _account(client, "viewer", admin=admin)
        movie_id = asyncio.run(_movie_with_file(app, path))
        url = f"/api/v1/movies/{movie_id}/files"
        seen_by_admin = client.get(url, headers=admin).json()["items"][0]
        seen_by_user = client.get(url, headers=user).json()["items"][0]
    assert seen_by_admin["path"] == path
    assert seen_by_user["path"] == "Heat (1995).mkv"
    assert "/srv/media" not in seen_by_user["probe_error"]


def _account(client: TestClient[Any], name: str, *, register: bool = False,
             admin: dict[str, str] | None = None) -> dict[str, str]:
    body = {"username": name, "email": f"{name}@example.org", "password": PASSWORD}
    created = (client.post("/api/v1/auth/register", json=body) if register else
               client.post("/api/v1/admin/users", json=body, headers=admin))
    assert created.status_code == 201, created.text
    token = client.post("/api/v1/auth/login", json={"username": name, "password": PASSWORD})
    client.cookies.clear()
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


async def _movie_with_file(app: Litestar, path: str) -> str:
    catalog = app.state[CONTAINER_KEY].catalog
    movie = new_movie("0190f0a0-0000-7000-8000-00000000a001", MovieFields(title="Heat"), AT)
    file = MovieFile(id="0190f0a0-0000-7000-8000-00000000f001", movie_id=movie.id, path=path,
                     size_bytes=1000, mtime=AT, added_at=AT, updated_at=AT,
                     probe_error=f"{path}: Invalid data found when processing input")
    async with catalog.unit_of_work() as uow:
        await uow.movies.add(movie)
        await uow.files.add(file)
        await uow.commit()
    return movie.id


def test_no_directive_allows_unsafe_inline_scripts() -> None:
    csp = web_app_csp(SVELTEKIT_INDEX).decode()
    assert not re.search(r"script-src[^;]*unsafe-inline", csp)
