"""The README is the front door: its configuration table must stay complete."""

from __future__ import annotations

from pathlib import Path

from revenge.entrypoints.config import env_name, field_names

README = Path(__file__).resolve().parents[3] / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text()
    missing = [env_name(f) for f in field_names() if f"`{env_name(f)}`" not in text]
    assert missing == []


def test_readme_names_the_two_commands_and_ci_runs_the_test_one() -> None:
    text = README.read_text()
    assert "./dev.sh serve" in text and "./dev.sh test" in text
    assert "./dev.sh test" in (README.parent / ".ci" / "run").read_text()
