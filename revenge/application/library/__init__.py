"""Library context: libraries of folders, scanning them into movies, probing files."""
