"""`revenge backup create [--to FILE] [--keep N]` and `revenge backup restore FILE`.

A backup is one file: a consistent dump of the database (pg_dump, one snapshot, taken
while the server runs) and the keys generated into the data folder (token signing,
encryption of stored secrets, media URLs). Media, images and caches are not in it.
Restore wants an empty database and a data folder without those keys (a new install):
it refuses anything else before changing anything. The database is the configured one,
else the embedded one (the running `revenge serve`'s, or started for the command).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path

from revenge.application.backup.create_backup import CreateBackupCommand
from revenge.application.backup.restore_backup import RestoreBackupCommand
from revenge.domain.errors import Conflict, RuleViolation, Unavailable
from revenge.entrypoints.cli.common import ExitError, load_settings
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.backup import create_backup, default_target, restore_backup


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="write a backup file")
    create.add_argument("--to", metavar="FILE", type=Path,
                        help="backup file (default: <backup dir>/revenge-<time>"
                             ".revenge-backup.tar)")
    create.add_argument("--keep", type=int, metavar="N",
                        help="then delete all but the newest N backups in that folder")
    restore = actions.add_parser("restore", help="restore a backup into a new install")
    restore.add_argument("file", type=Path, help="the backup file")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    try:
        with _database(settings) as url:
            if args.action == "create":
                return _create(settings, url, args)
            return _restore(settings, url, args.file)
    except (Conflict, RuleViolation, Unavailable) as exc:
        raise ExitError(f"backup {args.action}: {exc}") from None


def _create(settings: Config, url: str, args: argparse.Namespace) -> int:
    if args.keep is not None and args.keep < 1:
        raise ExitError("--keep must be 1 or more", 2)
    target = (args.to or default_target(settings)).resolve()
    created = asyncio.run(create_backup(settings, url).execute(
        CreateBackupCommand(target=target, keep=args.keep)))
    print(f"backup written to {created.path} ({created.size_bytes} bytes, "
          f"{created.seconds:.1f} s)")
    for old in created.removed:
        print(f"removed older backup {old}")
    return 0


def _restore(settings: Config, url: str, source: Path) -> int:
    if not source.is_file():
        raise ExitError(f"backup restore: no such file {source}", 2)
    manifest = asyncio.run(restore_backup(settings, url).execute(
        RestoreBackupCommand(source=source)))
    print(f"restored the backup of {manifest.created_at} ({manifest.database_server}, "
          f"{len(manifest.migrations)} migrations, keys: {', '.join(manifest.keys) or 'none'})."
          " Start the server; the search index rebuilds from the database "
          "(`revenge search reindex` to do it now).")
    return 0


@contextlib.contextmanager
def _database(settings: Config) -> Iterator[str]:
    if settings.database_url:
        yield settings.database_url
        return
    from revenge.entrypoints.cli.scan_command import database_url
    from revenge.entrypoints.embedded.postgres import running_url

    running = running_url(settings.data_path)
    if running:
        yield running
        return
    with database_url(settings) as url:
        yield url
