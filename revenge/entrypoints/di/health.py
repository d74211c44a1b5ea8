"""Health context: readiness probes and migration state."""

from __future__ import annotations

from typing import Any

from dependency_injector import containers, providers

from revenge.adapters.postgres.migrations import MigrationRunner, default_directory, load_migrations
from revenge.application.health.check_readiness import CheckReadiness
from revenge.application.health.check_startup import CheckStartup
from revenge.application.health.startup import MigrationsProbe, StartupState
from revenge.entrypoints.config import Config


class NoMigrations:
    """The memory profile has no schema to migrate."""

    async def pending(self) -> list[str]:
        return []

    async def up(self) -> list[str]:
        return []


class HealthContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    migrations = providers.Selector(
        profile,
        real=providers.Singleton(
            MigrationRunner,
            settings.provided.database_url,
            providers.Callable(lambda: load_migrations(default_directory())),
        ),
        memory=providers.Singleton(NoMigrations),
    )

    startup_state = providers.Singleton(StartupState)
    check_startup = providers.Singleton(CheckStartup, startup_state, migrations)
    # Probes of other contexts (search); the app container passes them in.
    extra_probes: providers.Dependency[list[Any]] = providers.Dependency(default=[])
    probes = providers.Callable(
        lambda core_probes, state, extra: [*core_probes, MigrationsProbe(state), *extra],
        core.probes,
        startup_state,
        extra_probes,
    )
    check_readiness = providers.Singleton(
        CheckReadiness, probes, timeout_seconds=settings.provided.readiness_timeout_seconds,
        reuse_seconds=0.5,
    )
