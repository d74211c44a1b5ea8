"""Jellyfin 10.10's system, user and session bodies (PascalCase; a value we lack is
left out, as Jellyfin does)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.entrypoints.http.jellyfin.nulls import leave_out_nulls

VERSION = "10.10.7"  # the Jellyfin API generation these answers follow
PRODUCT = "Jellyfin Server"


class _Dto(msgspec.Struct, frozen=True, kw_only=True, rename="pascal"):
    def __post_init__(self) -> None:
        leave_out_nulls(self)


class PublicSystemInfo(_Dto, frozen=True, kw_only=True):
    local_address: str
    server_name: str
    version: str = VERSION
    product_name: str = PRODUCT
    operating_system: str = ""
    id: str
    startup_wizard_completed: bool = True


class SystemInfo(_Dto, frozen=True, kw_only=True):
    local_address: str
    server_name: str
    version: str = VERSION
    product_name: str = PRODUCT
    operating_system: str = ""
    id: str
    startup_wizard_completed: bool = True
    operating_system_display_name: str = ""
    package_name: str = "revenge"
    has_pending_restart: bool
    is_shutting_down: bool
    supports_library_monitor: bool
    web_socket_port_number: int
    completed_installations: list[str]
    can_self_restart: bool
    can_launch_web_browser: bool
    cast_receiver_applications: list[str]
    has_update_available: bool
    system_architecture: str = "X64"


class BrandingOptions(_Dto, frozen=True, kw_only=True):
    login_disclaimer: str = ""
    custom_css: str = ""
    splashscreen_enabled: bool


class UserConfiguration(_Dto, frozen=True, kw_only=True):
    play_default_audio_track: bool = True
    subtitle_language_preference: str = ""
    display_missing_episodes: bool
    grouped_folders: list[str]
    subtitle_mode: str = "Default"
    display_collections_view: bool
    enable_local_password: bool
    ordered_views: list[str]
    latest_items_excludes: list[str]
    my_media_excludes: list[str]
    hide_played_in_latest: bool
    remember_audio_selections: bool
    remember_subtitle_selections: bool
    enable_next_episode_auto_play: bool


class UserPolicy(_Dto, frozen=True, kw_only=True):
    is_administrator: bool
    is_hidden: bool
    enable_collection_management: bool
    enable_subtitle_management: bool
    enable_lyric_management: bool
    is_disabled: bool
    blocked_tags: list[str]
    allowed_tags: list[str]
    enable_user_preference_access: bool
    access_schedules: list[str]
    block_unrated_items: list[str]
    enable_remote_control_of_other_users: bool
    enable_shared_device_control: bool
    enable_remote_access: bool
    enable_live_tv_management: bool
    enable_live_tv_access: bool
    enable_media_playback: bool
    enable_audio_playback_transcoding: bool
    enable_video_playback_transcoding: bool
    enable_playback_remuxing: bool
    force_remote_source_transcoding: bool
    enable_content_deletion: bool
    enable_content_deletion_from_folders: list[str]
    enable_content_downloading: bool
    enable_sync_transcoding: bool
    enable_media_conversion: bool
    enabled_devices: list[str]
    enable_all_devices: bool
    enabled_channels: list[str]
    enable_all_channels: bool
    enabled_folders: list[str]
    enable_all_folders: bool
    invalid_login_attempt_count: int
    login_attempts_before_lockout: int
    max_active_sessions: int
    enable_public_sharing: bool
    blocked_media_folders: list[str]
    blocked_channels: list[str]
    remote_client_bitrate_limit: int
    authentication_provider_id: str = "Revenge"
    password_reset_provider_id: str = "Revenge"  # noqa: S105
    sync_play_access: str = "None"


class UserDto(_Dto, frozen=True, kw_only=True):
    name: str
    server_id: str
    id: str
    has_password: bool
    has_configured_password: bool
    has_configured_easy_password: bool
    enable_auto_login: bool
    last_login_date: datetime | None = None
    last_activity_date: datetime | None = None
    configuration: UserConfiguration
    policy: UserPolicy


class PlayerState(_Dto, frozen=True, kw_only=True):
    can_seek: bool
    is_paused: bool
    is_muted: bool
    repeat_mode: str = "RepeatNone"
    playback_order: str = "Default"


class ClientCapabilities(_Dto, frozen=True, kw_only=True):
    playable_media_types: list[str]
    supported_commands: list[str]
    supports_media_control: bool
    supports_persistent_identifier: bool


class SessionInfo(_Dto, frozen=True, kw_only=True):
    play_state: PlayerState
    additional_users: list[str]
    capabilities: ClientCapabilities
    remote_end_point: str = ""
    playable_media_types: list[str]
    id: str
    user_id: str
    user_name: str
    client: str = ""
    last_activity_date: datetime
    device_name: str = ""
    device_id: str = ""
    application_version: str = ""
    is_active: bool
    supports_media_control: bool
    supports_remote_control: bool
    has_custom_device_name: bool
    server_id: str
    supported_commands: list[str]


class AuthenticationResult(_Dto, frozen=True, kw_only=True):
    user: UserDto
    session_info: SessionInfo
    access_token: str
    server_id: str


class AuthenticateByName(msgspec.Struct, frozen=True, kw_only=True):
    """The login body; apps send `Username` and `Pw` (some older ones `username`/`pw`)."""

    username: str = msgspec.field(default="", name="Username")
    pw: str = msgspec.field(default="", name="Pw")
