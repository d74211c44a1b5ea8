"""The closed set of permissions; roles grant subsets of it."""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    LIBRARY_READ = "library.read"
    PLAYBACK = "playback"
    LIBRARY_MANAGE = "library.manage"
    USERS_MANAGE = "users.manage"
    SETTINGS_MANAGE = "settings.manage"
    INTEGRATIONS_MANAGE = "integrations.manage"
    AUDIT_READ = "audit.read"
    WEBHOOKS = "webhooks"
    # One's own account: profile, password, sessions, API keys, second factors. Every
    # signed-in session holds it; an API key only when created with it (never by default).
    ACCOUNT = "account"
