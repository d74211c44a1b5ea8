"""The movie catalog's vocabulary and rules: movies, progress, collections, listing."""
