"""`BackupArchives` as tar files: `manifest.json`, `database.dump` (pg_dump's custom
format, already compressed) and `keys/<name>`. Written under a temporary name in the
target's folder and renamed into place, so a backup file is whole or absent. Reading takes
only those members, as regular files, so an archive cannot write outside its scratch."""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path

import msgspec

from revenge.application.backup.ports import BackupManifest
from revenge.domain.errors import RuleViolation

SUFFIX = ".revenge-backup.tar"
_NOT_A_BACKUP = "this file is not a Revenge backup"


class TarBackupArchives:
    def pack(self, target: Path, manifest: BackupManifest, dump: Path,
             keys: Mapping[str, bytes]) -> int:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=target.parent, prefix=".partial-", suffix=".tar")
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
                _add(tar, "manifest.json", msgspec.json.encode(manifest))
                tar.add(dump, arcname="database.dump")
                for name, content in sorted(keys.items()):
                    _add(tar, f"keys/{name}", content)
            os.chmod(partial, 0o600)  # it holds the keys
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        return target.stat().st_size

    def unpack(self, source: Path, into: Path) -> tuple[BackupManifest, Path, dict[str, bytes]]:
        try:
            with tarfile.open(source, mode="r:") as tar:
                members = {m.name: m for m in tar.getmembers() if m.isfile()}
                manifest = msgspec.json.decode(_read(tar, members, "manifest.json"),
                                               type=BackupManifest)
                dump = into / "database.dump"
                dump.write_bytes(_read(tar, members, "database.dump"))
                keys = {name.removeprefix("keys/"): _read(tar, members, name)
                        for name in members if name.startswith("keys/")}
        except (tarfile.TarError, msgspec.DecodeError, OSError) as exc:
            raise RuleViolation(f"{_NOT_A_BACKUP} ({exc})", field="file") from None
        return manifest, dump, keys

    def scratch(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="revenge-backup-"))

    def discard(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    def older_than_newest(self, folder: Path, keep: int) -> list[Path]:
        backups = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: (p.stat().st_mtime, p.name))
        return backups[:-keep] if keep > 0 else backups

    def remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)


def _add(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(content), 0o600
    tar.addfile(info, BytesIO(content))


def _read(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo], name: str) -> bytes:
    member = members.get(name)
    handle = tar.extractfile(member) if member else None
    if handle is None:
        raise RuleViolation(f"{_NOT_A_BACKUP} (no {name})", field="file")
    return handle.read()
