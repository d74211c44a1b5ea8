"""Revenge behind a proxy under a path prefix (REVENGE_PUBLIC_URL=http://host/revenge):
Debian's nginx passes /revenge/... on without the prefix; the server answers there and
also with the prefix kept (another proxy's style). The URLs it hands out carry the
prefix (media URLs, the refresh cookie's path, Location), and a passkey registers and
signs in with the proxy's origin."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

from revenge.entrypoints.embedded.net import free_port
from tests.e2e.conftest import LiveServer, fresh_database, live_server_environment, start_server
from tests.e2e.identity.conftest import PASSWORD
from tests.e2e.mfa.test_webauthn import begin_passkey, finish_passkey
from tests.e2e.topology.cluster import start_nginx, stop
from tests.fixtures.media import H264_AAC_MP4, generate
from tests.support.webauthn_authenticator import SoftwareAuthenticator

pytestmark = pytest.mark.e2e

PREFIX = "/revenge"


@dataclass
class Proxied:
    server: LiveServer
    proxy: str  # http://localhost:<nginx port>
    env: dict[str, str]

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.proxy + PREFIX, timeout=30)


@pytest.fixture(scope="module")
def proxied(postgres_server_url: str, redis_url: str,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxied]:
    run_dir = tmp_path_factory.mktemp("prefix")
    media = run_dir / "media" / "Heat (1995)"
    media.mkdir(parents=True)
    generate(H264_AAC_MP4, media).rename(media / "Heat.1995.mp4")
    (run_dir / "data").mkdir()
    nginx_port = free_port()
    public = f"http://localhost:{nginx_port}{PREFIX}"
    with fresh_database(postgres_server_url, "revenge_prefix") as url, \
            start_server(url, redis_url, run_dir / "data", REVENGE_PUBLIC_URL=public) as server:
        port = int(server.base_url.rsplit(":", 1)[1])
        nginx = start_nginx([port], run_dir, location=f"{PREFIX}/", upstream_path="/",
                            port=nginx_port)
        try:
            env = live_server_environment(url, redis_url, run_dir / "data",
                                          REVENGE_PUBLIC_URL=public)
            yield Proxied(server, f"http://localhost:{nginx_port}", env)
        finally:
            stop(nginx)


def test_the_api_answers_under_the_prefix_whether_the_proxy_strips_it_or_not(
        proxied: Proxied) -> None:
    assert httpx.get(f"{proxied.proxy}{PREFIX}/healthz").status_code == 200
    assert httpx.get(proxied.server.url(f"{PREFIX}/healthz")).status_code == 200
    assert httpx.get(proxied.server.url("/healthz")).status_code == 200
    assert httpx.get(f"{proxied.proxy}/healthz").status_code == 404  # nginx: not ours


def test_handed_out_urls_carry_the_prefix_and_a_passkey_uses_the_proxys_origin(
        proxied: Proxied) -> None:
    with proxied.client() as api:
        assert api.post("/api/v1/auth/register", json={
            "username": "root", "email": "root@example.org", "password": PASSWORD,
        }).status_code == 201
        login = api.post("/api/v1/auth/login", json={"username": "root", "password": PASSWORD})
        assert login.status_code == 200, login.text
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        refresh_cookies = [c for c in login.headers.get_list("set-cookie") if "refresh" in c]
        assert refresh_cookies and all(f"Path={PREFIX}/api/v1/auth" in c
                                       for c in refresh_cookies), refresh_cookies
        _passkey_through_the_proxy(api, auth, proxied)
        _media_urls_through_the_proxy(api, auth, proxied)


def _passkey_through_the_proxy(api: httpx.Client, auth: dict[str, str],
                               proxied: Proxied) -> None:
    authenticator = SoftwareAuthenticator(proxied.proxy)  # the origin the browser has
    begun = api.post("/api/v1/mfa/webauthn/register/begin", headers=auth)
    assert begun.status_code == 200, begun.text
    body = begun.json()
    assert body["options"]["rp"]["id"] == "localhost"
    finished = api.post("/api/v1/mfa/webauthn/register/finish", headers=auth, json={
        "challenge_id": body["challenge_id"], "name": "Key",
        "credential": authenticator.create(body["options"])})
    assert finished.status_code == 201, finished.text
    with httpx.Client(base_url=f"{proxied.proxy}{PREFIX}/api/v1", timeout=30) as v1:
        passkey = begin_passkey(v1)
        signed_in = finish_passkey(v1, passkey, authenticator.get(passkey["options"]))
    assert signed_in.status_code == 200, signed_in.text


def _media_urls_through_the_proxy(api: httpx.Client, auth: dict[str, str],
                                  proxied: Proxied) -> None:
    media = Path(proxied.env["REVENGE_DATA_DIR"]).parent / "media"
    library = api.post("/api/v1/admin/libraries", headers=auth,
                       json={"name": "Movies", "paths": [str(media)]})
    assert library.status_code == 201, library.text
    found = api.get(urljoin(str(library.request.url), library.headers["location"]),
                    headers=auth)
    assert found.status_code == 200 and found.json()["name"] == "Movies"
    scanned = subprocess.run([sys.executable, "-m", "revenge", "scan", "--inline"],
                             env=proxied.env, capture_output=True, text=True, timeout=120)
    assert scanned.returncode == 0, scanned.stderr
    movie = api.get("/api/v1/movies", headers=auth).json()["items"][0]["id"]
    session = api.post("/api/v1/playback/sessions", headers=auth, json={"movie_id": movie})
    assert session.status_code == 201, session.text
    direct = session.json()["direct_url"]
    assert direct.startswith(f"{PREFIX}/api/v1/playback/sessions/")
    part = httpx.get(proxied.proxy + direct, headers={"Range": "bytes=0-9"})
    assert part.status_code == 206 and len(part.content) == 10
