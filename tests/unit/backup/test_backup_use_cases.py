"""Creating and restoring backups (memory twins of the database and the key files, the
real tar archive in a temp folder): a restore lands only in a new install, a refused one
changes nothing, and retention keeps the newest backups."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from revenge.adapters.filesystem.backup_archives import SUFFIX, TarBackupArchives
from revenge.adapters.memory.backup import InMemoryDatabaseDumps, InMemoryKeyFiles
from revenge.application.backup.create_backup import CreateBackup, CreateBackupCommand
from revenge.application.backup.restore_backup import RestoreBackup, RestoreBackupCommand
from revenge.domain.errors import Conflict, RuleViolation

KEYS = {"jwt_secret": b"signing", "encryption.key": b"k1:sealing"}


async def backup_of(folder: Path, name: str = f"one{SUFFIX}", keep: int | None = None
                    ) -> Path:
    source = InMemoryDatabaseDumps(tables=30, migrations=["0001_foundation", "0018_playback"])
    created = await CreateBackup(source, InMemoryKeyFiles(KEYS), TarBackupArchives()).execute(
        CreateBackupCommand(target=folder / name, keep=keep))
    return created.path


async def test_a_backup_restores_the_database_and_the_keys_into_a_new_install(
        tmp_path: Path) -> None:
    database, keys = InMemoryDatabaseDumps(), InMemoryKeyFiles()
    manifest = await RestoreBackup(database, keys, TarBackupArchives()).execute(
        RestoreBackupCommand(source=await backup_of(tmp_path)))
    assert (database.tables, await database.migrations()) == (
        30, ["0001_foundation", "0018_playback"])
    assert keys.files == KEYS
    assert manifest.keys == sorted(KEYS) and manifest.database_server == "memory"


async def test_a_database_that_holds_tables_is_refused_and_left_alone(tmp_path: Path) -> None:
    database, keys = InMemoryDatabaseDumps(tables=3), InMemoryKeyFiles()
    with pytest.raises(Conflict, match="not empty"):
        await RestoreBackup(database, keys, TarBackupArchives()).execute(
            RestoreBackupCommand(source=await backup_of(tmp_path)))
    assert (database.tables, keys.files) == (3, {})


async def test_a_data_folder_that_holds_a_key_is_refused_before_the_database_changes(
        tmp_path: Path) -> None:
    database, keys = InMemoryDatabaseDumps(), InMemoryKeyFiles({"jwt_secret": b"other"})
    with pytest.raises(Conflict, match="jwt_secret"):
        await RestoreBackup(database, keys, TarBackupArchives()).execute(
            RestoreBackupCommand(source=await backup_of(tmp_path)))
    assert database.tables == 0 and keys.files == {"jwt_secret": b"other"}


@pytest.mark.parametrize("content", [b"", b"not a tar at all", b"\0" * 2048])
async def test_a_file_that_is_no_backup_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "x.tar").write_bytes(content)
    with pytest.raises(RuleViolation, match="not a Revenge backup"):
        await RestoreBackup(InMemoryDatabaseDumps(), InMemoryKeyFiles(),
                            TarBackupArchives()).execute(
            RestoreBackupCommand(source=tmp_path / "x.tar"))


async def test_retention_keeps_the_newest_backups_and_nothing_else_of_the_folder(
        tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    for n in range(4):
        path = await backup_of(tmp_path, f"b{n}{SUFFIX}")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    await backup_of(tmp_path, f"b4{SUFFIX}", keep=2)
    assert sorted(os.listdir(tmp_path)) == [
        f"b3{SUFFIX}", f"b4{SUFFIX}", "notes.txt"]


async def test_a_backup_file_is_private_and_no_partial_file_is_left(tmp_path: Path) -> None:
    path = await backup_of(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == [path.name]
