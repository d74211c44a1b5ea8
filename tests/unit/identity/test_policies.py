"""Password policy, settings validation and the shipped common-password list."""

from __future__ import annotations

import pytest

from revenge.adapters.crypto.common_passwords import FileCommonPasswords
from revenge.application.identity.passwords import PasswordPolicy
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.settings import ServerSettings, UserSettings, patched


@pytest.fixture(scope="module")
def policy() -> PasswordPolicy:
    return PasswordPolicy(FileCommonPasswords())


@pytest.mark.parametrize("password", ["abcdefg", "", "1234567"])
def test_passwords_shorter_than_8_characters_are_refused(policy: PasswordPolicy,
                                                          password: str) -> None:
    with pytest.raises(RuleViolation) as caught:
        policy.check(password)
    assert caught.value.field == "password"


@pytest.mark.parametrize("password", ["zq8#vnwe", "x" * 7 + "é", "ünïcødé pässwörd " * 7,
                                      "k" * 1024, "no composition rules at all"])
def test_passwords_of_8_to_1024_characters_are_accepted_without_composition_rules(
        policy: PasswordPolicy, password: str) -> None:
    policy.check(password)


def test_passwords_longer_than_1024_characters_are_refused(policy: PasswordPolicy) -> None:
    with pytest.raises(RuleViolation):
        policy.check("k" * 1025)


@pytest.mark.parametrize("password", ["password", "12345678", "Baseball", "iloveyou",
                                      "PASSWORD1"])
def test_common_passwords_from_the_shipped_list_are_refused(policy: PasswordPolicy,
                                                            password: str) -> None:
    with pytest.raises(RuleViolation, match="too common"):
        policy.check(password)


def test_the_shipped_list_holds_thousands_of_entries() -> None:
    assert len(FileCommonPasswords()._words) >= 9_000


def test_a_settings_patch_with_a_value_out_of_bounds_names_the_field() -> None:
    with pytest.raises(RuleViolation) as caught:
        patched(ServerSettings(), {"account_lock_threshold": 500})
    assert caught.value.field == "account_lock_threshold"


def test_a_settings_patch_with_an_unknown_field_names_it() -> None:
    with pytest.raises(RuleViolation) as caught:
        patched(UserSettings(), {"is_admin": True})
    assert caught.value.field == "is_admin"


def test_the_idle_lifetime_cannot_exceed_the_absolute_one() -> None:
    with pytest.raises(RuleViolation):
        patched(ServerSettings(), {"session_idle_minutes": 10_000,
                                   "session_absolute_minutes": 60}).validate()


def test_account_lock_threshold_is_at_most_100_by_default_and_by_bound() -> None:
    assert ServerSettings().account_lock_threshold <= 100
    with pytest.raises(RuleViolation):
        patched(ServerSettings(), {"account_lock_threshold": 101})
