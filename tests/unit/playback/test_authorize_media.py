"""Media URLs open on the session's token, or on the owner's web UI sign-in (cookie)
when there is no valid token; anything else is refused without revealing the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from revenge.adapters.memory.playback import (
    InMemoryPlaybackGrants,
    InMemoryPlaybackSessions,
    InMemorySegmenter,
    InMemorySessionOwners,
)
from revenge.application.playback.authorize_media import AuthorizeMedia, Viewer
from revenge.application.playback.common import SessionEnder
from revenge.application.playback.ports import PlaybackSettings
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden, NotFound
from revenge.domain.media.info import VideoStream
from revenge.domain.playback.decision import PlaybackDecision
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.playback.tokens import MediaClaims, sign_media_token
from revenge.domain.shared.permissions import Permission

KEY = b"k" * 32
NOW = 1_800_000_000.0
SESSION = PlaybackSession(
    id="s1", user_id="alice", username="alice", movie_id="m1", file_id="f1",
    path="/movies/heat.mp4", size=1, mtime=0.0, video=VideoStream(index=0, codec="h264"),
    duration=60.0, decision=PlaybackDecision(method="direct", video="copy", audio="copy",
                                             audio_index=1),
    hls=None, subtitles=(), started_at=NOW - 10, last_active=NOW - 10)
TOKEN = sign_media_token(KEY, MediaClaims("alice", "s1", "f1", int(NOW + 60)))


def signed_in(user_id: str | None, *permissions: Permission) -> tuple[Viewer, list[str]]:
    """A viewer lookup (the cookie) that records being asked."""
    asked: list[str] = []

    async def viewer() -> Principal | None:
        asked.append("asked")
        granted = frozenset(permissions or {Permission.PLAYBACK})
        return Principal(user_id=user_id, username=user_id, permissions=granted
                         ) if user_id else None

    return viewer, asked


@pytest.fixture
async def sessions() -> InMemoryPlaybackSessions:
    registry = InMemoryPlaybackSessions()
    await registry.add(SESSION)
    return registry


GRANTS = InMemoryPlaybackGrants()


def authorize(sessions: InMemoryPlaybackSessions, grants: InMemoryPlaybackGrants = GRANTS,
              segmenter: InMemorySegmenter | None = None) -> AuthorizeMedia:
    ender = SessionEnder(sessions, segmenter or InMemorySegmenter(Path("/nonexistent")),
                         InMemorySessionOwners(), "r1")
    return AuthorizeMedia(sessions, grants, ender, PlaybackSettings(), lambda: NOW, KEY)


async def test_a_valid_token_opens_the_session_without_asking_for_a_sign_in(
        sessions: InMemoryPlaybackSessions) -> None:
    viewer, asked = signed_in("mallory")
    opened = await authorize(sessions).execute("s1", TOKEN, viewer)
    assert opened.id == "s1" and opened.last_active == NOW and asked == []


@pytest.mark.parametrize("token", [None, "", TOKEN + "x"])
async def test_without_a_valid_token_the_owner_signed_in_opens_it(
        sessions: InMemoryPlaybackSessions, token: str | None) -> None:
    viewer, asked = signed_in("alice")
    assert (await authorize(sessions).execute("s1", token, viewer)).id == "s1"
    assert asked == ["asked"]


@pytest.mark.parametrize("who", [None, "mallory"])
async def test_without_a_token_anyone_but_the_owner_is_refused(
        sessions: InMemoryPlaybackSessions, who: str | None) -> None:
    viewer, _ = signed_in(who)
    for lookup in (viewer, None):
        with pytest.raises(AuthenticationFailed):
            await authorize(sessions).execute("s1", None, lookup)


async def test_an_owner_who_lost_the_playback_permission_is_forbidden(
        sessions: InMemoryPlaybackSessions) -> None:
    viewer, _ = signed_in("alice", Permission.LIBRARY_READ)
    with pytest.raises(Forbidden):
        await authorize(sessions).execute("s1", None, viewer)


async def test_an_ended_session_is_not_found_when_signed_in_and_refused_when_anonymous(
        sessions: InMemoryPlaybackSessions) -> None:
    await sessions.remove("s1")
    owner, _ = signed_in("alice")
    with pytest.raises(NotFound):
        await authorize(sessions).execute("s1", None, owner)
    with pytest.raises(AuthenticationFailed):
        await authorize(sessions).execute("s1", None, None)


async def test_a_session_whose_user_may_no_longer_play_ends_at_the_next_media_request(
        sessions: InMemoryPlaybackSessions, tmp_path: Path) -> None:
    grants, segmenter = InMemoryPlaybackGrants(), InMemorySegmenter(tmp_path)
    grants.revoked.add("alice")  # disabled, lost `playback`, or signed out
    with pytest.raises(NotFound):
        await authorize(sessions, grants, segmenter).execute("s1", TOKEN)
    assert await sessions.get("s1") is None and segmenter.stopped == ["s1"]


async def test_an_expired_token_is_refused_even_for_a_live_session(
        sessions: InMemoryPlaybackSessions) -> None:
    stale = sign_media_token(KEY, MediaClaims("alice", "s1", "f1", int(NOW)))
    with pytest.raises(AuthenticationFailed):
        await authorize(sessions).execute("s1", stale)
