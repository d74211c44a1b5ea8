"""Absolute server paths are shown only to those who manage libraries: everyone else sees a
file's name (its folder layout says where the server keeps what, and whose it is)."""

from __future__ import annotations

from pathlib import PurePath

import msgspec

from revenge.application.shared.principal import Principal
from revenge.domain.catalog.media import MovieFile
from revenge.domain.shared.permissions import Permission


def as_seen_by(principal: Principal, files: list[MovieFile]) -> list[MovieFile]:
    if principal.can(Permission.LIBRARY_MANAGE):
        return files
    return [_without_folders(file) for file in files]


def path_as_seen_by(principal: Principal, path: str) -> str:
    return path if principal.can(Permission.LIBRARY_MANAGE) else PurePath(path).name


def _without_folders(file: MovieFile) -> MovieFile:
    name = PurePath(file.path).name
    error = file.probe_error.replace(file.path, name) if file.probe_error else None
    return msgspec.structs.replace(file, path=name, probe_error=error)
