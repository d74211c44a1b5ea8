"""Check a Radarr connection (the saved one, or values about to be saved): its version,
or exactly why it fails."""

from __future__ import annotations

from urllib.parse import urlsplit

import msgspec

from revenge.application.radarr.common import API_KEY_PLACE, UnitOfWorkFactory, saved_settings
from revenge.application.radarr.ports import RadarrConnector
from revenge.application.shared.secrets import SecretBox
from revenge.domain.errors import DomainError, NotFound, Unavailable
from revenge.domain.radarr.errors import RadarrNotConfigured, RadarrRefused
from revenge.domain.radarr.settings import (
    checked_api_key,
    checked_url,
    redacted,
    without_credentials,
)


class CheckRadarrConnectionCommand(msgspec.Struct, frozen=True, kw_only=True):
    """Values to try instead of the saved ones (either may be left out)."""

    url: str | None = None
    api_key: str | None = None


class ConnectionReport(msgspec.Struct, frozen=True, kw_only=True):
    ok: bool
    version: str | None = None
    app_name: str | None = None
    instance_name: str | None = None
    error: str | None = None
    reason: str | None = None  # "refused", "not_found", "bad_answer", "unreachable"


class CheckRadarrConnection:
    def __init__(self, unit_of_work: UnitOfWorkFactory, box: SecretBox,
                 connector: RadarrConnector) -> None:
        self._unit_of_work = unit_of_work
        self._box = box
        self._connector = connector

    async def execute(self, command: CheckRadarrConnectionCommand) -> ConnectionReport:
        """A failure of Radarr is reported, not raised; `RadarrNotConfigured` when
        neither the command nor the saved settings give a URL and a key."""
        url, api_key = await self._target(command)
        try:
            async with self._connector.connect(url, api_key) as radarr:
                status = await radarr.system_status()
        except RadarrRefused as exc:
            return _failed(exc.detail, "refused", url, api_key)
        except NotFound:
            return _failed(f"no Radarr API at {without_credentials(url)} (HTTP 404): check "
                           "the URL and Radarr's URL base", "not_found", url, api_key)
        except DomainError as exc:
            return _failed(exc.detail, "bad_answer", url, api_key)
        except Unavailable as exc:
            return _failed(exc.detail, "unreachable", url, api_key)
        return ConnectionReport(ok=True, version=status.version, app_name=status.app_name,
                                instance_name=status.instance_name)

    async def _target(self, command: CheckRadarrConnectionCommand) -> tuple[str, str]:
        saved = await saved_settings(self._unit_of_work)
        url = command.url or (saved.url if saved else None)
        api_key = command.api_key
        if api_key is None and saved is not None and saved.api_key is not None:
            api_key = self._box.decrypt(saved.api_key, API_KEY_PLACE).decode()
        if not url or not api_key:
            raise RadarrNotConfigured("give a url and an api_key, or save them first")
        return checked_url(url), checked_api_key(api_key)


def _failed(error: str, reason: str, url: str, api_key: str) -> ConnectionReport:
    """The report of a failure; it never repeats the key or a password from the URL."""
    return ConnectionReport(ok=False, reason=reason,
                            error=redacted(error, api_key, urlsplit(url).password))
