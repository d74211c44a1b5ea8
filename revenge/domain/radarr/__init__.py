"""Radarr, as our domain sees it: path mapping, its movies, webhook events, and the
reconciliation that turns them into catalog changes (rules in README.md)."""
