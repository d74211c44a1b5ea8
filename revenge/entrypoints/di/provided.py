"""The one typed seam between the entrypoints and the container: a use case (or a port,
or the settings) is asked for by its class, never by a provider's name.

`Provided(container).get(ListMovies)` answers a `ListMovies`, so mypy follows a handler
or an actor into the use case it calls and a renamed class fails the type check, not a
request. Which provider gives a class is read once from the container's named providers
(sub-containers included; a `Selector` counts as the branch its profile picks), so the
container stays the single place where things are wired.

A port is asked for by its Protocol: the one named provider whose class has all of the
Protocol's members answers it. Two candidates are a wiring mistake, reported with both
names when the seam is built, not guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar, cast

from dependency_injector import containers, providers
from typing_extensions import get_protocol_members, is_protocol

T = TypeVar("T")

_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def name_of(kind: type[Any]) -> str:
    """The dependency name a class is injected under: `RequestLibraryScan` →
    `request_library_scan` (a handler's parameter of that name receives it)."""
    return _WORD_START.sub("_", kind.__name__).lower()


class Provided:
    """Class → provider, read from one container; `get` calls the provider (a singleton
    answers the same object each time, a factory a new one)."""

    def __init__(self, container: containers.Container) -> None:
        self._candidates: dict[type[Any], list[tuple[str, providers.Provider[Any]]]] = {}
        for path, cls, provider in _named_providers(container):
            self._candidates.setdefault(cls, []).append((path, provider))
        self._chosen: dict[type[Any], providers.Provider[Any]] = {}

    def get(self, kind: Callable[..., T]) -> T:
        # Typed as a callable, not `type[T]`: mypy refuses a Protocol for `type[T]`.
        cls = cast(type[Any], kind)
        provider = self._chosen.get(cls)
        if provider is None:  # a provider's truth value is not ours to rely on
            provider = self.provider_of(cls)
        return cast(T, provider())

    def provider_of(self, kind: type[Any]) -> providers.Provider[Any]:
        """The provider that gives `kind`; LookupError names what is missing or twice."""
        exact = self._candidates.get(kind, [])
        chosen = exact if len(exact) == 1 else [
            pair for cls, named in self._candidates.items() if _gives(cls, kind)
            for pair in named]
        if len(chosen) != 1:
            paths = ", ".join(sorted(path for path, _ in chosen)) or "none"
            raise LookupError(f"{kind.__name__}: expected one provider, found {paths}")
        self._chosen[kind] = chosen[0][1]
        return chosen[0][1]

    def check(self, kinds: Iterable[type[Any]]) -> None:
        """Resolve every provider up front, so a wiring mistake stops the start."""
        for kind in kinds:
            self.provider_of(kind)


def _gives(cls: type[Any], kind: type[Any]) -> bool:
    if is_protocol(kind):
        return all(hasattr(cls, member) for member in get_protocol_members(kind))
    return issubclass(cls, kind)


def _named_providers(container: containers.Container, prefix: str = ""
                     ) -> Iterator[tuple[str, type[Any], providers.Provider[Any]]]:
    named: Mapping[str, providers.Provider[Any]] = container.providers
    profile = named["profile"]() if "profile" in named else None
    for name, provider in named.items():
        path = f"{prefix}{name}"
        if isinstance(provider, providers.Container):
            yield from _named_providers(provider.container, f"{path}.")
        elif isinstance(provider, providers.Dependency):
            # A sub-container's dependency is the parent's provider again; the root's
            # (the settings) is the real thing.
            if not prefix and isinstance(provider.instance_of, type):
                yield path, provider.instance_of, provider
        elif (cls := _class_of(provider, profile)) is not None:
            yield path, cls, provider


def _class_of(provider: providers.Provider[Any], profile: Any) -> type[Any] | None:
    if isinstance(provider, providers.Selector):
        branch = provider.providers.get(profile)
        return None if branch is None else _class_of(branch, profile)
    cls = getattr(provider, "cls", None)
    return cls if isinstance(cls, type) and cls is not object else None
