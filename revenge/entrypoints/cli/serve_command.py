"""`revenge serve`: the whole server on one box, embedding PostgreSQL and Redis unless their
URLs are configured, with `revenge http` and `revenge worker` as supervised children."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from revenge.entrypoints.cli.common import ExitError, child_environment, load_settings
from revenge.entrypoints.config import Config
from revenge.entrypoints.embedded.net import accepts_connections, ensure_port_free
from revenge.entrypoints.embedded.process import ChildSpec, ServiceFailed
from revenge.entrypoints.embedded.supervisor import Supervisor

log = logging.getLogger("revenge.serve")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to bind (default from config: 127.0.0.1)")
    parser.add_argument("--port", type=_port, help="port to bind (default from config: 8096)")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    _configure_logging()
    host, port = args.host or settings.host, args.port or settings.port
    try:
        ensure_port_free(host, port)
    except OSError as exc:
        raise ExitError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        services, urls = _services(settings)
    except ServiceFailed as failure:
        raise ExitError(str(failure)) from None
    env = child_environment(args, REVENGE_DATA_DIR=str(settings.data_path), **urls)
    children = [*services, *_app(host, port, env)]
    summary = _summary(host, port, [spec.name for spec in services], settings.data_path)
    return Supervisor(children).run(on_started=lambda: log.info("%s", summary))


def _services(settings: Config) -> tuple[list[ChildSpec], dict[str, str]]:
    """Embedded PostgreSQL/Redis for each URL not configured, and the URLs children get."""
    data = settings.data_path
    data.mkdir(parents=True, exist_ok=True)
    specs: list[ChildSpec] = []
    urls: dict[str, str] = {}
    if settings.database_url:
        urls["REVENGE_DATABASE_URL"] = settings.database_url
    else:
        from revenge.entrypoints.embedded.postgres import EmbeddedPostgres

        postgres = EmbeddedPostgres(data)
        specs.append(postgres.spec())
        urls["REVENGE_DATABASE_URL"] = postgres.url
    if settings.redis_url:
        urls["REVENGE_REDIS_URL"] = settings.redis_url
    else:
        from revenge.entrypoints.embedded.redis import EmbeddedRedis

        redis = EmbeddedRedis(data)
        specs.append(redis.spec())
        urls["REVENGE_REDIS_URL"] = redis.url
    _add_typesense(settings, specs, urls)
    return specs, urls


def _add_typesense(settings: Config, specs: list[ChildSpec], urls: dict[str, str]) -> None:
    """Embedded Typesense unless REVENGE_TYPESENSE_URL is configured (search issue)."""
    if settings.typesense_url:
        urls["REVENGE_TYPESENSE_URL"] = settings.typesense_url
        urls["REVENGE_TYPESENSE_API_KEY"] = settings.typesense_api_key or ""
        return
    from revenge.entrypoints.embedded.typesense import EmbeddedTypesense

    typesense = EmbeddedTypesense(settings.data_path)
    specs.append(typesense.spec())
    urls["REVENGE_TYPESENSE_URL"] = typesense.url
    urls["REVENGE_TYPESENSE_API_KEY"] = typesense.api_key


def _app(host: str, port: int, env: dict[str, str]) -> list[ChildSpec]:
    # `python -m revenge` rather than the console script: works from any install layout.
    revenge = [sys.executable, "-m", "revenge"]
    http = ChildSpec(
        name="http",
        argv=[*revenge, "http", "--host", host, "--port", str(port)],
        env=env,
        ready=lambda: accepts_connections(host, port),
        ready_timeout=60,
    )
    worker = ChildSpec(name="worker", argv=[*revenge, "worker"], env=env)
    return [http, worker]


def _summary(host: str, port: int, embedded: list[str], data: Path) -> str:
    external = [name for name in ("postgres", "redis", "typesense") if name not in embedded]
    return (f"Revenge is running at http://{host}:{port} "
            f"(embedded: {', '.join(embedded) or 'none'}; external: {', '.join(external) or 'none'}"
            f"; data in {data}) - Ctrl-C to stop")


def _configure_logging() -> None:
    # The supervisor's own lines; children (http, worker) set up their own logging.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("revenge serve: %(message)s"))
    root = logging.getLogger("revenge")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 5) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return int(text)
