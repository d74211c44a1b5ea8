"""How other contexts ask for a movie's metadata: enqueue one of these jobs through
their unit of work's job queue with `movie_dedupe_key`, so one movie has one job of each
kind at a time (the scanner and Radarr match new movies, the catalog's refresh endpoint
and the changes sync refresh). A public module of metadata."""

from __future__ import annotations

from revenge.application.shared.jobs import JobMessage


class MatchMovieCommand(JobMessage, job="match_movie", frozen=True, kw_only=True):
    movie_id: str


class RefreshMovieMetadataCommand(JobMessage, job="refresh_movie_metadata", frozen=True,
                                  kw_only=True):
    movie_id: str


def movie_dedupe_key(message: MatchMovieCommand | RefreshMovieMetadataCommand) -> str:
    return f"{message.job}:{message.movie_id}"
