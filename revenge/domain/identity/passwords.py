"""Password policy (ASVS 5.0 §6.2): length only, no composition rules, no truncation."""

from __future__ import annotations

from revenge.domain.errors import RuleViolation

MIN_LENGTH = 8
RECOMMENDED_LENGTH = 15
MAX_LENGTH = 1024  # at least 128 must be accepted; longer only costs hashing time


def check_password_shape(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise RuleViolation(f"a password has at least {MIN_LENGTH} characters "
                            f"({RECOMMENDED_LENGTH} or more recommended)", field=field)
    if len(password) > MAX_LENGTH:
        raise RuleViolation(f"a password has at most {MAX_LENGTH} characters", field=field)


def refuse_common(field: str = "password") -> RuleViolation:
    return RuleViolation("this password is too common; choose another", field=field)
