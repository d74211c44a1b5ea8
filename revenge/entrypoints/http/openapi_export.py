"""Print the HTTP API's OpenAPI document (the web app generates its client from it).

`python -m revenge.entrypoints.http.openapi_export > openapi.json`: built from the
memory profile, so no database or network is needed.
"""

from __future__ import annotations

import json
import sys

from litestar.serialization import encode_json

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.http.app import create_app


def openapi_json() -> str:
    """The document as stable JSON (sorted keys), so two exports of one API are equal."""
    # No jobs run here, so no inline actors: a plain memory container is enough.
    schema = create_app(build_container(Config(), "memory")).openapi_schema.to_schema()
    return json.dumps(json.loads(encode_json(schema)), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(openapi_json())
