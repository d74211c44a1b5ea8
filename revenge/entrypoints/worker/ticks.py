"""One tick of a worker's periodic loop: a step that never takes the loop down."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from revenge.domain.errors import Unavailable

log = logging.getLogger(__name__)


async def tick(what: str, step: Callable[[], Awaitable[str | None]]) -> None:
    """Runs `step`; what it reports is logged, an outage is a warning (the next tick
    retries), anything else is logged with its traceback and swallowed."""
    try:
        done = await step()
    except Unavailable as exc:
        log.warning("%s: not done (next tick retries): %s", what, exc)
    except Exception:
        log.exception("%s: failed", what)
    else:
        if done:
            log.info("%s: %s", what, done)
