"""@jellyfin/sdk (npm, generated from Jellyfin's OpenAPI) drives the same flow in Node
(sdk/flow.mjs), every answer checked against the SDK's own types at run time.

Installs with `npm ci` from the committed lockfile (once: a stamp of the lockfile is
kept in node_modules)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.identity.conftest import PASSWORD
from tests.e2e.jellyfin.conftest import SEQUEL_TITLES, TITLES, JellyfinStack

pytestmark = pytest.mark.e2e

SDK_DIR = Path(__file__).parent / "sdk"
STAMP = SDK_DIR / "node_modules" / ".revenge-lock-sha256"


def _installed() -> None:
    lock = hashlib.sha256((SDK_DIR / "package-lock.json").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == lock:
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=SDK_DIR,
                   check=True, capture_output=True, timeout=600)
    STAMP.write_text(lock)


@pytest.mark.skipif(shutil.which("node") is None or shutil.which("npm") is None,
                    reason="needs Node.js 20 and npm (node/npm not on PATH)")
def test_the_typescript_sdk_flow_passes_with_every_answer_of_its_declared_type(
        jellyfin_stack: JellyfinStack) -> None:
    _installed()
    env = {**os.environ, "JELLYFIN_URL": jellyfin_stack.server.base_url,
           "JELLYFIN_USER": "root", "JELLYFIN_PASSWORD": PASSWORD,
           "JELLYFIN_TITLES": json.dumps(TITLES),
           "JELLYFIN_SEQUEL_TITLES": json.dumps(SEQUEL_TITLES)}
    run = subprocess.run(["node", "flow.mjs"], cwd=SDK_DIR, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout
    assert json.loads(run.stdout.strip().splitlines()[-1])["checked"] >= 40
