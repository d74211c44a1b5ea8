"""TMDb API v3: the client (HTTP, auth, limits, retries), wire types and their mapping."""
