"""What each permission lets its holder do: the prose of the generated roles and
permissions table (docs/security.md). A permission missing here fails tests/unit/docs."""

from __future__ import annotations

from revenge.domain.shared.permissions import Permission

PERMISSIONS: dict[Permission, str] = {
    Permission.LIBRARY_READ: "browse and search the catalog and artwork; one's own watch "
                             "state: progress, watched, continue watching, watchlist, ratings",
    Permission.PLAYBACK: "start playback sessions (direct play or HLS) and renew their "
                         "media URLs",
    Permission.LIBRARY_MANAGE: "libraries and scans, jobs, movies by hand (add, edit, merge, "
                               "delete, refresh), TMDb search and matching, search reindex",
    Permission.USERS_MANAGE: "accounts (create, change, disable, delete) and custom roles",
    Permission.SETTINGS_MANAGE: "server settings (registration, MFA policy, session "
                                "lifetimes), every user's playback sessions, search reindex",
    Permission.INTEGRATIONS_MANAGE: "the Radarr connection: settings, test, sync, status "
                                    "and conflicts",
    Permission.AUDIT_READ: "the audit log of security events",
    Permission.WEBHOOKS: "deliver webhooks: Radarr's Webhook and its Emby / Jellyfin "
                         "connection",
    Permission.ACCOUNT: "one's own account: profile, password, sessions, API keys, second "
                        "factors. Every signed-in session holds it; an API key only when "
                        "created with it",
}
