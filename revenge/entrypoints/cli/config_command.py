"""`revenge config show`: the effective configuration, secrets masked."""

from __future__ import annotations

import argparse
import json

from revenge.entrypoints.cli.common import load_settings
from revenge.entrypoints.config import masked


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["show"], help="show the effective configuration")


def run(args: argparse.Namespace) -> int:
    print(json.dumps(masked(load_settings(args)), indent=2, sort_keys=True))
    return 0
