"""The image cache on disk: fetch from the provider's image host, resize, blurhash."""
