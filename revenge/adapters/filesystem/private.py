"""Folders only this server's user may enter: caches that hold other people's movies."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE = 0o700


def private_folder(path: Path, root: Path) -> Path:
    """Creates `path` (below `root`) and every missing folder from `root` down with mode
    0700, and narrows `root` itself to 0700 (a cache made by an older version was 0755).
    `Path.mkdir(parents=True, mode=...)` would give the parents the umask's mode."""
    root.mkdir(mode=PRIVATE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not ours to change (a mounted volume): leave it
        if root.stat().st_mode & 0o777 != PRIVATE:
            os.chmod(root, PRIVATE)
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        with contextlib.suppress(FileExistsError):
            current.mkdir(mode=PRIVATE)
    return path
