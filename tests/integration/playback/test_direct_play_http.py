"""Direct play over real HTTP: every Range form, 416, HEAD, If-Range, a browser's
sequence of open-ended ranges, and the media token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.integration.playback.live import Live, live_server


@pytest.fixture(scope="module")
async def live(playback_media: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
               ) -> AsyncIterator[Live]:
    files = {"direct": playback_media["h264_aac.mp4"]}
    async with live_server(tmp_path_factory.mktemp("direct"), files) as server:
        yield server


@pytest.fixture(scope="module")
async def direct(live: Live) -> str:
    session = await live.session("direct")
    assert session["method"] == "direct" and session["hls_url"] is None
    return str(session["direct_url"])


@pytest.fixture(scope="module")
def content(playback_media: dict[str, Path]) -> bytes:
    return playback_media["h264_aac.mp4"].read_bytes()


async def test_a_plain_get_sends_the_whole_file_with_range_support(
        live: Live, direct: str, content: bytes) -> None:
    response = await live.client.get(direct)
    assert response.status_code == 200 and response.content == content
    assert response.headers["content-type"] == "video/mp4"
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["content-length"] == str(len(content))


@pytest.mark.parametrize(("header", "first", "last"), [
    ("bytes=0-99", 0, 99), ("bytes=1000-", 1000, None), ("bytes=-500", -500, None),
    ("bytes=10-10", 10, 10), ("bytes=100-99999999", 100, None)])
async def test_each_range_form_gets_206_with_the_exact_bytes(
        live: Live, direct: str, content: bytes, header: str, first: int,
        last: int | None) -> None:
    response = await live.client.get(direct, headers={"Range": header})
    size = len(content)
    start = first if first >= 0 else size + first
    end = size - 1 if last is None else last
    assert response.status_code == 206
    assert response.headers["content-range"] == f"bytes {start}-{end}/{size}"
    assert response.content == content[start:end + 1]
    assert response.headers["content-length"] == str(end - start + 1)


async def test_a_range_past_the_end_is_416_with_the_size(live: Live, direct: str,
                                                         content: bytes) -> None:
    response = await live.client.get(direct, headers={"Range": f"bytes={len(content)}-"})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{len(content)}"


@pytest.mark.parametrize(("header", "status", "first"), [
    ("bytes=" + "9" * 5000 + "-", 416, None),
    ("bytes=0-" + "9" * 5000, 206, 0),
    ("bytes=-" + "9" * 5000, 206, 0),
    ("bytes=" + "0" * 5000 + "7-", 206, 7),
])
async def test_a_range_with_thousands_of_digits_is_answered_as_the_number_it_is(
        live: Live, direct: str, content: bytes, header: str, status: int,
        first: int | None) -> None:
    # Found by fuzzing: past 4,300 digits int() refuses the text, and this answered 500.
    response = await live.client.get(direct, headers={"Range": header})
    assert response.status_code == status, response.text
    size = len(content)
    if first is not None:
        assert response.headers["content-range"] == f"bytes {first}-{size - 1}/{size}"


async def test_head_answers_the_headers_without_a_body(live: Live, direct: str,
                                                       content: bytes) -> None:
    response = await live.client.head(direct, headers={"Range": "bytes=0-9"})
    assert response.status_code == 206 and response.content == b""
    assert response.headers["content-range"] == f"bytes 0-9/{len(content)}"


async def test_if_range_gets_the_range_only_while_the_file_is_unchanged(
        live: Live, direct: str, content: bytes) -> None:
    etag = (await live.client.head(direct)).headers["etag"]
    fresh = await live.client.get(direct, headers={"Range": "bytes=0-9", "If-Range": etag})
    stale = await live.client.get(direct, headers={"Range": "bytes=0-9", "If-Range": '"old"'})
    assert fresh.status_code == 206 and fresh.content == content[:10]
    assert stale.status_code == 200 and stale.content == content


async def test_a_browser_like_sequence_of_open_ended_ranges(
        live: Live, direct: str, content: bytes) -> None:
    size = len(content)
    for start in (0, size // 2, size - 4096, size // 3, 0):
        response = await live.client.get(direct, headers={"Range": f"bytes={start}-"})
        assert response.status_code == 206
        assert response.headers["content-range"] == f"bytes {start}-{size - 1}/{size}"
        assert response.content == content[start:]


async def test_media_urls_need_a_valid_token(live: Live, direct: str) -> None:
    bare = direct.split("?")[0]
    assert (await live.client.get(bare)).status_code == 401
    assert (await live.client.get(bare, headers=live.admin)).status_code == 401
    assert (await live.client.get(direct + "x")).status_code == 401
    other = await live.session("direct")
    foreign = other["direct_url"].split("?")[0] + "?" + direct.split("?")[1]
    assert (await live.client.get(foreign)).status_code == 401


async def test_an_ended_session_stops_serving_and_the_token_dies_with_it(live: Live) -> None:
    session = await live.session("direct")
    assert (await live.end(session["id"])).status_code == 204
    assert (await live.client.get(session["direct_url"])).status_code == 404
    assert (await live.end(session["id"])).status_code == 404
