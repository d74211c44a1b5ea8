"""Pure MFA rules: the MFA switch follows factors, the server policy, sign counters,
where WebAuthn ceremonies are valid."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from revenge.adapters.webauthn.settings import relying_party_settings
from revenge.domain.mfa.enrolment import (
    Factors,
    Method,
    MfaProfile,
    RequireMfa,
    login_needs_second_factor,
    policy_applies,
    profile_after,
)
from revenge.domain.mfa.webauthn import counter_went_back
from revenge.domain.shared.permissions import Permission

NOW = datetime(2026, 1, 1, tzinfo=UTC)
NONE = Factors()
TOTP = Factors(totp=True)
BOTH = Factors(totp=True, webauthn=1)
ON = MfaProfile(user_id="u", enabled=True, changed_at=NOW)
OFF = MfaProfile(user_id="u", enabled=False, changed_at=NOW)


@pytest.mark.parametrize(("profile", "before", "after", "enabled"), [
    (None, NONE, TOTP, True),  # the first factor switches MFA on
    (OFF, NONE, TOTP, True),  # ... also after the last one was removed earlier
    (OFF, TOTP, BOTH, None),  # switched off by hand: a second factor leaves it off
    (ON, BOTH, TOTP, None),  # one of two removed: stays on
    (ON, TOTP, NONE, False),  # the last one removed: off
    (None, NONE, Factors(backup_codes=10), None),  # backup codes are no factor
])
def test_the_mfa_switch_follows_the_factors(profile: MfaProfile | None, before: Factors,
                                            after: Factors, enabled: bool | None) -> None:
    changed = profile_after(profile, before, after, user_id="u", now=NOW)
    assert (changed.enabled if changed else None) == enabled


@pytest.mark.parametrize(("policy", "permissions", "applies"), [
    (RequireMfa.OFF, {Permission.USERS_MANAGE}, False),
    (RequireMfa.ADMINS, {Permission.USERS_MANAGE}, True),
    (RequireMfa.ADMINS, {Permission.SETTINGS_MANAGE}, True),
    (RequireMfa.ADMINS, {Permission.LIBRARY_READ, Permission.PLAYBACK}, False),
    (RequireMfa.ALL, set(), True),
])
def test_the_server_policy_applies_to_admins_or_everyone(
        policy: RequireMfa, permissions: set[Permission], applies: bool) -> None:
    assert policy_applies(policy, frozenset(permissions)) is applies


@pytest.mark.parametrize(("enabled", "required", "factors", "needed"), [
    (True, False, TOTP, True), (False, True, TOTP, True), (False, False, BOTH, False),
    (True, True, NONE, False), (False, True, Factors(backup_codes=3), False)])
def test_a_login_needs_a_second_factor_only_when_one_can_be_given(
        enabled: bool, required: bool, factors: Factors, needed: bool) -> None:
    assert login_needs_second_factor(enabled, required, factors) is needed


def test_login_methods_are_offered_strongest_first() -> None:
    factors = Factors(totp=True, webauthn=2, backup_codes=4)
    assert factors.methods() == [Method.WEBAUTHN, Method.TOTP, Method.BACKUP_CODE]
    assert Factors(backup_codes=4).methods() == []


@pytest.mark.parametrize(("stored", "received", "cloned"), [
    (0, 0, False), (0, 1, False), (5, 6, False), (5, 5, True), (5, 4, True), (5, 0, True),
    (0, 7, False)])
def test_a_sign_count_that_does_not_increase_suggests_a_clone(stored: int, received: int,
                                                              cloned: bool) -> None:
    assert counter_went_back(stored, received) is cloned


@pytest.mark.parametrize(("public_url", "rp_id", "origins", "expected"), [
    (None, None, [], ("localhost", ("http://localhost:8096",))),
    ("https://Media.Example.org/", None, [], ("media.example.org",
                                              ("https://media.example.org",))),
    ("https://example.org:8443/revenge", None, [], ("example.org", ("https://example.org:8443",))),
    ("https://media.example.org", "example.org", ["https://media.example.org",
                                                  "https://example.org:8443/"],
     ("example.org", ("https://media.example.org", "https://example.org:8443"))),
])
def test_rp_id_and_origins_come_from_the_public_url_unless_overridden(
        public_url: str | None, rp_id: str | None, origins: list[str],
        expected: tuple[str, tuple[str, ...]]) -> None:
    settings = relying_party_settings(public_url, 8096, rp_id, origins)
    assert (settings.rp_id, settings.origins) == expected
