"""`revenge library add NAME PATH... [--interval MINUTES] [--watch] [--no-scan]` and
`revenge library list`: libraries for a headless set-up (see `revenge scan` for how the
database is found)."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

import msgspec

from revenge.entrypoints.cli.common import load_settings
from revenge.entrypoints.cli.scan_command import database_url, open_container
from revenge.entrypoints.config import Config


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a library (and request its first scan)")
    add.add_argument("name")
    add.add_argument("paths", nargs="+", metavar="PATH", help="absolute folder paths")
    add.add_argument("--interval", type=int, metavar="MINUTES", help="scan periodically")
    add.add_argument("--watch", action="store_true", help="pick up changes as they happen")
    add.add_argument("--no-scan", action="store_true", help="do not request a first scan")
    actions.add_parser("list", help="show the libraries")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    with database_url(settings) as url:
        configured = msgspec.structs.replace(settings, database_url=url)
        asyncio.run(_add(configured, args) if args.action == "add" else _list(configured))
    return 0


async def _add(settings: Config, args: argparse.Namespace) -> None:
    from revenge.application.library.create_library import CreateLibraryCommand

    command = CreateLibraryCommand(name=args.name, paths=tuple(args.paths), watch=args.watch,
                                   scan_interval_minutes=args.interval, scan=not args.no_scan)
    async with open_container(settings, relay=bool(settings.redis_url)) as container:
        created = await container.library.create_library().execute(command)
    library = created.library
    print(f"added library {library.name} ({library.id}): {', '.join(library.paths)}")
    if created.scan_job_id:
        print(f"first scan requested as job {created.scan_job_id} (a worker runs it)")


async def _list(settings: Config) -> None:
    async with open_container(settings, relay=False) as container:
        libraries: list[Any] = await container.library.queries().list_libraries()
    for library in libraries:
        every = (f"every {library.scan_interval_minutes} min" if library.scan_interval_minutes
                 else "manual scans")
        watch = ", watched" if library.watch else ""
        print(f"{library.name}\t{', '.join(library.paths)}\t{every}{watch}")
