"""`revenge http`: the HTTP server alone, against configured PostgreSQL and Redis."""

from __future__ import annotations

import argparse
import os

from revenge.entrypoints.cli.common import ExitError, child_environment, load_settings
from revenge.entrypoints.embedded.net import ensure_port_free


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to bind (default from config: 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to bind (default from config: 8096)")
    parser.add_argument("--profile", choices=["real", "memory"], default="real",
                        help="memory: in-memory adapters, no infrastructure needed")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    if args.profile == "real" and not (settings.database_url and settings.redis_url):
        raise ExitError("REVENGE_DATABASE_URL and REVENGE_REDIS_URL must be set for "
                        "`revenge http` (or use `revenge serve` for the embedded stack)", 2)
    host, port = args.host or settings.host, args.port or settings.port
    try:
        ensure_port_free(host, port)
    except OSError as exc:
        raise ExitError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    # The app learns the port it really serves (--port wins over config): the default
    # public URL (WebAuthn origin, reset links) is http://localhost:<port>.
    os.environ.update(child_environment(args, REVENGE_PROFILE=args.profile,
                                        REVENGE_PORT=str(port)))
    serve_http(host, port, settings.http_workers, args.profile)
    return 0


# The memory profile's factory runs jobs inline (it registers the actors); the real
# one never imports them: its jobs go to `revenge worker`.
APP_FACTORIES = {
    "real": "revenge.entrypoints.http.app:create_app_from_environment",
    "memory": "revenge.entrypoints.memory_profile:create_memory_app_from_environment",
}


def serve_http(host: str, port: int, workers: int, profile: str = "real") -> None:
    from granian import Granian
    from granian.constants import Interfaces

    Granian(
        APP_FACTORIES[profile],
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        log_access=False,
        respawn_failed_workers=True,
    ).serve()
