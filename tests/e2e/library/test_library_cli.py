"""`revenge library add` and `revenge scan` from a shell, against a fresh database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

pytestmark = pytest.mark.e2e


def revenge(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    env["REVENGE_DATABASE_URL"] = database_url
    return subprocess.run([sys.executable, "-m", "revenge", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def test_a_library_added_from_the_shell_is_scanned_inline_with_a_progress_line(
        fresh_database_url: str, tmp_path: Path) -> None:
    (tmp_path / "Heat (1995)").mkdir()
    (tmp_path / "Heat (1995)" / "Heat.1995.mkv").write_bytes(b"\0" * 64)

    added = revenge(fresh_database_url, "library", "add", "Movies", str(tmp_path), "--no-scan")
    scanned = revenge(fresh_database_url, "scan", "--inline", "--library", "movies")

    assert added.returncode == 0, added.stderr
    assert scanned.returncode == 0, scanned.stderr
    assert "Movies: [" in scanned.stdout and "new 1" in scanned.stdout
    with psycopg.connect(fresh_database_url) as conn:
        assert conn.execute("SELECT title, year FROM movies").fetchall() == [("Heat", 1995)]


def test_bad_input_from_the_shell_names_the_problem(fresh_database_url: str) -> None:
    relative = revenge(fresh_database_url, "library", "add", "Movies", "relative/path")
    unknown = revenge(fresh_database_url, "scan", "--library", "Nope")

    assert (relative.returncode, unknown.returncode) == (2, 2)
    assert "paths[0]" in relative.stderr and "Nope" in unknown.stderr
