"""Reconciliation plans: applying them makes the index equal to the database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.search.drift import plan_repairs

versions = st.dictionaries(st.sampled_from("abcdefghij"), st.integers(1, 3), max_size=10)


@given(versions, versions)
def test_applying_the_repairs_makes_the_index_equal_to_the_truth(truth: dict,
                                                                 index: dict) -> None:
    repairs = plan_repairs(truth, index)
    repaired = {k: v for k, v in index.items() if k not in repairs.delete}
    repaired.update({k: truth[k] for k in repairs.upsert})
    assert repaired == truth


@given(versions)
def test_an_index_in_line_needs_no_repair(truth: dict) -> None:
    assert plan_repairs(truth, dict(truth)).empty


def test_stale_missing_and_orphaned_entries_are_each_repaired() -> None:
    repairs = plan_repairs({"a": 2, "b": 1}, {"a": 1, "c": 1})
    assert repairs.upsert == ("a", "b") and repairs.delete == ("c",)
