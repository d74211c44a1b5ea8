"""Downloads from the provider's image host only: no redirects, a size cap, retries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import httpx
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from revenge.domain.errors import NotFound, RuleViolation, Unavailable

BaseUrl = Callable[[], Awaitable[str]]


class _Transient(Exception):
    pass


class ImageDownloader:
    """GETs `<base>/original/<file>` where `<base>` is the configured image base URL
    (TMDb's /configuration by default). A redirect is refused whatever its target:
    the allow-list is exactly the configured host."""

    def __init__(self, base_url: BaseUrl, *, max_bytes: int, timeout_seconds: float = 20.0,
                 attempts: int = 3, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._base_url = base_url
        self._max_bytes = max_bytes
        self._attempts = attempts
        self._http = httpx.AsyncClient(timeout=timeout_seconds, follow_redirects=False,
                                       transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    async def download(self, source_path: str) -> bytes:
        url = await self._url(source_path)
        retrying = AsyncRetrying(stop=stop_after_attempt(self._attempts), reraise=True,
                                 wait=wait_exponential(multiplier=0.2, max=2),
                                 retry=retry_if_exception_type(_Transient))
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._get(url)
        except _Transient as exc:
            raise Unavailable("image host", str(exc)) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def _url(self, source_path: str) -> str:
        base = (await self._base_url()).rstrip("/")
        if urlsplit(base).scheme not in ("http", "https"):
            raise Unavailable("image host", f"image base URL {base!r} is not http(s)")
        return f"{base}/original{source_path}"

    async def _get(self, url: str) -> bytes:
        try:
            async with self._http.stream("GET", url) as response:
                self._check(response)
                return await self._body(response)
        except httpx.TransportError as exc:
            raise _Transient(f"{type(exc).__name__}: {exc}") from exc

    def _check(self, response: httpx.Response) -> None:
        status = response.status_code
        if response.is_redirect:
            raise RuleViolation("the image host answered with a redirect; only the "
                                "configured host is trusted", field="path")
        if status == 404:
            raise NotFound("the image host has no such image", field="path")
        if status == 429 or status >= 500:
            raise _Transient(f"image host answered {status}")
        if status != 200:
            raise Unavailable("image host", f"answered {status}")
        declared = int(response.headers.get("content-length") or 0)
        if declared > self._max_bytes:
            raise RuleViolation(f"image larger than {self._max_bytes} bytes", field="path")

    async def _body(self, response: httpx.Response) -> bytes:
        chunks, total = [], 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > self._max_bytes:
                raise RuleViolation(f"image larger than {self._max_bytes} bytes", field="path")
            chunks.append(chunk)
        return b"".join(chunks)
