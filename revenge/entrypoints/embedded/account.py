"""The unprivileged account PostgreSQL runs as when Revenge itself runs as root.

PostgreSQL refuses to run as root. As a normal user nothing changes: postgres runs as that
user. As root (containers, this kind of box) it runs as the system user `revenge-postgres`,
created on first use (no home, no login shell); where `useradd` is missing or fails we fall
back to `nobody`. The data it owns is chowned to that account, and the directories leading
to it (and to the PostgreSQL binaries) get the "others may traverse" bit (o+x, never o+r)
so that it can reach them.
"""

from __future__ import annotations

import logging
import os
import pwd
import stat
import subprocess
from pathlib import Path

from revenge.entrypoints.embedded.process import Account

SERVICE_USER = "revenge-postgres"

log = logging.getLogger(__name__)


def service_account() -> Account | None:
    """The account to drop to, or None when we are not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    entry = _lookup(SERVICE_USER) or _create(SERVICE_USER) or _lookup("nobody")
    if entry is None:
        raise RuntimeError(f"running as root and cannot create the user {SERVICE_USER}")
    return Account(entry.pw_name, entry.pw_uid, entry.pw_gid)


def hand_over(path: Path, account: Account | None) -> None:
    """Give `path` (recursively) to `account` and let it reach `path` from the root."""
    if account is None:
        return
    if path.stat().st_uid != account.uid:
        for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.chown(item, account.uid, account.gid, follow_symlinks=False)
    allow_traversal(path.parent)


def allow_traversal(path: Path) -> None:
    """Add o+x to `path` and its ancestors where missing (search only; listing stays closed)."""
    for directory in [path, *path.parents]:
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            log.info("allowing other users to traverse %s (for the PostgreSQL account)", directory)
            directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)


def _lookup(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def _create(name: str) -> pwd.struct_passwd | None:
    command = ["useradd", "--system", "--user-group", "--no-create-home",
               "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name]
    try:
        subprocess.run(command, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("cannot create user %s (%s); using nobody", name, exc)
        return None
    return _lookup(name)
