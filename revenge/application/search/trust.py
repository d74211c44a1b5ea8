"""An index answer is used only when the index holds the whole catalog."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from revenge.application.search.ports import IndexVerifier
from revenge.domain.errors import Unavailable

T = TypeVar("T")


class IndexIncomplete(Unavailable):
    """The index answers, but lacks movies the catalog has: its answer would be wrong."""


async def trusted(verifier: IndexVerifier | None, answer: Callable[[], Awaitable[T]]) -> T:
    """`answer()` when `verifier` finds the index complete, else `IndexIncomplete`. After
    any failure to reach the index (error, timeout) it is verified again next time."""
    if verifier is None:
        return await answer()
    try:
        coverage = await verifier.execute()
        if not coverage.complete:
            raise IndexIncomplete("search", f"{coverage.describe()}; rebuilding")
        return await answer()
    except IndexIncomplete:
        raise
    except BaseException:  # unreachable, timed out (cancelled): a reconnection follows
        verifier.forget()
        raise
