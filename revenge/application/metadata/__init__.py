"""Metadata: matching movies with a provider (TMDb), refreshing them, caching images."""
