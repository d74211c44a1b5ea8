"""A person's own rating of a movie: a whole number from 1 to 10."""

from __future__ import annotations

from revenge.domain.errors import RuleViolation

MIN_RATING, MAX_RATING = 1, 10


def checked_rating(rating: int) -> int:
    if isinstance(rating, bool) or not MIN_RATING <= rating <= MAX_RATING:
        raise RuleViolation(f"rating must be a whole number from {MIN_RATING} to {MAX_RATING}",
                            field="rating")
    return rating
