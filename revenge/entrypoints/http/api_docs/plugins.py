"""Litestar render plugins for /api/docs and /api/docs/openapi.json, and the route that
serves Swagger UI's files from the `swagger-ui-py` wheel (Swagger UI 5, which reads
OpenAPI 3.1; its Apache-2.0 licence ships beside the files). Only the files the page
loads are served."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import msgspec
from litestar import Request, Router, get
from litestar.enums import MediaType, OpenAPIMediaType
from litestar.exceptions import NotFoundException
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.params import FromPath
from litestar.response import File

from revenge.entrypoints.http.openapi_contract import contract_document

_HERE = Path(__file__).parent
_ASSETS = {  # URL name -> (file, media type)
    "swagger-ui-bundle.js": ("swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("swagger-ui.css", "text/css"),
    "favicon.png": ("favicon-32x32.png", "image/png"),
    "LICENSE": ("LICENSE", "text/plain"),
}
_PAGE = b"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Revenge API</title>
  <link rel="icon" type="image/png" href="/api/docs/assets/favicon.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/assets/start.js"></script>
</body>
</html>
"""


def swagger_ui_directory() -> Path:
    """Where the wheel keeps its files (found without importing its framework glue)."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the swagger-ui-py package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


class SwaggerPage(OpenAPIRenderPlugin):
    """The page at /api/docs; it loads the document from /api/v1/openapi.json."""

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return _PAGE

    def receive_router(self, router: Router) -> None:
        router.register(_asset)


class ContractJson(OpenAPIRenderPlugin):
    """/api/docs/openapi.json: the same completed document as /api/v1/openapi.json."""

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return msgspec.json.encode(contract_document(request.app))


def docs_plugins() -> list[OpenAPIRenderPlugin]:
    return [SwaggerPage(path="/"),
            ContractJson(path="/openapi.json", media_type=OpenAPIMediaType.OPENAPI_JSON)]


@get("/assets/{name:str}", include_in_schema=False, sync_to_thread=False,
     cache_control=None, media_type=MediaType.TEXT)
def _asset(name: FromPath[str]) -> File:
    if name == "start.js":
        return File(_HERE / "start.js", media_type="text/javascript",
                    content_disposition_type="inline",
                    headers={"Cache-Control": "public, max-age=3600"})
    if name not in _ASSETS:
        raise NotFoundException(f"no asset {name[:60]!r}")
    file_name, media_type = _ASSETS[name]
    return File(swagger_ui_directory() / file_name, media_type=media_type,
                content_disposition_type="inline",
                headers={"Cache-Control": "public, max-age=86400"})
