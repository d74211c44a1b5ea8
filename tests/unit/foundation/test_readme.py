"""The README is the front door: its two commands, and a link to the configuration
reference, whose table must stay complete (tests/unit/docs checks it cell by cell)."""

from __future__ import annotations

from pathlib import Path

from revenge.entrypoints.config import env_name, field_names

README = Path(__file__).resolve().parents[3] / "README.md"
CONFIGURATION = README.parent / "docs" / "configuration.md"


def test_every_setting_is_documented_in_the_configuration_reference() -> None:
    text = CONFIGURATION.read_text()
    missing = [env_name(f) for f in field_names() if f"`{env_name(f)}`" not in text]
    assert missing == []


def test_readme_links_to_the_configuration_reference() -> None:
    assert "(docs/configuration.md)" in README.read_text()


def test_readme_names_the_two_commands_and_ci_runs_the_test_one() -> None:
    text = README.read_text()
    assert "./dev.sh serve" in text and "./dev.sh test" in text
    assert "./dev.sh test" in (README.parent / ".ci" / "run").read_text()
