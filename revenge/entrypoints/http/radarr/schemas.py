"""Request and response bodies of the Radarr admin API and webhook receiver."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from revenge.application.radarr.records import Delivery, RadarrStatus, StoredConflict
from revenge.domain.radarr.model import QualityProfile, RootFolder
from revenge.domain.radarr.settings import RadarrSettings

Interval = Annotated[int, msgspec.Meta(ge=5, le=10080, examples=[60])]


class PathMappingBody(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    remote: Annotated[str, msgspec.Meta(examples=["C:\\Movies", "/movies"])]
    local: Annotated[str, msgspec.Meta(examples=["/media/movies"])]


class SettingsBody(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """`api_key` is write-only: leave it out to keep the saved one."""

    url: Annotated[str, msgspec.Meta(examples=["http://radarr:7878"])]
    api_key: str | None = None
    path_mappings: list[PathMappingBody] = msgspec.field(default_factory=list)
    sync_interval_minutes: Interval | None = None
    enabled: bool = True


class SettingsView(msgspec.Struct, frozen=True, kw_only=True):
    """The key itself is never shown; `api_key_set` says whether one is saved."""

    url: str | None
    api_key_set: bool
    path_mappings: list[PathMappingBody]
    sync_interval_minutes: int | None
    enabled: bool
    updated_at: datetime | None

    @classmethod
    def of(cls, settings: RadarrSettings | None) -> SettingsView:
        if settings is None:
            return cls(url=None, api_key_set=False, path_mappings=[],
                       sync_interval_minutes=None, enabled=False, updated_at=None)
        return cls(url=settings.url, api_key_set=settings.api_key is not None,
                   path_mappings=[PathMappingBody(remote=m.remote, local=m.local)
                                  for m in settings.path_mappings],
                   sync_interval_minutes=settings.sync_interval_minutes,
                   enabled=settings.enabled, updated_at=settings.updated_at)


class ConnectionCheckBody(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Values to try before saving them; left out, the saved ones are tried."""

    url: str | None = None
    api_key: str | None = None


class SyncBody(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    mode: Literal["full", "incremental"] = "incremental"


class SyncAccepted(msgspec.Struct, frozen=True):
    job_id: str


class ConflictView(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    kind: str
    radarr_movie_id: int
    movie_id: str | None
    tmdb_id: int | None
    radarr_path: str | None
    our_paths: list[str]
    detail: str
    opened_at: datetime

    @classmethod
    def of(cls, stored: StoredConflict) -> ConflictView:
        c = stored.conflict
        return cls(key=c.key, kind=c.kind, radarr_movie_id=c.radarr_movie_id,
                   movie_id=c.movie_id, tmdb_id=c.tmdb_id, radarr_path=c.radarr_path,
                   our_paths=list(c.our_paths), detail=c.detail, opened_at=stored.opened_at)


class DeliveryView(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    event_type: str
    summary: str
    received_at: datetime
    applied_at: datetime | None
    job_id: str | None
    outcome: dict[str, int | str] | None

    @classmethod
    def of(cls, delivery: Delivery) -> DeliveryView:
        return cls(key=delivery.key, event_type=delivery.event_type, summary=delivery.summary,
                   received_at=delivery.received_at, applied_at=delivery.applied_at,
                   job_id=delivery.job_id, outcome=delivery.outcome)


class LastSync(msgspec.Struct, frozen=True, kw_only=True):
    mode: str | None
    status: str | None
    error: str | None
    started_at: datetime | None
    finished_at: datetime | None
    last_full_at: datetime | None
    counts: dict[str, int]
    radarr_version: str | None


class StatusView(msgspec.Struct, frozen=True, kw_only=True):
    configured: bool
    enabled: bool
    last_sync: LastSync
    linked_movies: int
    downloading: int
    open_conflicts: int
    conflicts: list[ConflictView]
    recent_events: list[DeliveryView]

    @classmethod
    def of(cls, status: RadarrStatus) -> StatusView:
        s = status.state
        return cls(configured=status.configured, enabled=status.enabled,
                   last_sync=LastSync(mode=s.last_mode, status=s.last_status,
                                      error=s.last_error, started_at=s.last_started_at,
                                      finished_at=s.last_finished_at,
                                      last_full_at=s.last_full_at, counts=s.last_counts,
                                      radarr_version=s.radarr_version),
                   linked_movies=status.linked_movies, downloading=status.downloading,
                   open_conflicts=status.open_conflicts,
                   conflicts=[ConflictView.of(c) for c in status.conflicts],
                   recent_events=[DeliveryView.of(d) for d in status.recent_deliveries])


class ConflictList(msgspec.Struct, frozen=True):
    items: list[ConflictView]
    next_cursor: str | None
    total: int


class ProfileList(msgspec.Struct, frozen=True):
    items: list[QualityProfile]
    next_cursor: str | None
    total: int


class RootFolderList(msgspec.Struct, frozen=True):
    items: list[RootFolder]
    next_cursor: str | None
    total: int


class WebhookReceipt(msgspec.Struct, frozen=True, kw_only=True):
    """`duplicate`: this delivery was received before (and is not applied again)."""

    event_type: str
    duplicate: bool
    job_id: str | None
