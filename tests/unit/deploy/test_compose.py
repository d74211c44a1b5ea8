"""The Compose stack, checked as `docker compose config` would (no Docker engine here):
`.env.example` interpolated into compose.yaml, the result valid against the Compose
Specification's JSON Schema (deploy/schemas), and the stack the issue asks for."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
_VARIABLE = re.compile(r"\$\$|\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}|\$(?P<bare>\w+)")


def env_example() -> dict[str, str]:
    lines = (DEPLOY / ".env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$."""
    def substitute(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group("name") or match.group("bare")
        value, op, arg = env.get(name), match.group("op"), match.group("arg")
        unset = value is None or (op is not None and op.startswith(":") and value == "")
        if op in ("?", ":?") and unset:
            raise AssertionError(f"{name} is required: {arg}")
        if op in ("-", ":-") and unset:
            return arg or ""
        return value or ""

    return _VARIABLE.sub(substitute, text)


def resolved(env: dict[str, str] | None = None) -> dict[str, Any]:
    text = interpolate((DEPLOY / "compose.yaml").read_text(), env or env_example())
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def compose_schema() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(
        json.loads((DEPLOY / "schemas" / "compose-spec.json").read_text()))


def test_the_stack_is_valid_compose_with_the_example_env() -> None:
    compose_schema().validate(resolved())


def test_the_schema_check_would_catch_a_misspelt_key() -> None:
    stack = resolved()
    stack["services"]["revenge"]["restart_policy"] = "always"  # not a Compose key
    with pytest.raises(jsonschema.ValidationError, match="restart_policy"):
        compose_schema().validate(stack)


def test_a_missing_secret_stops_the_stack_instead_of_running_without_it() -> None:
    env = {k: v for k, v in env_example().items() if k != "REVENGE_JWT_SECRET"}
    with pytest.raises(AssertionError, match="REVENGE_JWT_SECRET"):
        resolved(env)


def test_the_stack_has_every_service_the_deployment_needs() -> None:
    services = resolved()["services"]
    assert set(services) == {"traefik", "revenge", "revenge-worker", "revenge-frontend",
                             "postgres", "dragonfly", "typesense"}
    assert services["revenge"]["command"] == ["http"]
    assert services["revenge-worker"]["command"] == ["worker"]
    assert services["postgres"]["image"] == "postgres:18"
    assert "--default_lua_flags=allow-undeclared-keys" in services["dragonfly"]["command"]
    assert int(services["typesense"]["image"].split(":")[1].split(".")[0]) >= 28


def test_replicas_share_the_data_and_transcode_volumes_and_media_is_read_only() -> None:
    services = resolved()["services"]
    http = services["revenge"]
    assert int(http["deploy"]["replicas"]) >= 2
    assert {"revenge-data:/data", "transcode:/transcode"} <= set(http["volumes"])
    assert "/srv/movies:/media:ro" in http["volumes"]
    assert all(s["read_only"] for s in (http, services["revenge-worker"]))


def test_secrets_come_from_the_env_file_and_forwarded_headers_only_from_traefik() -> None:
    text = (DEPLOY / "compose.yaml").read_text()
    for secret in ("POSTGRES_PASSWORD", "TYPESENSE_API_KEY", "REVENGE_JWT_SECRET",
                   "REVENGE_MEDIA_TOKEN_SECRET", "REVENGE_ENCRYPTION_KEYS"):
        assert f"${{{secret}:?" in text
    services = resolved()["services"]
    traefik_ip = services["traefik"]["networks"]["front"]["ipv4_address"]
    assert services["revenge"]["environment"]["REVENGE_TRUSTED_PROXIES"] == traefik_ip


def test_traefik_routes_the_api_to_revenge_and_the_rest_to_the_web_app() -> None:
    services = resolved()["services"]
    api_rule = services["revenge"]["labels"]["traefik.http.routers.revenge.rule"]
    web_rule = services["revenge-frontend"]["labels"]["traefik.http.routers.web.rule"]
    assert "PathPrefix(`/api`)" in api_rule and "PathPrefix(`/Items`)" in api_rule
    assert "PathPrefix" not in web_rule
