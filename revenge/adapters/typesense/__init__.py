"""Typesense (0.24 and later) behind the search ports, through the `typesense` package."""
