"""Phase 3, classify: from folder names and name suffixes alone, each new video file is
a main file, an extra or a sample. Samples stop here (remembered, never parsed)."""

from __future__ import annotations

from revenge.application.library.records import SkippedFile
from revenge.application.library.scan.state import Scan
from revenge.domain.library.classification import classify as classify_file
from revenge.domain.library.diff import FileStat, under
from revenge.domain.library.timestamps import datetime_of


def classify(scan: Scan) -> None:
    roots = scan.library.paths
    for stat in scan.new:
        folders, name = relative_parts(stat.path, roots)
        found = classify_file(folders, name)
        if found.role == "sample":
            scan.skipped.append(skipped(stat, "sample"))
        else:
            scan.classified.append((stat, found))


def relative_parts(path: str, roots: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The folder names between the library root holding `path` and the file, and its name."""
    root = roots[0] if len(roots) == 1 else next((r for r in roots if under(path, [r])), "")
    *folders, name = path[len(root):].strip("/").split("/")
    return tuple(folders), name


def skipped(stat: FileStat, reason: str) -> SkippedFile:
    return SkippedFile(path=stat.path, size=stat.size, mtime=datetime_of(stat.mtime_us),
                       reason=reason)
