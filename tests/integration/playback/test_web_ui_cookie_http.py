"""The web UI's sign-in cookie opens its own sessions' media URLs without a token; a
token is still needed without a valid cookie (someone else's, forged, logged out)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.playback.live import PASSWORD, Live, live_server


@pytest.fixture(scope="module")
async def live(playback_media: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
               ) -> AsyncIterator[Live]:
    files = {"direct": playback_media["h264_aac.mp4"],
             "remux": playback_media["h264_aac_long.mkv"]}
    async with live_server(tmp_path_factory.mktemp("web-ui"), files) as server:
        yield server


@contextlib.asynccontextmanager
async def web_ui(live: Live, username: str) -> AsyncIterator[httpx.AsyncClient]:
    """A browser signed in as `username`: cookies only, never a bearer header."""
    async with httpx.AsyncClient(base_url=live.base, timeout=60) as browser:
        response = await browser.post("/api/v1/auth/login",
                                      json={"username": username, "password": PASSWORD})
        assert response.status_code == 200 and "revenge_access" in browser.cookies
        yield browser


@pytest.fixture
async def root_browser(live: Live) -> AsyncIterator[httpx.AsyncClient]:
    async with web_ui(live, "root") as browser:
        yield browser


def untokened(url: str) -> str:
    return url.split("?")[0]


async def test_the_owners_cookie_plays_direct_and_hls_without_tokens(
        live: Live, root_browser: httpx.AsyncClient) -> None:
    direct = await live.session("direct")
    ranged = await root_browser.get(untokened(direct["direct_url"]),
                                    headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206 and len(ranged.content) == 100
    remux = await live.session("remux")
    master_url = untokened(remux["hls_url"])
    master = await root_browser.get(master_url)
    assert master.status_code == 200 and "token=" not in master.text
    variant = next(line for line in master.text.splitlines() if line.endswith("index.m3u8"))
    base = master_url.removesuffix("master.m3u8")
    playlist = await root_browser.get(base + variant)
    assert playlist.status_code == 200 and "0.ts\n" in playlist.text
    segment = await root_browser.get(base + variant.replace("index.m3u8", "0.ts"))
    assert segment.status_code == 200 and segment.content[:1] == b"G"
    for session in (direct, remux):
        await live.end(session["id"])


async def test_another_users_cookie_is_refused(live: Live) -> None:
    created = await live.client.post("/api/v1/admin/users", headers=live.admin, json={
        "username": "viewer", "email": "viewer@example.org", "password": PASSWORD})
    assert created.status_code == 201, created.text
    session = await live.session("direct")
    async with web_ui(live, "viewer") as browser:
        assert (await browser.get(untokened(session["direct_url"]))).status_code == 401
        assert (await browser.get(session["direct_url"])).status_code == 200  # the token
    await live.end(session["id"])


@pytest.mark.parametrize("cookie", ["", "forged.jwt.value"])
async def test_without_a_valid_cookie_the_token_is_still_required(
        live: Live, cookie: str) -> None:
    session = await live.session("direct")
    cookies: dict[str, Any] = {"revenge_access": cookie} if cookie else {}
    async with httpx.AsyncClient(base_url=live.base, cookies=cookies) as anonymous:
        assert (await anonymous.get(untokened(session["direct_url"]))).status_code == 401
    await live.end(session["id"])


async def test_a_logged_out_cookie_no_longer_opens_media(live: Live) -> None:
    session = await live.session("direct")
    async with web_ui(live, "root") as browser:
        cookie = browser.cookies["revenge_access"]
        csrf = {"X-CSRF-Token": browser.cookies["revenge_csrf"]}
        assert (await browser.post("/api/v1/auth/logout", headers=csrf)).status_code == 204
    async with httpx.AsyncClient(base_url=live.base,
                                 cookies={"revenge_access": cookie}) as stale:
        assert (await stale.get(untokened(session["direct_url"]))).status_code == 401
    await live.end(session["id"])
