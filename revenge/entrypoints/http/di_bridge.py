"""Handlers receive use cases typed by their class: `uses(MarkWatched)` is a Litestar
dependency named `mark_watched`, and a handler's `mark_watched: Uses[MarkWatched]`
parameter gets the container's `MarkWatched` (see `di.provided`). No handler reaches
into the container.

Every class asked for is remembered, and `bind` resolves them all when the app is
built, so a use case the container lacks stops the start instead of a request.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias, TypeVar

from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import SkipValidation

from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided, name_of

T = TypeVar("T")

# mypy sees T; Litestar injects by the parameter's name, insists it is provided, and does
# not re-check the object's type (a port's Protocol is not runtime-checkable, and the
# container is trusted).
Uses: TypeAlias = NamedDependency[SkipValidation[T]]

PROVIDED_KEY = "revenge_provided"
CONTAINER_KEY = "revenge_container"  # the container itself: the lifecycle and tests only

_ASKED_FOR: set[type[Any]] = set()


def uses(*kinds: type[Any]) -> dict[str, Provide]:
    """The dependencies of a controller or router: each class under `name_of(class)`."""
    _ASKED_FOR.update(kinds)
    return {name_of(kind): Provide(_resolver(kind), sync_to_thread=False) for kind in kinds}


def _resolver(kind: type[T]) -> Callable[[State], T]:
    def resolve(state: State) -> T:
        provided: Provided = state[PROVIDED_KEY]
        return provided.get(kind)

    return resolve


def bind(container: AppContainer) -> Provided:
    """The app's seam to its container, checked against everything `uses` was asked."""
    provided = Provided(container)
    provided.check(_ASKED_FOR)
    return provided


def provided_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Provided:
    """For code that is not a handler (guards, middleware, helpers shared by handlers),
    or a hot route that avoids a dependency: `provided_of(request).get(CachedMovieLists)`."""
    provided: Provided = connection.app.state[PROVIDED_KEY]
    return provided

