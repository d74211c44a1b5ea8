"""Helpers every subcommand shares: configuration loading with clean errors."""

from __future__ import annotations

import argparse
import os
import sys

from revenge.entrypoints.config import Config, ConfigError, load_config


class ExitError(Exception):
    """Stop the command with a one-line message and an exit code (no traceback)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def config_path(args: argparse.Namespace) -> str | None:
    return getattr(args, "config", None) or os.environ.get("REVENGE_CONFIG") or None


def load_settings(args: argparse.Namespace) -> Config:
    """Config from the environment and --config; exits 2 with one line when malformed."""
    try:
        settings, warnings = load_config(os.environ, config_path(args))
    except ConfigError as exc:
        raise ExitError(f"configuration error: {exc}", code=2) from None
    for warning in warnings:
        print(f"revenge: warning: {warning}", file=sys.stderr)
    return settings


def child_environment(args: argparse.Namespace, **overrides: str) -> dict[str, str]:
    """The environment for a child process (http, worker): ours plus resolved values."""
    env = dict(os.environ)
    path = config_path(args)
    if path:
        env["REVENGE_CONFIG"] = os.path.abspath(path)
    env.update(overrides)
    return env
