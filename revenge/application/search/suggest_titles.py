"""Autocomplete: title suggestions while typing, from the index or else the fallback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable

import msgspec

from revenge.application.search.ports import IndexVerifier, SearchReader
from revenge.application.search.read_models import Suggestions
from revenge.application.search.trust import IndexIncomplete, trusted
from revenge.domain.errors import Unavailable
from revenge.domain.search.query import MAX_SUGGESTIONS, checked_prefix

log = logging.getLogger(__name__)


class SuggestTitlesCommand(msgspec.Struct, frozen=True, kw_only=True):
    prefix: str
    limit: int = MAX_SUGGESTIONS


class SuggestTitles:
    """Raises `InvalidSearch` for an empty prefix or a limit over ten."""

    def __init__(self, index: SearchReader, fallback: SearchReader,
                 *, verifier: IndexVerifier | None = None, timeout_seconds: float = 1.0) -> None:
        self._index = index
        self._fallback = fallback
        self._verifier = verifier
        self._timeout = timeout_seconds

    async def execute(self, command: SuggestTitlesCommand) -> Suggestions:
        prefix, limit = checked_prefix(command.prefix, command.limit)
        def suggest() -> Awaitable[Suggestions]:
            return self._index.autocomplete(prefix, limit)

        try:
            return await asyncio.wait_for(trusted(self._verifier, suggest), self._timeout)
        except IndexIncomplete as exc:
            log.info("search index incomplete, suggesting from the fallback: %s", exc)
        except (Unavailable, TimeoutError) as exc:
            log.warning("search index unavailable, suggesting from the fallback: %s", exc)
        except Exception:  # a bug or an unexpected answer: search must still answer
            log.exception("search index failed, answering from the fallback")
        result = await self._fallback.autocomplete(prefix, limit)
        return msgspec.structs.replace(result, degraded=True)
