"""Metadata rules: matching files to provider movies, merging refreshed fields, images."""
