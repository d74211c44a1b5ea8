"""Jellyfin's user and session bodies from ours."""

from __future__ import annotations

from datetime import datetime

from revenge.application.identity.views import UserView
from revenge.application.shared.principal import Principal
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.jellyfin.auth import ClientHeader
from revenge.entrypoints.http.jellyfin.dtos_users import (
    ClientCapabilities,
    PlayerState,
    SessionInfo,
    UserConfiguration,
    UserDto,
    UserPolicy,
)
from revenge.entrypoints.http.jellyfin.ids import jf_id

ADMIN = frozenset({Permission.USERS_MANAGE.value, Permission.SETTINGS_MANAGE.value})


def user_dto(user: UserView, server_id: str, permissions: set[str] | None = None) -> UserDto:
    granted = set(user.permissions) if permissions is None else permissions
    return UserDto(name=user.username, server_id=server_id, id=jf_id(user.id),
                   has_password=True, has_configured_password=True,
                   has_configured_easy_password=False, enable_auto_login=False,
                   configuration=_configuration(), policy=_policy(granted, user.disabled))


def principal_permissions(principal: Principal) -> set[str]:
    return {p.value for p in principal.permissions}


def _configuration() -> UserConfiguration:
    return UserConfiguration(display_missing_episodes=False, grouped_folders=[],
                             display_collections_view=False, enable_local_password=False,
                             ordered_views=[], latest_items_excludes=[], my_media_excludes=[],
                             hide_played_in_latest=True, remember_audio_selections=True,
                             remember_subtitle_selections=True,
                             enable_next_episode_auto_play=False)


def _policy(granted: set[str], disabled: bool) -> UserPolicy:
    plays = Permission.PLAYBACK.value in granted
    manages = Permission.LIBRARY_MANAGE.value in granted
    return UserPolicy(
        is_administrator=bool(ADMIN & granted), is_hidden=True,
        enable_collection_management=manages, enable_subtitle_management=manages,
        enable_lyric_management=False, is_disabled=disabled, blocked_tags=[], allowed_tags=[],
        enable_user_preference_access=True, access_schedules=[], block_unrated_items=[],
        enable_remote_control_of_other_users=False, enable_shared_device_control=False,
        enable_remote_access=True, enable_live_tv_management=False,
        enable_live_tv_access=False, enable_media_playback=plays,
        enable_audio_playback_transcoding=plays, enable_video_playback_transcoding=plays,
        enable_playback_remuxing=plays, force_remote_source_transcoding=False,
        enable_content_deletion=False, enable_content_deletion_from_folders=[],
        enable_content_downloading=plays, enable_sync_transcoding=False,
        enable_media_conversion=False, enabled_devices=[], enable_all_devices=True,
        enabled_channels=[], enable_all_channels=False, enabled_folders=[],
        enable_all_folders=True, invalid_login_attempt_count=0,
        login_attempts_before_lockout=-1, max_active_sessions=0, enable_public_sharing=False,
        blocked_media_folders=[], blocked_channels=[], remote_client_bitrate_limit=0)


def session_info(session_id: str, user: UserView, client: ClientHeader, server_id: str,
                 now: datetime, address: str) -> SessionInfo:
    return SessionInfo(
        play_state=PlayerState(can_seek=False, is_paused=False, is_muted=False),
        additional_users=[], capabilities=ClientCapabilities(
            playable_media_types=[], supported_commands=[], supports_media_control=False,
            supports_persistent_identifier=True),
        remote_end_point=address, playable_media_types=[], id=jf_id(session_id),
        user_id=jf_id(user.id), user_name=user.username, client=client.client,
        last_activity_date=now, device_name=client.device, device_id=client.device_id,
        application_version=client.version, is_active=True, supports_media_control=False,
        supports_remote_control=False, has_custom_device_name=False, server_id=server_id,
        supported_commands=[])
