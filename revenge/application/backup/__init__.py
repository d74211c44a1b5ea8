"""Backups: a consistent database dump and the generated keys, in one file."""
