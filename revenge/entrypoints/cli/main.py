"""The `revenge` command: a thin dispatcher that imports each subcommand lazily.

Start-up time matters (`revenge parse --jsonl` is timed including interpreter start),
so nothing heavy is imported until a subcommand is chosen.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

# subcommand name -> module under revenge.entrypoints.cli exposing
# `configure(parser)` and `run(args) -> int`.
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("serve_command", "run the server (embedded stack unless URLs are configured)"),
    "http": ("http_command", "run only the HTTP server against configured services"),
    "worker": ("worker_command", "run the background job worker"),
    "migrate": ("migrate_command", "apply, roll back or list database migrations"),
    "config": ("config_command", "show the effective configuration"),
    "search": ("search_command", "rebuild (reindex) or repair (reconcile) the search index"),
    "parse": ("parse_command", "parse movie file names"),
    "scan": ("scan_command", "scan libraries (or one) for new, changed and missing files"),
    "library": ("library_command", "add or list libraries"),
    "user": ("user_command", "manage accounts (create an admin for headless set-up)"),
    "secrets": ("secrets_command", "rotate the key that seals stored secrets"),
    "backup": ("backup_command", "create a backup file, or restore one into a new install"),
}


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"revenge.entrypoints.cli.{COMMANDS[name][0]}")


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="revenge", description="Revenge movie server")
    parser.add_argument("--config", metavar="FILE", help="TOML configuration file")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((a for a in argv if a in COMMANDS), None)
    for name, (_, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text)
        if name == chosen:
            _load(name).configure(sub_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # Inside the try: a Ctrl-C while a subcommand is still importing is not a crash.
        args = build_parser(argv).parse_args(argv)
        if args.command is None:
            build_parser([]).print_help()
            return 2
        return int(_load(args.command).run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _exit_error(exc)


def _exit_error(exc: Exception) -> int:
    # Imported here: `common` pulls in the config module, which `parse` does not need.
    from revenge.entrypoints.cli.common import ExitError

    if not isinstance(exc, ExitError):
        raise exc
    print(f"revenge: {exc}", file=sys.stderr)
    return exc.code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
