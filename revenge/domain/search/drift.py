"""Reconciliation: what to repair so the index says what the database says."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec


class Repairs(msgspec.Struct, frozen=True):
    """Movies to (re)index and ids to drop from the index, each sorted."""

    upsert: tuple[str, ...] = ()
    delete: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.upsert and not self.delete


def plan_repairs(truth: Mapping[str, int], index: Mapping[str, int]) -> Repairs:
    """`truth` and `index` map movie ids to their version (updated_at in microseconds).

    A movie the index lacks or holds at another version is re-indexed; an id the index
    holds but the database does not is deleted. Applying the repairs makes both equal.
    """
    upsert = sorted(movie_id for movie_id, version in truth.items()
                    if index.get(movie_id) != version)
    delete = sorted(set(index) - set(truth))
    return Repairs(upsert=tuple(upsert), delete=tuple(delete))


class Coverage(msgspec.Struct, frozen=True):
    """How many documents the live index holds, and how many it must hold by now."""

    indexed: int
    expected: int
    # A live index of the current schema exists. False on a first start whose first
    # reconciliation failed (Typesense came up late), or after a schema change: then
    # "0 of 0 movies" is no index at all, not a complete one.
    current: bool = True

    @property
    def complete(self) -> bool:
        """Fewer documents than settled movies: the index lost writes (a Typesense
        restarted empty, or from a snapshot older than its last writes). More is only
        deletions not yet applied, which reconciliation removes."""
        return self.current and self.indexed >= self.expected

    def describe(self) -> str:
        if not self.current:
            return "no index of the current schema yet"
        return f"the index holds {self.indexed} of {self.expected} movies"
