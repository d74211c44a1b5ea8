"""`revenge migrate [up | down N | status]` against the configured database."""

from __future__ import annotations

import argparse
import asyncio

import psycopg

from revenge.adapters.postgres.migrations import (
    MigrationError,
    MigrationRunner,
    default_directory,
    load_migrations,
)
from revenge.entrypoints.cli.common import ExitError, load_settings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", default="up", choices=["up", "down", "status"])
    parser.add_argument("steps", nargs="?", type=int, default=1,
                        help="with `down`: how many migrations to roll back (default 1)")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    if not settings.database_url:
        raise ExitError("REVENGE_DATABASE_URL is not set (the embedded database migrates "
                        "itself when `revenge serve` starts)", 2)
    if args.steps < 1:
        raise ExitError("steps must be at least 1", 2)
    runner = MigrationRunner(settings.database_url, load_migrations(default_directory()))
    try:
        asyncio.run(_act(runner, args.action, args.steps))
    except (MigrationError, psycopg.OperationalError) as exc:
        raise ExitError(str(exc).strip().splitlines()[0]) from None
    return 0


async def _act(runner: MigrationRunner, action: str, steps: int) -> None:
    if action == "status":
        for migration, done in await runner.status():
            print(f"{'applied' if done else 'pending'}  {migration.label}")
    elif action == "up":
        applied = await runner.up()
        print("\n".join(f"applied  {label}" for label in applied) or "nothing to apply")
    else:
        reverted = await runner.down(steps)
        print("\n".join(f"rolled back  {label}" for label in reverted) or "nothing to roll back")
