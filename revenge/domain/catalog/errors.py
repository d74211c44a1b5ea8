"""Errors of the catalog that the shared tree does not name."""

from __future__ import annotations

from revenge.domain.errors import DomainError


class InvalidQuery(DomainError):
    """A list request is malformed (a bad limit, sort, filter or cursor): the caller's
    fault, answered with 400 and the offending parameter named in `field`."""

    code = "invalid_query"
