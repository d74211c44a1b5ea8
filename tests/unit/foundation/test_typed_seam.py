"""The seam between the entrypoints and the use cases is typed: what a handler asks for
exists in both profiles' containers, and renaming a use case (or a port's method) in a
scratch copy of the code makes mypy fail at the handler, not a request at run time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, Profile, build_container
from revenge.entrypoints.di.provided import Provided, name_of
from revenge.entrypoints.http import di_bridge
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.worker.actors import BUILT_IN_ACTORS, register_actors

ROOT = Path(__file__).resolve().parents[3]


def _container(profile: Profile, data_dir: Path) -> AppContainer:
    # Nothing connects: the URLs only let the real profile's providers be built.
    return build_container(Config(
        data_dir=str(data_dir), database_url="postgresql://nobody@127.0.0.1:1/none",
        redis_url="redis://127.0.0.1:1/0"), profile)


@pytest.mark.parametrize("profile", ["memory", "real"])
def test_every_class_a_handler_asks_for_has_exactly_one_provider(
        profile: Profile, tmp_path: Path) -> None:
    container = _container(profile, tmp_path)
    create_app(container)  # every router asks for its classes while being built
    asked = sorted(di_bridge._ASKED_FOR, key=lambda kind: kind.__name__)
    assert len(asked) > 20
    Provided(container).check(asked)  # raises LookupError naming a missing or double one


@pytest.mark.parametrize("profile", ["memory", "real"])
def test_every_actor_is_registered_under_its_message_name_with_what_it_uses(
        profile: Profile, tmp_path: Path) -> None:
    registered: dict[str, Any] = {}

    class Registry:
        def register(self, actor: str, handler: Any) -> None:
            registered[actor] = handler

    register_actors(Registry(), _container(profile, tmp_path))  # checks every use
    assert sorted(registered) == sorted(message.job for message in BUILT_IN_ACTORS)


def test_names_are_derived_from_the_class() -> None:
    class RequestLibraryScan: ...

    class HTTPClients: ...

    assert (name_of(RequestLibraryScan), name_of(HTTPClients)) == (
        "request_library_scan", "http_clients")


def _scratch_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "revenge", copy / "revenge",
                    ignore=shutil.ignore_patterns("__pycache__", "_migrations"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    return copy


def _rename(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert re.search(rf"\b{old}\b", text), f"{old} not in {path}"
    path.write_text(re.sub(rf"\b{old}\b", new, text))


def _mypy(copy: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "revenge"],
                          cwd=copy, capture_output=True, text=True, timeout=600)


def test_a_renamed_use_case_or_port_method_fails_the_type_check_at_the_handler(
        tmp_path: Path) -> None:
    copy = _scratch_copy(tmp_path)
    assert _mypy(copy).returncode == 0  # the copy checks clean before the renames

    # A use case renamed where it is declared and wired (what a careless rename does):
    # the container still builds, only the typed handler notices.
    _rename(copy / "revenge/application/library/create_library.py", "CreateLibrary", "AddLibrary")
    _rename(copy / "revenge/entrypoints/di/library.py", "CreateLibrary", "AddLibrary")
    # A port's method renamed in the Protocol and its adapters.
    for module in ("application/library/queries.py", "adapters/postgres/library_reports.py",
                   "adapters/memory/library_reports.py"):
        _rename(copy / "revenge" / module, "skipped_files", "left_out_files")

    result = _mypy(copy)
    controller = "revenge/entrypoints/http/library/controller.py"
    assert result.returncode == 1, result.stdout
    assert re.search(rf"{controller}:\d+: error: Module .* has no attribute "
                     r'"CreateLibrary"', result.stdout), result.stdout
    assert re.search(rf'{controller}:\d+: error: "LibraryReports" has no attribute '
                     r'"skipped_files"', result.stdout), result.stdout
