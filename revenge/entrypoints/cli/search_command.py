"""`revenge search reindex | reconcile`: rebuild or repair the search index, in this process,
against the configured PostgreSQL and Typesense."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

import msgspec

from revenge.application.search.reconcile_index import ReconcileIndexCommand
from revenge.application.search.reindex_all import DEFAULT_BATCH_SIZE, ReindexAllCommand
from revenge.domain.errors import Unavailable
from revenge.entrypoints.cli.common import ExitError, load_settings
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container

_EMBEDDED_HINT = ("the embedded services of `revenge serve` are private to it: ask the "
                  "running server instead (POST /api/v1/admin/search/reindex)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["reindex", "reconcile"],
                        help="reindex: build a new index and swap it in (no downtime); "
                             "reconcile: repair only what differs from the database")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                        help=f"movies per import request (default {DEFAULT_BATCH_SIZE})")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    _check_configured(settings)
    if args.batch_size < 1:
        raise ExitError("--batch-size must be at least 1", 2)
    try:
        report = asyncio.run(_act(build_container(settings), args.action, args.batch_size))
    except Unavailable as exc:
        raise ExitError(str(exc)) from None
    print(msgspec.json.encode(report).decode())
    return 0


def _check_configured(settings: Config) -> None:
    missing = [name for name, value in (("REVENGE_DATABASE_URL", settings.database_url),
                                        ("REVENGE_TYPESENSE_URL", settings.typesense_url),
                                        ("REVENGE_TYPESENSE_API_KEY", settings.typesense_api_key))
               if not value]
    if missing:
        raise ExitError(f"{', '.join(missing)} not set; {_EMBEDDED_HINT}", 2)


async def _act(container: AppContainer, action: str, batch_size: int) -> dict[str, Any]:
    database, search = container.core.database(), container.search
    await database.open()
    try:
        if action == "reindex":
            built = await search.reindex_all().execute(ReindexAllCommand(batch_size))
            repaired = await search.reconcile_index().execute(ReconcileIndexCommand(batch_size))
            fixed = repaired.indexed + repaired.removed
            return {**msgspec.structs.asdict(built), "repaired": fixed}
        report = await search.reconcile_index().execute(ReconcileIndexCommand(batch_size))
        return dict(msgspec.structs.asdict(report))
    finally:
        await search.typesense().close()
        await database.close()
