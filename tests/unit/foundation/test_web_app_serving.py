"""The built web app on the API's port: assets cached for good, index.html for deep
links a browser navigates to, and the API's own answers everywhere else."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.http.path_prefix import with_path_prefix
from revenge.entrypoints.http.web_app import WebApp, under_prefix, with_web_app

INDEX = (b"<!doctype html><html><head></head><body><div><script>\n{ start(); }\n</script>"
         b"</div></body></html>")
ASSET = "/_app/immutable/entry/app.Abc123.js"
BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def build(tmp_path: Path) -> Path:
    (tmp_path / "_app/immutable/entry").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(INDEX)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(INDEX))
    (tmp_path / ASSET.lstrip("/")).write_bytes(b"console.log(1)" * 50)
    (tmp_path / (ASSET.lstrip("/") + ".br")).write_bytes(b"brotli-bytes")
    (tmp_path / "favicon.svg").write_bytes(b"<svg/>")
    return tmp_path


@pytest.fixture
def client(build: Path) -> Iterator[TestClient[Any]]:
    app = create_app(build_container(Config(), "memory"))
    with TestClient(with_web_app(app, WebApp(build))) as test_client:  # type: ignore[arg-type]
        yield test_client


def test_root_is_index_html_revalidated_every_time(client: TestClient[Any]) -> None:
    response = client.get("/", headers=BROWSER)
    assert response.status_code == 200 and response.content == INDEX
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-type"].startswith("text/html")


def test_hashed_asset_is_immutable_and_sent_precompressed(client: TestClient[Any]) -> None:
    response = client.get(ASSET, headers={"accept-encoding": "br, gzip"})
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "br"
    assert response.headers["vary"] == "accept-encoding"


def test_asset_without_accepted_coding_is_sent_as_is(client: TestClient[Any]) -> None:
    response = client.get(ASSET, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in response.headers
    assert response.content == b"console.log(1)" * 50


def test_index_is_gzip_for_a_client_without_brotli(client: TestClient[Any]) -> None:
    response = client.get("/", headers={**BROWSER, "accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip" and response.content == INDEX


def test_matching_etag_answers_not_modified(client: TestClient[Any]) -> None:
    etag = client.get("/favicon.svg").headers["etag"]
    response = client.get("/favicon.svg", headers={"if-none-match": etag})
    assert response.status_code == 304 and response.content == b""


def test_not_modified_keeps_the_pages_csp_so_the_cached_page_still_runs(
        client: TestClient[Any]) -> None:
    first = client.get("/login", headers=BROWSER)
    again = client.get("/login", headers={**BROWSER, "if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert "content-length" not in again.headers or again.headers["content-length"] == "0"


def test_head_sends_headers_without_body(client: TestClient[Any]) -> None:
    response = client.head("/", headers=BROWSER)
    assert response.status_code == 200 and response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_browser_deep_link_gets_index_html(client: TestClient[Any]) -> None:
    response = client.get("/settings/security?tab=totp", headers=BROWSER)
    assert response.status_code == 200 and response.content == INDEX


@pytest.mark.parametrize("path", ["/settings/security", "/System/Nope", "/Items/abc/Nope"])
def test_api_client_gets_the_normal_404_on_an_unknown_path(client: TestClient[Any],
                                                           path: str) -> None:
    response = client.get(path, headers={"accept": "application/json"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/other", "/healthz/x",
                                  "/metrics/x", "/_app/immutable/missing.js"])
def test_reserved_paths_are_never_shadowed_even_for_browsers(client: TestClient[Any],
                                                             path: str) -> None:
    response = client.get(path, headers=BROWSER)
    assert response.status_code == 404 and response.content != INDEX


def test_existing_root_routes_keep_answering_browsers(client: TestClient[Any]) -> None:
    # A root route of the Jellyfin API (entrypoints/http/jellyfin).
    assert client.get("/System/Info/Public", headers=BROWSER).json()["ProductName"] == \
        "Jellyfin Server"
    assert client.get("/healthz", headers=BROWSER).json() == {"status": "ok"}


def test_a_route_with_another_method_keeps_its_405(client: TestClient[Any]) -> None:
    assert client.get("/api/v1/auth/login", headers=BROWSER).status_code == 405


def test_unsafe_methods_are_never_answered_with_the_app(client: TestClient[Any]) -> None:
    assert client.post("/settings/account", headers=BROWSER, json={}).status_code in (404, 405)


def test_index_csp_allows_only_its_own_inline_bootstrap_by_hash(client: TestClient[Any]) -> None:
    csp = client.get("/", headers=BROWSER).headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'sha256-" in script_src and "'unsafe-inline'" not in script_src
    assert "media-src 'self' blob:" in csp and "worker-src 'self' blob:" in csp
    # Images from this origin only (the TOTP QR code is inline SVG, not a data: image).
    img_src = next(d for d in csp.split(";") if d.strip().startswith("img-src"))
    assert img_src.split()[1:] == ["'self'"]


def test_the_app_gets_the_same_security_headers_as_the_api(client: TestClient[Any]) -> None:
    headers = client.get("/", headers=BROWSER).headers
    assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "same-origin"
    assert "strict-transport-security" not in headers  # plain http here
    assert client.get(ASSET).headers["x-content-type-options"] == "nosniff"


def test_over_https_the_app_is_sent_with_hsts(build: Path) -> None:
    app = create_app(build_container(Config(public_url="https://media.example.org"), "memory"))
    with TestClient(with_web_app(app, WebApp(build))) as https_client:  # type: ignore[arg-type]
        assert "strict-transport-security" in https_client.get("/", headers=BROWSER).headers


def test_no_build_means_the_api_alone(tmp_path: Path) -> None:
    assert WebApp.find(str(tmp_path)) is None


# index.html as `npm run build` leaves it (web/scripts/portable-index.mjs): the bootstrap
# reads its base from the meta tag, so the script is the same under any prefix.
PORTABLE_INDEX = (
    b'<!doctype html><html><head><meta name="revenge-base" content="" />'
    b'<link rel="icon" href="/favicon.svg" type="image/svg+xml" />'
    b'<link href="/_app/immutable/entry/app.Abc123.js" rel="modulepreload"></head><body><div>'
    b"<script>\n{ __sveltekit_x = { base: document.querySelector('meta[name=\"revenge-base\"]')"
    b'?.content ?? "" }; import(__sveltekit_x.base + "/_app/immutable/entry/app.Abc123.js"); }'
    b"\n</script></div></body></html>")


@pytest.fixture
def portable_build(build: Path) -> Path:
    (build / "index.html").write_bytes(PORTABLE_INDEX)
    (build / "index.html.gz").write_bytes(gzip.compress(PORTABLE_INDEX))
    (build / "index.html.br").write_bytes(b"stale-brotli-of-the-unprefixed-page")
    return build


def test_under_a_prefix_the_page_names_its_base_and_prefixed_links_script_unchanged(
        portable_build: Path) -> None:
    app = create_app(build_container(Config(public_url="http://localhost/revenge"), "memory"))
    at_root = WebApp(portable_build)
    prefixed = WebApp(portable_build, prefix="/revenge")
    served = with_path_prefix(with_web_app(app, prefixed), "/revenge")
    with TestClient(served) as client:  # type: ignore[arg-type]
        for path in ("/revenge/", "/revenge/movies/1", "/movies/1"):  # prefix kept or stripped
            page = client.get(path, headers={**BROWSER, "accept-encoding": "br, gzip"})
            assert page.status_code == 200, path
            assert page.headers.get("content-encoding") == "gzip"  # the stale br is dropped
            body = page.content
            assert b'<meta name="revenge-base" content="/revenge" />' in body
            assert b'href="/revenge/favicon.svg"' in body
            assert b'href="/revenge/_app/immutable/entry/app.Abc123.js"' in body
            assert b'href="/_app' not in body and b'href="/favicon' not in body
        root_page = at_root.index.variants[-1]
        assert root_page.body == PORTABLE_INDEX  # at `/` the build is served as built
        # Same inline script, so the same CSP hash at `/` and under any prefix.
        assert dict(page.headers)["content-security-policy"] == dict(
            (k.decode(), v.decode()) for k, v in root_page.headers)["content-security-policy"]
        asset = client.get("/revenge" + ASSET)
        assert asset.status_code == 200 and asset.headers["cache-control"].endswith("immutable")


def test_the_prefix_is_escaped_into_the_page() -> None:
    page = under_prefix(b'<meta name="revenge-base" content="" /><link href="/x">', '/a"b')
    assert page == b'<meta name="revenge-base" content="/a&quot;b" /><link href="/a&quot;b/x">'
