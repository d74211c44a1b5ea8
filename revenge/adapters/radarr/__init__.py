"""Radarr over HTTP: the API v3 client, its wire types and their mapping, webhook
payloads, and the local disk check the sync uses."""
