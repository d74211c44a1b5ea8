"""Library folder rules that need no disk: absolute, normalised, never nested.

Whether a folder exists and can be read is asked of the file system by the use case.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence

from revenge.domain.errors import RuleViolation
from revenge.domain.library.diff import under

MAX_PATHS = 32


def field_of(index: int) -> str:
    return f"paths[{index}]"


def normalised_paths(paths: Sequence[str]) -> tuple[str, ...]:
    """Each path made canonical ("/media//movies/" -> "/media/movies"); raises
    `RuleViolation` naming the first bad entry (relative, empty, nested in another)."""
    if not paths:
        raise RuleViolation("a library needs at least one folder", field="paths")
    if len(paths) > MAX_PATHS:
        raise RuleViolation(f"a library has at most {MAX_PATHS} folders", field="paths")
    result = tuple(_normalised(path, index) for index, path in enumerate(paths))
    for index, path in enumerate(result):
        others = result[:index] + result[index + 1:]
        if _overlapping(path, others):
            raise RuleViolation(f"{path} overlaps another folder of this library",
                                field=field_of(index))
    return result


def _normalised(path: str, index: int) -> str:
    if "\0" in path or not path.strip():
        raise RuleViolation("a folder must be a non-empty path", field=field_of(index))
    if not posixpath.isabs(path):
        raise RuleViolation(f"{path} is not an absolute path", field=field_of(index))
    return posixpath.normpath(path).replace("//", "/")


def _overlapping(path: str, others: Sequence[str]) -> bool:
    return under(path, others) or any(under(other, [path]) for other in others)


def check_not_inside_others(paths: Sequence[str],
                            libraries: Mapping[str, Sequence[str]]) -> None:
    """`libraries` maps every other library's name to its folders. A folder may not be,
    contain or lie inside one of theirs: a file must belong to one library only."""
    for index, path in enumerate(paths):
        for name, folders in libraries.items():
            if _overlapping(path, folders):
                raise RuleViolation(f"{path} overlaps a folder of library {name!r}",
                                    field=field_of(index))
