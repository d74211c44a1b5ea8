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
