"""Acceptance of scaling out (issue 18), with real processes: two HTTP replicas and two
workers behind nginx's round-robin. Every request through the proxy lands on the other
replica than the one before (the `X-Upstream` header says which), so a session started
on one is played, sought, switched, subtitled and ended through both."""

from __future__ import annotations

import itertools
import os
import signal
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest

from tests.e2e.topology.cluster import ffmpeg_processes
from tests.e2e.topology.conftest import Stack, eventually

pytestmark = pytest.mark.e2e

MPEG_TS_SYNC = 0x47


class Player:
    """Requests as a player makes them, noting which replica answered each."""

    def __init__(self, stack: Stack, auth: dict[str, str] | None = None) -> None:
        self.stack = stack
        self.auth = auth or stack.auth
        self.upstreams: list[str] = []

    def request(self, method: str, url: str, expect: int = 200, **kwargs: Any
                ) -> httpx.Response:
        response = self.stack.api.request(method, url, **kwargs)
        self.upstreams.append(response.headers.get("x-upstream", "?"))
        assert response.status_code == expect, (response.status_code, response.text)
        return response

    def start(self, title: str) -> dict[str, Any]:
        body: dict[str, Any] = self.request(
            "POST", "/api/v1/playback/sessions", 201, headers=self.auth,
            json={"movie_id": self.stack.movies[title]}).json()
        return body

    def variants(self, session: dict[str, Any]) -> dict[str, str]:
        """Rendition name -> variant playlist URL."""
        master = self.request("GET", session["hls_url"]).text
        uris = [line for line in master.splitlines() if line and not line.startswith("#")]
        return {uri.split("/")[0]: urljoin(session["hls_url"], uri) for uri in uris}

    def segments(self, variant_url: str) -> list[str]:
        playlist = self.request("GET", variant_url).text
        return [urljoin(variant_url, line) for line in playlist.splitlines()
                if line and not line.startswith("#")]

    def segment(self, url: str) -> bytes:
        content = self.request("GET", url).content
        assert content and content[0] == MPEG_TS_SYNC
        return content


def alternating(upstreams: list[str]) -> bool:
    return len(set(upstreams)) == 2 and all(a != b for a, b in itertools.pairwise(upstreams))


def no_ffmpeg_left(stack: Stack) -> bool:
    return eventually(lambda: not ffmpeg_processes(stack.cluster.transcode_dir), timeout=10)


def test_an_hls_session_plays_seeks_switches_and_ends_through_alternating_replicas(
        stack: Stack) -> None:
    player = Player(stack)
    session = player.start("Feature")
    assert session["method"] == "remux", session
    variants = player.variants(session)
    assert {"original", "180p"} <= set(variants)
    transcoded = player.segments(variants["180p"])
    for url in transcoded[:3]:  # a transcode, to the end of three segments
        player.segment(url)
    player.segment(transcoded[7])  # a far seek
    player.segment(player.segments(variants["original"])[7])  # another quality
    subtitle = player.request("GET", session["subtitles"][0]["url"]).text
    assert subtitle.startswith("WEBVTT")
    player.request("DELETE", f"/api/v1/playback/sessions/{session['id']}", 204,
                   headers=stack.auth)
    assert alternating(player.upstreams), player.upstreams
    assert no_ffmpeg_left(stack), ffmpeg_processes(stack.cluster.transcode_dir)
    player.request("GET", transcoded[3], 404)  # ended for every replica


def test_direct_play_serves_ranges_through_both_replicas(stack: Stack) -> None:
    player = Player(stack)
    session = player.start("Short")
    assert session["method"] == "direct", session
    content = stack.files["Short"].read_bytes()
    for first in (0, 100, 5000):
        part = player.request("GET", session["direct_url"], 206,
                              headers={"Range": f"bytes={first}-{first + 99}"})
        assert part.content == content[first:first + 100]
    assert alternating(player.upstreams), player.upstreams


def test_a_sign_out_through_one_replica_is_refused_by_the_other_at_once(
        stack: Stack) -> None:
    auth = stack.login()  # a sign-in of its own
    player = Player(stack, auth)
    session = player.start("Short")
    player.request("GET", "/api/v1/users/me", headers=auth)
    player.request("GET", session["direct_url"], 206, headers={"Range": "bytes=0-9"})
    player.request("POST", "/api/v1/auth/logout", 204, headers=auth)
    player.request("GET", "/api/v1/users/me", 401, headers=auth)
    player.request("GET", "/api/v1/users/me", 401, headers=auth)
    # Its stream ends with it (issue 20 item 5): the media URL is refused at once.
    player.request("GET", session["direct_url"], 404, headers={"Range": "bytes=0-9"})
    assert alternating(player.upstreams), player.upstreams


def test_killing_the_replica_that_runs_ffmpeg_loses_neither_playback_nor_progress(
        stack: Stack) -> None:
    player = Player(stack)
    direct = player.start("Short")
    session = player.start("Feature")
    segments = player.segments(player.variants(session)["180p"])
    player.segment(segments[0])
    player.segment(segments[1])
    owner_group = {os.getpgid(pid) for pid in ffmpeg_processes(stack.cluster.transcode_dir)}
    owner = next(r for r in stack.cluster.replicas if r.process.pid in owner_group)
    os.killpg(owner.process.pid, signal.SIGKILL)
    owner.process.wait(timeout=10)

    player.request("GET", direct["direct_url"], 206, headers={"Range": "bytes=0-9"})
    player.segment(segments[2])  # the survivor takes the session over: one restart
    player.segment(segments[3])
    player.request("DELETE", f"/api/v1/playback/sessions/{session['id']}", 204,
                   headers=stack.auth)
    progress = player.request(
        "GET", f"/api/v1/movies/{stack.movies['Feature']}/progress", headers=stack.auth)
    assert progress.json()["position_seconds"] == pytest.approx(6.0, abs=0.5)
    assert no_ffmpeg_left(stack), ffmpeg_processes(stack.cluster.transcode_dir)
