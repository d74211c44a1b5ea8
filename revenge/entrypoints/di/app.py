"""The application container: one sub-container per context, composed here only."""

from __future__ import annotations

from typing import Literal

from dependency_injector import containers, providers

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.catalog import CatalogContainer
from revenge.entrypoints.di.core import CoreContainer
from revenge.entrypoints.di.health import HealthContainer
from revenge.entrypoints.di.identity import IdentityContainer
from revenge.entrypoints.di.jobs import JobsContainer
from revenge.entrypoints.di.library import LibraryContainer
from revenge.entrypoints.di.metadata import MetadataContainer
from revenge.entrypoints.di.mfa import MfaContainer
from revenge.entrypoints.di.playback import PlaybackContainer
from revenge.entrypoints.di.radarr import RadarrContainer
from revenge.entrypoints.di.search import SearchContainer

Profile = Literal["real", "memory"]


class AppContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    core = providers.Container(CoreContainer, settings=settings, profile=profile)
    jobs = providers.Container(JobsContainer, core=core, settings=settings, profile=profile,
                               memory_state=core.memory_state)
    identity = providers.Container(IdentityContainer, core=core, settings=settings,
                                   profile=profile)
    mfa = providers.Container(MfaContainer, core=core, identity=identity, settings=settings,
                              profile=profile)
    catalog = providers.Container(CatalogContainer, core=core, jobs=jobs, settings=settings,
                                  profile=profile)
    search = providers.Container(SearchContainer, core=core, jobs=jobs, settings=settings,
                                 profile=profile)
    playback = providers.Container(PlaybackContainer, core=core, catalog=catalog,
                                   identity=identity, settings=settings, profile=profile)
    library = providers.Container(LibraryContainer, core=core, jobs=jobs, settings=settings,
                                  profile=profile, media_probe=playback.media_probe)
    metadata = providers.Container(MetadataContainer, core=core, jobs=jobs, settings=settings,
                                   profile=profile)
    radarr = providers.Container(RadarrContainer, core=core, jobs=jobs, settings=settings,
                                 profile=profile)
    health = providers.Container(HealthContainer, core=core, settings=settings, profile=profile,
                                 extra_probes=providers.Callable(
                                     lambda *groups: [p for g in groups for p in g],
                                     search.probes, playback.probes))


def build_container(settings: Config, profile: Profile = "real") -> AppContainer:
    """The HTTP server, the worker and the CLI all build their container here."""
    container = AppContainer(settings=settings, profile=profile)
    container.identity.second_factor_gate.override(container.mfa.login_gate)
    return container
