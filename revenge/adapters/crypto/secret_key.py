"""The JWT signing key (and other generated secrets): configured, or generated once into
the data directory (0600)."""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
from pathlib import Path

KEY_FILE = "jwt_secret"


def signing_key(configured: str | None, data_dir: Path) -> bytes:
    """The configured secret, else the key in `<data_dir>/jwt_secret`, created on first
    start. Concurrent first starts agree on one key (exclusive create)."""
    if configured:
        return configured.encode()
    return generated_secret(data_dir / KEY_FILE).encode()


def generated_secret(path: Path) -> str:
    """The secret kept in `path`, created (0600, 64 URL-safe characters) on first use.
    Concurrent first uses agree on one secret (exclusive create)."""
    if not path.exists():
        _create(path)
    return path.read_text().strip()


def _create(path: Path) -> None:
    # Written to a private temp file, then hard-linked into place: readers never see a
    # half-written key, and when two processes race, the first link wins for both.
    path.parent.mkdir(parents=True, exist_ok=True)
    key = base64.urlsafe_b64encode(secrets.token_bytes(48)).decode()
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    try:
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        temp.unlink()
