"""`revenge worker`: run background jobs (dramatiq on Redis) against the configured services."""

from __future__ import annotations

import argparse
import os

from revenge.entrypoints.cli.common import ExitError, load_settings


def configure(parser: argparse.ArgumentParser) -> None:
    default = "memory" if os.environ.get("REVENGE_PROFILE") == "memory" else "real"
    parser.add_argument("--profile", choices=["real", "memory"], default=default,
                        help="memory: in-memory adapters, no infrastructure needed")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    if args.profile == "real" and not (settings.database_url and settings.redis_url):
        raise ExitError("REVENGE_DATABASE_URL and REVENGE_REDIS_URL must be set for "
                        "`revenge worker` (or use `revenge serve` for the embedded stack)", 2)
    from revenge.entrypoints.worker.main import run_worker  # heavy: dramatiq, psycopg

    return run_worker(settings, args.profile)
