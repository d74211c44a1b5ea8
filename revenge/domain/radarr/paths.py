"""Path mapping: Radarr's paths (maybe a Windows box, maybe another container's mounts)
turned into ours by prefix rules.

A rule maps a Radarr folder prefix to a local one; the longest matching prefix wins and
prefixes match whole folder names only ("/movies" covers "/movies/x", not "/movies2").
Windows paths (`C:\\Movies\\...`, `\\\\nas\\share\\...`) are compared case-insensitively
with either slash, as Windows does, and come out with forward slashes.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

import msgspec

from revenge.domain.errors import RuleViolation

MAX_MAPPINGS = 32
_DRIVE = re.compile(r"^[A-Za-z]:([\\/]|$)")


class PathMapping(msgspec.Struct, frozen=True):
    """Radarr's `remote` prefix is our `local` prefix."""

    remote: str
    local: str


def is_windows(path: str) -> bool:
    return bool(_DRIVE.match(path)) or path.startswith(("\\\\", "//"))


def canonical(path: str) -> str:
    """One spelling per path: forward slashes, no doubled or trailing slash, no `.`/`..`
    segments; a Windows drive letter upper-cased, a UNC path keeps its leading `//`."""
    if not is_windows(path):
        return posixpath.normpath(path) if path else path
    slashed = path.replace("\\", "/")
    if slashed.startswith("//"):
        return "//" + posixpath.normpath(slashed.lstrip("/"))
    return slashed[:2].upper() + posixpath.normpath("/" + slashed[2:].lstrip("/"))


def _folded(path: str) -> str:
    return path.casefold() if is_windows(path) else path


def _relative_to(path: str, prefix: str) -> str | None:
    """`path` below (or equal to) `prefix`: the rest, without a leading slash."""
    folded_path, folded_prefix = _folded(path), _folded(prefix).rstrip("/")
    if folded_path == folded_prefix:
        return ""
    if folded_path.startswith(folded_prefix + "/"):
        return path[len(folded_prefix) + 1:]
    return None


def to_local(path: str, mappings: Sequence[PathMapping]) -> str | None:
    """Our path for one of Radarr's; None for a Windows path no rule covers (we cannot
    open it). A POSIX path no rule covers is taken as it is (same mounts)."""
    remote = canonical(path)
    best: tuple[int, str] | None = None
    for mapping in mappings:
        prefix = canonical(mapping.remote)
        rest = _relative_to(remote, prefix)
        if rest is not None and (best is None or len(prefix) > best[0]):
            local = mapping.local.rstrip("/") or "/"
            best = (len(prefix), posixpath.join(local, rest) if rest else local)
    if best is not None:
        return posixpath.normpath(best[1])
    return None if is_windows(remote) or not posixpath.isabs(remote) else remote


def to_remote(path: str, mappings: Sequence[PathMapping]) -> str:
    """Radarr's path for one of ours (the longest local prefix wins); unmapped paths are
    returned as they are. Windows targets get backslashes."""
    best: tuple[int, str] | None = None
    for mapping in mappings:
        rest = _relative_to(path, canonical(mapping.local))
        if rest is not None and (best is None or len(mapping.local) > best[0]):
            best = (len(mapping.local), _joined(canonical(mapping.remote), rest))
    return best[1] if best else path


def _joined(prefix: str, rest: str) -> str:
    if not is_windows(prefix):
        return posixpath.join(prefix, rest) if rest else prefix
    joined = prefix.rstrip("/") + ("/" + rest if rest else "")
    return joined.replace("/", "\\")


def checked_mappings(mappings: Sequence[PathMapping]) -> tuple[PathMapping, ...]:
    """The rules trimmed and canonical; raises `RuleViolation` naming the bad entry (an
    empty or relative prefix, a local prefix that is not an absolute POSIX path, the
    same Radarr prefix twice)."""
    if len(mappings) > MAX_MAPPINGS:
        raise RuleViolation(f"at most {MAX_MAPPINGS} path mappings", field="path_mappings")
    result = tuple(_checked(mapping, index) for index, mapping in enumerate(mappings))
    seen: set[str] = set()
    for index, mapping in enumerate(result):
        if _folded(mapping.remote) in seen:
            raise RuleViolation(f"{mapping.remote} is mapped twice",
                                field=f"path_mappings[{index}].remote")
        seen.add(_folded(mapping.remote))
    return result


def _checked(mapping: PathMapping, index: int) -> PathMapping:
    remote, local = mapping.remote.strip(), mapping.local.strip()
    if "\0" in remote or not (is_windows(remote) or posixpath.isabs(remote)):
        raise RuleViolation("remote must be an absolute path as Radarr shows it",
                            field=f"path_mappings[{index}].remote")
    if "\0" in local or not posixpath.isabs(local) or is_windows(local):
        raise RuleViolation("local must be an absolute path on this server",
                            field=f"path_mappings[{index}].local")
    return PathMapping(remote=canonical(remote), local=canonical(local))
