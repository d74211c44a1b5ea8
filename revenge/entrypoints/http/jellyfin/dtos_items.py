"""Jellyfin 10.10's item, media and playback bodies (PascalCase; a value we lack is
left out, as Jellyfin does: see nulls.py)."""

from __future__ import annotations

from datetime import datetime

import msgspec


class _Dto(msgspec.Struct, frozen=True, kw_only=True, rename="pascal", omit_defaults=True):
    """Every default is None, so `omit_defaults` leaves out exactly the values we lack
    (see nulls.py); a constant is passed explicitly, never a default (it would vanish)."""


class NameGuidPair(_Dto, frozen=True, kw_only=True):
    name: str
    id: str


class UserItemData(_Dto, frozen=True, kw_only=True):
    played_percentage: float | None = None
    playback_position_ticks: int
    play_count: int
    is_favorite: bool
    last_played_date: datetime | None = None
    played: bool
    key: str
    item_id: str


class Person(_Dto, frozen=True, kw_only=True):
    name: str
    id: str
    role: str | None = None
    type: str
    primary_image_tag: str | None = None


class MediaStream(_Dto, frozen=True, kw_only=True):

    codec: str | None = None
    language: str | None = None
    title: str | None = None
    display_title: str | None = None
    profile: str | None = None
    is_interlaced: bool
    is_default: bool
    is_forced: bool
    is_hearing_impaired: bool
    height: int | None = None
    width: int | None = None
    bit_rate: int | None = None
    channels: int | None = None
    channel_layout: str | None = None
    sample_rate: int | None = None
    real_frame_rate: float | None = None
    bit_depth: int | None = None
    video_range: str | None = None
    video_range_type: str | None = None
    type: str
    index: int
    is_external: bool
    is_text_subtitle_stream: bool
    supports_external_stream: bool
    delivery_method: str | None = None
    delivery_url: str | None = None
    level: float | None = None


class MediaSource(_Dto, frozen=True, kw_only=True):

    protocol: str
    id: str
    path: str | None = None
    type: str
    container: str | None = None
    size: int | None = None
    name: str | None = None
    is_remote: bool
    run_time_ticks: int | None = None
    read_at_native_framerate: bool
    ignore_dts: bool
    ignore_index: bool
    gen_pts_input: bool
    supports_transcoding: bool
    supports_direct_stream: bool
    supports_direct_play: bool
    is_infinite_stream: bool
    requires_opening: bool
    requires_closing: bool
    requires_looping: bool
    supports_probing: bool
    video_type: str
    media_streams: list[MediaStream]
    media_attachments: list[str]
    formats: list[str]
    bitrate: int | None = None
    required_http_headers: dict[str, str]
    transcoding_url: str | None = None
    transcoding_sub_protocol: str | None = None
    transcoding_container: str | None = None
    default_audio_stream_index: int | None = None
    default_subtitle_stream_index: int | None = None
    has_segments: bool


class BaseItem(_Dto, frozen=True, kw_only=True):

    name: str
    original_title: str | None = None
    server_id: str
    id: str
    etag: str | None = None
    date_created: datetime | None = None
    can_delete: bool | None = None
    can_download: bool | None = None
    container: str | None = None
    sort_name: str | None = None
    premiere_date: datetime | None = None
    external_urls: list[dict[str, str]] | None = None
    media_sources: list[MediaSource] | None = None
    critic_rating: float | None = None
    path: str | None = None
    official_rating: str | None = None
    overview: str | None = None
    taglines: list[str] | None = None
    genres: list[str] | None = None
    community_rating: float | None = None
    run_time_ticks: int | None = None
    production_year: int | None = None
    provider_ids: dict[str, str] | None = None
    is_folder: bool
    parent_id: str | None = None
    type: str
    people: list[Person] | None = None
    genre_items: list[NameGuidPair] | None = None
    user_data: UserItemData | None = None
    child_count: int | None = None
    collection_type: str | None = None
    media_streams: list[MediaStream] | None = None
    video_type: str | None = None
    location_type: str | None = None
    media_type: str | None = None
    image_tags: dict[str, str] | None = None
    backdrop_image_tags: list[str] | None = None
    primary_image_aspect_ratio: float | None = None
    movie_count: int | None = None
    has_subtitles: bool | None = None
    extra_type: str | None = None
    local_trailer_count: int | None = None
    special_feature_count: int | None = None


class ItemsResult(_Dto, frozen=True, kw_only=True):
    items: list[BaseItem]
    total_record_count: int
    start_index: int


class PlaybackInfoResponse(_Dto, frozen=True, kw_only=True):
    media_sources: list[MediaSource]
    play_session_id: str | None = None


class QueryFilters(_Dto, frozen=True, kw_only=True):
    genres: list[NameGuidPair]
    tags: list[str]


class QueryFiltersLegacy(_Dto, frozen=True, kw_only=True):
    genres: list[str]
    tags: list[str]
    official_ratings: list[str]
    years: list[int]


class SearchHint(_Dto, frozen=True, kw_only=True):
    item_id: str
    id: str
    name: str
    production_year: int | None = None
    primary_image_tag: str | None = None
    type: str
    is_folder: bool
    run_time_ticks: int | None = None
    media_type: str


class SearchHintResult(_Dto, frozen=True, kw_only=True):
    search_hints: list[SearchHint]
    total_record_count: int
