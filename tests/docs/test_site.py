"""The documentation site builds with `mkdocs build --strict` (a broken link or anchor
between pages, a page outside the nav, a missing image: all fail), and no link of the
built site points at a file or an anchor that is not there."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "img", "link", "script"):
                self.links.append(str(values[name]))


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                          "--site-dir", str(out)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stderr}"
    return out


def test_every_page_of_the_nav_is_built(site: Path) -> None:
    pages = sorted(p.stem for p in (ROOT / "docs").glob("*.md"))
    assert pages and all((site / f"{page}.html").is_file() for page in pages)


def dead_links(site: Path) -> list[str]:
    """Links of the built pages to a file or an anchor the site lacks."""
    # MkDocs writes 404.html for a web server's error page, with root-absolute links;
    # Revenge never serves it as one (a missing page under /docs gets the API's 404).
    parsed = {page: _parse(page) for page in site.rglob("*.html") if page.name != "404.html"}
    dead = []
    for page, links in parsed.items():
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                dead.append(f"{page.relative_to(site)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    dead.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    return dead


def test_no_internal_link_is_dead(site: Path) -> None:
    dead = dead_links(site)
    assert not dead, "dead internal links:\n" + "\n".join(dead)


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<h1 id="top">A</h1><a href="b.html#nowhere">b</a>'
                                     '<a href="c.html">c</a><a href="#top">top</a>'
                                     '<a href="https://example.org/x">out</a>')
    (tmp_path / "b.html").write_text('<h1 id="here">B</h1><a href="a.html#top">a</a>')
    assert sorted(dead_links(tmp_path)) == ["a.html: b.html#nowhere (no such anchor)",
                                            "a.html: c.html"]


def test_the_install_page_pins_the_mkdocs_versions_of_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dev = project["optional-dependencies"]["dev"]
    pins = [pin for pin in dev if pin.startswith(("mkdocs==", "mkdocs-material=="))]
    install = (ROOT / "docs/install.md").read_text(encoding="utf-8")
    assert len(pins) == 2 and all(pin in install for pin in pins)
