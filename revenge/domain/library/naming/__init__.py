"""Movie file-name parsing: a pure library, no I/O.

    from revenge.domain.library.naming import parse, parse_name, parse_path

    parse_name("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv")
    # ParsedName(title="The Matrix", year=1999, resolution="1080p", source="BluRay", ...)
    parse_path("/movies/The Matrix (1999)/movie.mkv")      # the folder names the movie
    parse("Movies/Title (2000)/file.mkv")                  # a path or a name, guessed

`parse_name(name)` reads one file or release name, with or without an extension.
`parse_path(path)` also reads the folders above the file: the nearest folder that
says something names the movie when the file name is poor (a hash, a scene
abbreviation, "movie.mkv", no year), and folders named "Trailers", "Extras",
"Sample", ... set `kind`.  `parse(text)` picks one of the two.  None of them raises,
whatever the text.

`ParsedName` (an immutable value; `as_dict()` for JSON) carries `title`, `year`, `kind` ("movie",
"extra" or "sample"), `extra_type`, `edition`, `part`, `is_3d`, `resolution`,
`source`, `codec`, `audio`, `release_group`, `tmdb_id`, `imdb_id`,
`alternative_titles` (from "A AKA B") and `container` (the extension).  The types
`Kind` and `ExtraType` live in `result`, for type checkers only (`revenge parse` is
timed with start-up included, so nothing here imports `typing` at run time).

How it works: `prepare` takes off the extension, an extra's suffix ("-trailer") and
provider ids ("[tmdbid-603]", "{imdb-tt0133093}"); `scan` finds the release tags
(tables in `vocabulary`, compiled once in `options`), years and bracket groups;
`zone` decides where the title starts and ends and which number is the year;
`title` cleans the title; `attributes` labels the tags that are left.
"""

from revenge.domain.library.naming.names import parse_name
from revenge.domain.library.naming.paths import PathParser, looks_like_path, parse, parse_path
from revenge.domain.library.naming.result import ParsedName

__all__ = ["ParsedName", "PathParser", "looks_like_path", "parse", "parse_name", "parse_path"]
