"""`KeyFiles`: the keys Revenge generates into its data folder when none is configured."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from revenge.domain.errors import RuleViolation

# Signing key of access tokens, keys sealing stored secrets, key signing media URLs.
KEY_NAMES = ("jwt_secret", "encryption.key", "secrets/media_token.key")


class DataDirKeyFiles:
    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    def read(self) -> dict[str, bytes]:
        return {name: (self._data_dir / name).read_bytes() for name in KEY_NAMES
                if (self._data_dir / name).is_file()}

    def write(self, files: Mapping[str, bytes]) -> None:
        unknown = sorted(set(files) - set(KEY_NAMES))
        if unknown:
            raise RuleViolation(f"not a key Revenge generates: {', '.join(unknown)}")
        for name, content in files.items():
            path = self._data_dir / name
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
