"""Radarr context: the HTTP gateway, the sealing of its API key, records, use cases.

Same provider names in both profiles; they differ in where records go. Radarr itself is
reached over HTTP in both (tests override `connector` with the in-memory Radarr, and
`disk` with the in-memory disk).
"""

from __future__ import annotations

from dependency_injector import containers, providers

from revenge.adapters.crypto.aead import AesGcmSecretBox, generate_key, load_keys
from revenge.adapters.memory.radarr_records import (
    InMemoryRadarrQueries,
    InMemoryRadarrUnitOfWork,
)
from revenge.adapters.postgres.radarr_queries import PostgresRadarrQueries
from revenge.adapters.postgres.radarr_unit_of_work import PostgresRadarrUnitOfWork
from revenge.adapters.radarr.client import RadarrClientSettings
from revenge.adapters.radarr.disk import OsLocalDisk
from revenge.adapters.radarr.gateway import HttpRadarrConnector
from revenge.application.radarr.apply_media_updated import ApplyMediaUpdated
from revenge.application.radarr.check_connection import CheckRadarrConnection
from revenge.application.radarr.handle_webhook import HandleRadarrWebhook
from revenge.application.radarr.list_radarr_options import ListRadarrOptions
from revenge.application.radarr.receive_webhook import ReceiveRadarrWebhook
from revenge.application.radarr.request_sync import RequestRadarrSync
from revenge.application.radarr.rotate_secrets import RadarrSecrets
from revenge.application.radarr.save_settings import SaveRadarrSettings
from revenge.application.radarr.schedule_sync import ScheduleRadarrSync
from revenge.application.radarr.sync_radarr import SyncRadarr
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.common import new_id, utc_now
from revenge.entrypoints.di.library import match_job


def secret_box(settings: Config) -> AesGcmSecretBox:
    """Keys from REVENGE_ENCRYPTION_KEYS, else the data dir's key file (made once)."""
    return AesGcmSecretBox(load_keys(settings.encryption_keys, settings.data_path))


def client_settings(settings: Config) -> RadarrClientSettings:
    return RadarrClientSettings(timeout_seconds=settings.radarr_timeout_seconds)


class RadarrContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    jobs = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    clock = providers.Object(utc_now)
    ids = providers.Object(new_id)
    match_job = providers.Callable(match_job, settings)
    secret_box = providers.Selector(
        profile,
        real=providers.Singleton(secret_box, settings),
        memory=providers.Singleton(AesGcmSecretBox, providers.List(
            providers.Callable(generate_key))),
    )
    connector = providers.Singleton(HttpRadarrConnector,
                                    providers.Callable(client_settings, settings))
    disk = providers.Singleton(OsLocalDisk)

    unit_of_work = providers.Selector(
        profile,
        real=providers.Factory(PostgresRadarrUnitOfWork, core.database,
                               job_queue=jobs.job_queue.provider),
        memory=providers.Factory(InMemoryRadarrUnitOfWork, core.memory_state,
                                 job_queue=jobs.job_queue.provider),
    )
    queries = providers.Selector(
        profile,
        real=providers.Singleton(PostgresRadarrQueries, core.database),
        memory=providers.Singleton(InMemoryRadarrQueries, core.memory_state),
    )
    # Stores of sealed secrets, for `revenge secrets rotate`.
    stored_secrets = providers.List(providers.Singleton(RadarrSecrets, unit_of_work.provider))

    save_settings = providers.Factory(SaveRadarrSettings, unit_of_work.provider, secret_box,
                                      clock)
    check_connection = providers.Factory(CheckRadarrConnection, unit_of_work.provider,
                                         secret_box, connector)
    options = providers.Factory(ListRadarrOptions, unit_of_work.provider, secret_box,
                                connector)
    request_sync = providers.Factory(RequestRadarrSync, unit_of_work.provider)
    schedule_sync = providers.Factory(ScheduleRadarrSync, unit_of_work.provider, clock)
    sync = providers.Factory(SyncRadarr, unit_of_work.provider, secret_box, connector, disk,
                             clock, ids, match_job)
    receive_webhook = providers.Factory(ReceiveRadarrWebhook, unit_of_work.provider, clock)
    handle_webhook = providers.Factory(HandleRadarrWebhook, unit_of_work.provider, disk, clock,
                                       ids, match_job)
    apply_media_updated = providers.Factory(ApplyMediaUpdated, unit_of_work.provider)
