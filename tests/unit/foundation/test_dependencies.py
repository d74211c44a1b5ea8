"""Every third-party module the code imports is declared in pyproject.toml.

A developer's venv often holds more than the project declares; a fresh install (CI, a
new user) then fails at import time. This catches that before it lands.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
_LOCAL = {"revenge", "tests", "bench", "harness", "conftest", "seed_catalog", "bench_catalog",
          "bench_playback", "bench_search", "cluster", "replica_cluster"}


def _imports(folder: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in _LOCAL}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(*groups: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for group in groups:
        specs += project["optional-dependencies"][group]
    return {_normal(re.split(r"[<>=!\[ ;~]", spec, maxsplit=1)[0]) for spec in specs}


def _undeclared(folder: str, declared: set[str]) -> list[str]:
    distributions = packages_distributions()
    missing = []
    for module in sorted(_imports(folder)):
        owners = {_normal(d) for d in distributions.get(module, [module])}
        if not owners & declared:
            missing.append(f"{module} (from {', '.join(sorted(owners))})")
    return missing


def test_product_code_imports_only_declared_dependencies() -> None:
    assert _undeclared("revenge", _declared()) == []


def test_tests_and_benches_import_only_declared_dependencies() -> None:
    declared = _declared("dev")
    assert _undeclared("tests", declared) == [] and _undeclared("bench", declared) == []
