"""The one table mapping errors to HTTP problem details (RFC 9457)."""

from __future__ import annotations

import logging
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from revenge.domain import errors as domain
from revenge.domain.radarr import errors as radarr

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://revenge.invalid/problems/"

# Domain error -> (status, title). The first matching class in MRO order wins.
STATUS_BY_ERROR: dict[type[Exception], tuple[int, str]] = {
    domain.NotFound: (404, "Not found"),
    domain.Conflict: (409, "Conflict"),
    domain.RuleViolation: (422, "Rule violated"),
    domain.Forbidden: (403, "Forbidden"),
    domain.AuthenticationFailed: (401, "Authentication failed"),
    domain.TooManyAttempts: (429, "Too many attempts"),
    radarr.RadarrRefused: (502, "Radarr refused the request"),
    radarr.RadarrBadAnswer: (502, "Radarr answered something unexpected"),
    domain.DomainError: (400, "Bad request"),
    domain.DiskFull: (507, "Insufficient storage"),
    domain.Unavailable: (503, "Service unavailable"),
}


def problem(status: int, title: str, detail: str, *, code: str,
            errors: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> Response[dict[str, Any]]:
    body: dict[str, Any] = {"type": TYPE_BASE + code, "title": title, "status": status,
                            "detail": detail}
    if errors:
        body["errors"] = errors
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def domain_error_handler(_: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    status, title = _lookup(type(exc))
    if isinstance(exc, domain.NotConfigured):
        return problem(status, title, f"{exc.dependency} is not configured on this server: "
                       f"{exc.detail}", code="not_configured")
    if isinstance(exc, domain.DiskFull):
        log.error("%s", exc)  # the admin must free space: say where, not "try again"
        return problem(status, title, f"the server's disk is full ({exc.what}); an "
                       "administrator must free some space", code="disk_full")
    if isinstance(exc, domain.Unavailable):
        log.warning("dependency unavailable: %s", exc)
        return problem(status, title, f"{exc.dependency} is unavailable; try again shortly",
                       code="unavailable", headers={"Retry-After": "5"})
    assert isinstance(exc, domain.DomainError)
    errors = [{"field": exc.field, "message": exc.detail}] if exc.field else None
    headers = ({"Retry-After": str(exc.retry_after_seconds)}
               if isinstance(exc, domain.TooManyAttempts) else None)
    return problem(status, title, exc.detail, code=exc.code, errors=errors, headers=headers)


def validation_handler(_: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    errors = [_field_error(item) for item in (exc.extra or []) if isinstance(item, dict)]
    detail = exc.detail if exc.detail else "The request is not valid"
    return problem(400, "Invalid request", detail, code="validation", errors=errors or None)


def http_handler(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    title = exc.detail if exc.status_code != 500 else "Internal server error"
    return problem(exc.status_code, _short_title(exc.status_code), title, code="http",
                   headers=exc.headers)


def internal_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(HTTP_500_INTERNAL_SERVER_ERROR, "Internal server error",
                   "Something went wrong on our side; it has been logged.", code="internal")


def exception_handlers() -> dict[type[Exception] | int, Any]:
    handlers: dict[type[Exception] | int, Any] = {
        error: domain_error_handler for error in STATUS_BY_ERROR
    }
    handlers[ValidationException] = validation_handler
    handlers[HTTPException] = http_handler
    handlers[Exception] = internal_handler
    return handlers


def _lookup(error: type[Exception]) -> tuple[int, str]:
    for cls in error.__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500, "Internal server error"


_NAMED_FIELD = re.compile(r"(?:unknown|required) field `([^`]+)`")


def _field_error(item: dict[str, Any]) -> dict[str, Any]:
    key = str(item.get("key") or "").removeprefix("$.")
    message = str(item.get("message") or "")
    # A missing or unknown body field is reported against the whole body ("data"):
    # name the field itself.
    named = _NAMED_FIELD.search(message)
    if named and key in ("", "data"):
        key = named.group(1)
    return {"field": key or None, "source": item.get("source"), "message": item.get("message")}


def _short_title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
