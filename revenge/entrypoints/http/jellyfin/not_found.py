"""A request no route answers: a logged 404 naming the path, so the Jellyfin endpoints
apps call that we lack show up in the log (the web app's HTML fallback, where there is
one, answers only requests that accept text/html)."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response
from litestar.exceptions import NotFoundException

from revenge.entrypoints.http.errors import problem

log = logging.getLogger("revenge.http.unknown_endpoint")


def unknown_endpoint(request: Request[Any, Any, Any], exc: NotFoundException
                     ) -> Response[dict[str, Any]]:
    path = request.url.path[:300]
    log.warning("no endpoint for %s %s", request.method, path,
                extra={"method": request.method, "path": path,
                       "client": request.headers.get("user-agent", "")[:200]})
    return problem(404, "Not found", f"no endpoint {request.method} {path}",
                   code="unknown_endpoint")
