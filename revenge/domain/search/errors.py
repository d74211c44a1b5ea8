"""Errors of search that the shared tree does not name."""

from __future__ import annotations

from revenge.domain.errors import DomainError


class InvalidSearch(DomainError):
    """A search request is malformed (text too long, a bad range, sort, limit or cursor):
    the caller's fault, answered with 400 and the offending parameter named in `field`."""

    code = "invalid_query"
