"""HTTP Range for one byte range: each form, 416, If-Range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.playback.ranges import ByteRange, answer_range

SIZE = 1000
ETAG = '"abc-1000"'
DATE = "Wed, 21 Oct 2015 07:28:00 GMT"

CASES = [
    ("bytes=0-499", 206, (0, 499)),
    ("bytes=500-", 206, (500, 999)),
    ("bytes=-200", 206, (800, 999)),
    ("bytes=0-", 206, (0, 999)),
    ("bytes=990-5000", 206, (990, 999)),
    ("bytes=-5000", 206, (0, 999)),
    ("BYTES = 10 - 19", 206, (10, 19)),
    ("bytes=999-999", 206, (999, 999)),
    ("bytes=1000-", 416, None),
    ("bytes=5000-6000", 416, None),
    ("bytes=-0", 416, None),
    ("bytes=500-100", 200, None),
    ("bytes=0-1,5-6", 200, None),
    ("items=0-1", 200, None),
    ("bytes=abc", 200, None),
    ("bytes=-", 200, None),
    (None, 200, None),
    # Past 4,300 digits int() refuses a numeral: such numbers are still just very big.
    ("bytes=" + "9" * 5000 + "-", 416, None),
    ("bytes=0-" + "9" * 5000, 206, (0, 999)),
    ("bytes=-" + "9" * 5000, 206, (0, 999)),
    ("bytes=" + "0" * 5000 + "7-8", 206, (7, 8)),
    ("bytes=\u0661-\u0662", 200, None),  # Arabic-Indic digits are not HTTP's DIGIT
]


@pytest.mark.parametrize(("header", "status", "span"), CASES,
                         ids=[str(c[0])[:20] for c in CASES])
def test_range_forms(header: str | None, status: int, span: tuple[int, int] | None) -> None:
    answer = answer_range(header, SIZE)
    assert answer.status == status
    assert (None if answer.range is None else (answer.range.first, answer.range.last)) == span


def test_content_range_is_exact() -> None:
    assert ByteRange(500, 999).content_range(SIZE) == "bytes 500-999/1000"
    assert ByteRange(500, 999).length == 500


@pytest.mark.parametrize(("if_range", "status"), [
    (ETAG, 206), ('"other"', 200), ("W/" + ETAG, 200), (DATE, 206),
    ("Thu, 22 Oct 2015 07:28:00 GMT", 200),
])
def test_if_range_serves_the_range_only_while_the_file_is_unchanged(if_range: str,
                                                                   status: int) -> None:
    answer = answer_range("bytes=0-9", SIZE, if_range=if_range, etag=ETAG, last_modified=DATE)
    assert answer.status == status


def test_an_empty_file_is_always_sent_whole() -> None:
    assert answer_range("bytes=0-10", 0).status == 200


@given(st.integers(0, 10**12), st.integers(0, 10**12), st.integers(1, 10**12))
def test_a_served_range_always_lies_inside_the_file(first: int, last: int, size: int) -> None:
    answer = answer_range(f"bytes={first}-{last}", size)
    if answer.range is not None:
        assert 0 <= answer.range.first <= answer.range.last < size
    else:
        assert answer.status in (200, 416)
