"""Use cases and ports around media files (probing)."""
