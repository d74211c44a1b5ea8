"""Docs pages generated from the code: the settings and the permissions tables."""
