"""Search vocabulary: what a search asks for, and how index drift is repaired."""
