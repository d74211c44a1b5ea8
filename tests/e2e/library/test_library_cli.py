"""`revenge library add` and `revenge scan` from a shell, against a fresh database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

pytestmark = pytest.mark.e2e


def revenge(database_url: str, *args: str,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")} | (env or {})
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


def test_a_big_scan_with_a_parsing_child_process_records_every_movie(fresh_database_url: str,
                                                              tmp_path: Path) -> None:
    titles = {_made_up_title(n): 1950 + n % 70 for n in range(2100)}
    for title, year in titles.items():  # over the 2,000 new files that make a scan use children
        folder = tmp_path / f"{title} ({year})"
        folder.mkdir()
        (folder / f"{title.replace(' ', '.')}.{year}.1080p.mkv").touch()
    revenge(fresh_database_url, "library", "add", "Movies", str(tmp_path), "--no-scan")

    scanned = revenge(fresh_database_url, "scan", "--inline", "--library", "Movies",
                      env={"REVENGE_LIBRARY_PARSE_PROCESSES": "1"})

    assert scanned.returncode == 0, scanned.stderr
    with psycopg.connect(fresh_database_url) as conn:
        rows = conn.execute("SELECT title, year FROM movies").fetchall()
    assert sorted(rows) == sorted(titles.items())


def _made_up_title(n: int) -> str:
    """"The Tamika Story" for 720: no number in a title to be read as a year or a tag."""
    syllables = ("ka", "lo", "mi", "nu", "pe", "ri", "so", "ta", "ve", "zu")
    return f"The {''.join(syllables[int(digit)] for digit in str(n)).title()} Story"


def test_bad_input_from_the_shell_names_the_problem(fresh_database_url: str) -> None:
    relative = revenge(fresh_database_url, "library", "add", "Movies", "relative/path")
    unknown = revenge(fresh_database_url, "scan", "--library", "Nope")

    assert (relative.returncode, unknown.returncode) == (2, 2)
    assert "paths[0]" in relative.stderr and "Nope" in unknown.stderr
