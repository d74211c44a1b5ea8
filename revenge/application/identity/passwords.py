"""The password policy: the domain's length rules plus the shipped common-password list."""

from __future__ import annotations

from revenge.application.identity.ports import CommonPasswords
from revenge.domain.identity.passwords import check_password_shape, refuse_common


class PasswordPolicy:
    def __init__(self, common: CommonPasswords) -> None:
        self._common = common

    def check(self, password: str, *, field: str = "password") -> None:
        """Raises `RuleViolation(field=...)` for a too short, too long or common password."""
        check_password_shape(password, field=field)
        if self._common.contains(password):
            raise refuse_common(field)
