"""The built documentation site at /docs, beside the web app and the API: pages with a
policy allowing their own inline scripts, /docs sent to /docs/ (the pages link
relatively), the API's 404 for a page the site lacks, and Swagger at /api/docs kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.http.web_app import WebApp, with_web_app

PAGE = (b"<!doctype html><html><head><script>var __md_scope = 1;</script></head>"
        b"<body>%s</body></html>")
BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "site/assets").mkdir(parents=True)
    (tmp_path / "site/index.html").write_bytes(PAGE % b"Revenge docs")
    (tmp_path / "site/install.html").write_bytes(PAGE % b"Install")
    (tmp_path / "site/assets/main.css").write_bytes(b"body{}")
    return tmp_path / "site"


@pytest.fixture
def web(tmp_path: Path) -> Path:
    (tmp_path / "web").mkdir()
    (tmp_path / "web/index.html").write_bytes(b"<!doctype html><html><body>app</body></html>")
    return tmp_path / "web"


@pytest.fixture
def client(site: Path, web: Path) -> Iterator[TestClient[Any]]:
    app = create_app(build_container(Config(), "memory"))
    served = with_web_app(app, WebApp(web), WebApp.find_docs(str(site)))
    with TestClient(served) as test_client:  # type: ignore[arg-type]
        yield test_client


def test_docs_root_is_the_sites_index(client: TestClient[Any]) -> None:
    response = client.get("/docs/", headers=BROWSER)
    assert response.status_code == 200 and b"Revenge docs" in response.content
    assert response.headers["content-type"].startswith("text/html")


def test_docs_without_slash_is_sent_to_docs_slash_relatively(client: TestClient[Any]) -> None:
    response = client.get("/docs", headers=BROWSER, follow_redirects=False)
    assert response.status_code == 308 and response.headers["location"] == "docs/"


def test_a_page_and_an_asset_are_served(client: TestClient[Any]) -> None:
    assert b"Install" in client.get("/docs/install.html").content
    assert client.get("/docs/assets/main.css").headers["content-type"].startswith("text/css")


def test_a_page_the_site_lacks_is_the_apis_404_not_the_web_app(client: TestClient[Any]) -> None:
    response = client.get("/docs/nothing.html", headers=BROWSER)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_a_docs_page_runs_its_inline_scripts_by_hash_and_may_show_data_images(
        client: TestClient[Any]) -> None:
    csp = client.get("/docs/install.html").headers["content-security-policy"]
    assert "'sha256-" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "img-src 'self' data:;" in csp


def test_the_web_app_and_swagger_still_answer(client: TestClient[Any]) -> None:
    assert client.get("/movies", headers=BROWSER).content.endswith(b"app</body></html>")
    assert client.get("/api/docs", headers=BROWSER).status_code == 200


def test_without_a_built_site_docs_is_the_apis_404(web: Path, tmp_path: Path) -> None:
    assert WebApp.find_docs(str(tmp_path / "no-site")) is None
    app = create_app(build_container(Config(), "memory"))
    with TestClient(with_web_app(app, WebApp(web), None)) as plain:  # type: ignore[arg-type]
        assert plain.get("/docs", headers=BROWSER).status_code == 404
        assert plain.get("/docs/install.html", headers=BROWSER).status_code == 404
