"""Radarr integration: settings, syncs, webhook events and the Emby-style notifications."""
