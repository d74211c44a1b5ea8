"""Brute-force limits: what is counted, how many failures, how long the cool-down.

Per client IP: `ip_login_failures` failed logins within `ip_window_minutes` block that IP
for the rest of the window. Per account: `account_lock_threshold` consecutive failures
(at most 100, ASVS 6.3.1) lock it for `account_lock_minutes`; a success resets the count.
The lock is soft: it never applies to an IP the account logged in from successfully in
the last 30 days, so an attacker elsewhere cannot keep the owner out indefinitely, and
it always ends after the cooling period.
"""

from __future__ import annotations

import msgspec

from revenge.domain.identity.settings import ServerSettings

KNOWN_CLIENT_SECONDS = 30 * 24 * 3600


class ThrottleRule(msgspec.Struct, frozen=True):
    limit: int  # failures allowed before blocking
    window_seconds: int  # failures older than this are forgotten
    block_seconds: int  # how long a key stays blocked once it hits the limit


def login_ip_rule(settings: ServerSettings) -> ThrottleRule:
    window = settings.ip_window_minutes * 60
    return ThrottleRule(settings.ip_login_failures, window, window)


def account_rule(settings: ServerSettings) -> ThrottleRule:
    # Consecutive failures: the window is long, a success resets the counter.
    return ThrottleRule(settings.account_lock_threshold, 24 * 3600,
                        settings.account_lock_minutes * 60)


REFRESH_IP_RULE = ThrottleRule(30, 900, 900)
RESET_IP_RULE = ThrottleRule(10, 3600, 3600)
RESET_ACCOUNT_RULE = ThrottleRule(3, 3600, 3600)  # at most 3 reset mails an hour


def ip_key(action: str, ip: str) -> str:
    return f"{action}:ip:{ip}"


def account_key(action: str, account: str) -> str:
    return f"{action}:account:{account}"


def known_client_key(user_id: str, ip: str) -> str:
    return f"known:{user_id}:{ip}"
