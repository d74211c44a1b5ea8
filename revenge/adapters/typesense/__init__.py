"""Typesense (0.24 and 27+) behind the search ports, over its REST API with httpx."""
