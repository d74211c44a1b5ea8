"""Test doubles that tests, e2e runs, benches and demos share (never used in production)."""
