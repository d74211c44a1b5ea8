"""Catalog use cases (movies, per-user watch state) and the ports they need."""
