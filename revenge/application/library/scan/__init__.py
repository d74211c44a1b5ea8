"""The scanner: folders in, movies out, in explicit phases (see README.md)."""
