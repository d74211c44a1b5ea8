"""Structured logging: JSON lines when stderr is not a TTY, readable console otherwise.

The request id (and anything else bound with structlog.contextvars) is added to every
line, including stdlib loggers' lines from libraries.
"""

from __future__ import annotations

import logging
import sys

import structlog
from structlog.types import EventDict, Processor

_SHARED: list[Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure_logging(level: str = "info", fmt: str = "auto", process: str = "") -> None:
    json_lines = fmt == "json" or (fmt == "auto" and not sys.stderr.isatty())
    renderer = (structlog.processors.JSONRenderer() if json_lines
                else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty()))
    extra: list[Processor] = [_add_process(process)] if process else []
    structlog.configure(
        processors=[*_SHARED, *extra, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*_SHARED, *extra],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info, renderer],
    ))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "psycopg.pool"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


def _add_process(name: str) -> Processor:
    def add(_logger: object, _method: str, event: EventDict) -> EventDict:
        event.setdefault("process", name)
        return event

    return add
