"""The OpenAPI document made true, in one step after Litestar generates it.

Litestar documents bodies and parameters, but not what the guards and the error table
do. This step reads them from the routes themselves, so a route added anywhere is
covered without a hand-written `security=` or `responses=`:

* security: a route with a guard, or whose handler (or one of its dependencies) takes
  `principal`, needs credentials; one taking `maybe_principal` may send them; one that
  checks credentials of its own says so with Litestar's `security=` (media tokens,
  webhooks); any other is anonymous (`security: []`);
* problems (RFC 9457 `application/problem+json`, one `Problem` schema) for what the
  doors and the error table in `errors.py` answer: 400 anywhere (validation, NUL, depth),
  401/403 where credentials are needed, 401/429 where a handler takes `client_info` (it
  checks a password or token and is throttled per client), 404 where the path names
  something and on writes, 409 on writes, 422 where anything is sent or a caller is
  known (a use case's rule), 413/415 where a
  JSON body is read, 503 anywhere (a dependency down or not configured). A route adds
  what else it answers (a 403 of a closed registration) with `responses=problems(...)`.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from litestar import Litestar
from litestar.di import Provide
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import SecurityRequirement
from litestar.routes import HTTPRoute

from revenge.entrypoints.http.auth import SECURITY
from revenge.entrypoints.http.errors import PROBLEM_JSON, STATUS_BY_ERROR, TYPE_BASE

_STATE_KEY = "revenge_openapi_contract"
_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_NO_CONTENT = frozenset({"204", "304"})
_SCHEMAS: dict[str, Any] = {
    "Problem": {
        "type": "object", "required": ["type", "title", "status", "detail"],
        "description": "RFC 9457 problem details; `errors` names each bad field.",
        "properties": {
            "type": {"type": "string"}, "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string"},
            "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}},
        },
    },
    "FieldError": {
        "type": "object", "required": ["field", "message"],
        "properties": {"field": {"type": ["string", "null"]},
                       "message": {"type": ["string", "null"]},
                       "source": {"type": ["string", "null"]}},
    },
}
# What each problem status means here, from the error table where it has one.
_TITLES = {status: title for status, title in STATUS_BY_ERROR.values()} | {
    400: "The request is not valid (the field is named)",
    401: "Credentials are missing or not valid",
    403: "A permission (or the CSRF token) is missing",
    413: "The body is too large",
    415: "The body must be JSON (Content-Type: application/json)",
    503: "A dependency is down or not configured on this server",
}

_CODES = {400: "validation", 401: "authentication_failed", 403: "forbidden", 404: "not_found",
          409: "conflict", 422: "rule_violation", 429: "too_many_attempts",
          502: "bad_gateway", 503: "unavailable"}


# Media URLs (video elements send no headers) carry a signed token in the query.
MEDIA_TOKEN: list[SecurityRequirement] = [{"media_token": []}, {"cookie": []}]
_SCHEMES: dict[str, Any] = {"media_token": {
    "type": "apiKey", "in": "query", "name": "token",
    "description": "The signed media token of a playback session (in its URLs)"}}


def problems(*statuses: int) -> dict[int, ResponseSpec]:
    """`responses=` for problems a route answers beyond the generated ones (e.g. 429)."""
    return {status: ResponseSpec(data_container=None, media_type=PROBLEM_JSON,
                                 description=_title(status)) for status in statuses}


def contract_document(app: Litestar) -> dict[str, Any]:
    """The app's OpenAPI document with security and problems declared (built once)."""
    cached: dict[str, Any] | None = app.state.get(_STATE_KEY)
    if cached is None:
        cached = complete(app, app.openapi_schema.to_schema())
        app.state[_STATE_KEY] = cached
    return cached


def complete(app: Litestar, generated: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(generated)
    components = document.setdefault("components", {})
    components.setdefault("schemas", {}).update(_SCHEMAS)
    components.setdefault("securitySchemes", {}).update(_SCHEMES)
    for path, method, handler, route in _operations(app):
        operation = document.get("paths", {}).get(path, {}).get(method.lower())
        if operation is not None:
            _declare(operation, handler, route, method)
    return document


def _operations(app: Litestar) -> Iterator[tuple[str, str, HTTPRouteHandler, HTTPRoute]]:
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if handler.resolve_include_in_schema():
                for method in handler.http_methods:
                    yield route.path_format or "/", method, handler, route


def _declare(operation: dict[str, Any], handler: HTTPRouteHandler, route: HTTPRoute,
             method: str) -> None:
    access = _access(handler)
    if access != "declared":
        operation["security"] = {"required": list(SECURITY), "optional": [*SECURITY, {}],
                                 "anonymous": []}[access]
    statuses = {400, 503}
    if access in ("required", "declared"):
        statuses |= {401, 403}
    if "client_info" in _used(handler):  # credentials checked and throttled per client
        statuses |= {401, 429}
    if operation.get("parameters") or "requestBody" in operation or access != "anonymous":
        statuses.add(422)  # a use case refused by a rule (an unknown cursor, no Radarr set)
    if route.path_parameters or method in _WRITES:
        statuses.add(404)  # the path, or a write's body, names something gone
    if method in _WRITES:
        statuses |= {409, 422}
    if "data" in handler.parsed_fn_signature.parameters:
        statuses |= {413, 415}
    responses = operation.setdefault("responses", {})
    for empty in _NO_CONTENT & set(responses):
        responses[empty].pop("content", None)  # Litestar gives a 204 a JSON body
    for status in statuses | {int(code) for code in responses if code[0] in "45"}:
        responses[str(status)] = _problem_response(responses.get(str(status)), status)


def _problem_response(declared: dict[str, Any] | None, status: int) -> dict[str, Any]:
    """A problem+json answer, keeping a route's own description and examples."""
    content = (declared or {}).get("content") or {}
    examples = next((media.get("examples") for media in content.values()
                     if media.get("examples")), None) or _example(status)
    description = (declared or {}).get("description") or _title(status)
    return {"description": description,
            "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF, "examples": examples}}}


def _example(status: int) -> dict[str, Any]:
    code = _CODES.get(status, "http")
    return {code: {"summary": _title(status), "value": {
        "type": TYPE_BASE + code, "title": _title(status), "status": status,
        "detail": _title(status)}}}


def _access(handler: HTTPRouteHandler) -> str:
    if handler.resolve_guards():
        return "required"  # every guard of ours resolves the caller (401, then 403)
    used = _used(handler)
    if "principal" in used:
        return "required"
    if "maybe_principal" in used:
        return "optional"
    # A route checking credentials of its own (a media token) declares `security=`.
    return "declared" if handler.resolve_security() else "anonymous"


def _used(handler: HTTPRouteHandler) -> set[str]:
    return _used_names(set(handler.parsed_fn_signature.parameters),
                       handler.resolve_dependencies())


def _used_names(names: set[str], dependencies: dict[str, Provide]) -> set[str]:
    """The parameter names a handler takes, with those of the dependencies it uses."""
    seen, pending = set(), list(names)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        if (provider := dependencies.get(name)) is not None and callable(provider.dependency):
            pending.extend(_parameters(provider.dependency))
    return seen


def _parameters(function: Any) -> list[str]:
    try:
        return list(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # a builtin or a provider without a signature
        return []


def _title(status: int) -> str:
    if status in _TITLES:
        return _TITLES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
