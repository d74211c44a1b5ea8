"""The Helm chart, rendered by Helm's own Go SDK (v4, through `helm-python-sdk`: no helm
binary is installable from the registries here) with the default values and the
production values file, every manifest checked against the Kubernetes schemas
(`kubernetes-validate`, strict: unknown fields refused), and linted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

CHART = Path(__file__).resolve().parents[3] / "deploy" / "helm" / "revenge"
KUBERNETES = ["1.30.0", "1.35.0"]

helm = pytest.importorskip("helm_python", reason="needs the dev extra `helm-python-sdk`")
kubernetes_validate = pytest.importorskip("kubernetes_validate",
                                          reason="needs the dev extra `kubernetes-validate`")


def production() -> dict[str, Any]:
    values: dict[str, Any] = yaml.safe_load((CHART / "values-production.yaml").read_text())
    return values


def render(values: dict[str, Any]) -> list[dict[str, Any]]:
    chart = helm.Chart.load(str(CHART))
    try:
        files = chart.render(values, name="revenge", namespace="media", is_install=True)
    finally:
        chart.close()
    return [doc for text in files.values() for doc in yaml.safe_load_all(text) if doc]


@pytest.fixture(scope="module", params=["default", "production"])
def manifests(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    return render({} if request.param == "default" else production())


def by_kind(manifests: list[dict[str, Any]], kind: str) -> Iterator[dict[str, Any]]:
    return (m for m in manifests if m["kind"] == kind)


def named(manifests: list[dict[str, Any]], kind: str, suffix: str) -> dict[str, Any]:
    return next(m for m in by_kind(manifests, kind) if m["metadata"]["name"].endswith(suffix))


@pytest.mark.parametrize("version", KUBERNETES)
def test_every_manifest_is_valid_for_kubernetes(manifests: list[dict[str, Any]],
                                                version: str) -> None:
    for manifest in manifests:
        kubernetes_validate.validate(manifest, version, strict=True)


def test_the_chart_lints_without_errors() -> None:
    for values in ({}, production()):
        assert helm.lint(str(CHART), values)["errors"] == []


def test_an_invalid_manifest_would_be_caught() -> None:
    deployment = named(render({}), "Deployment", "-http")
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"][
        "paht"] = "/healthz"  # misspelt
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES[0], strict=True)


def test_http_worker_and_web_run_non_root_with_probes_on_the_health_endpoints(
        manifests: list[dict[str, Any]]) -> None:
    http = named(manifests, "Deployment", "-http")["spec"]["template"]["spec"]
    container = http["containers"][0]
    assert container["args"] == ["http"]
    assert (container["startupProbe"]["httpGet"]["path"], container["readinessProbe"][
        "httpGet"]["path"], container["livenessProbe"]["httpGet"]["path"]) == (
        "/startupz", "/readyz", "/healthz")
    for suffix in ("-http", "-worker", "-web"):
        pod = named(manifests, "Deployment", suffix)["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["containers"][0]["securityContext"]["readOnlyRootFilesystem"] is True


def test_replicas_share_a_read_write_many_transcode_volume(
        manifests: list[dict[str, Any]]) -> None:
    transcode = named(manifests, "PersistentVolumeClaim", "-transcode")
    assert transcode["spec"]["accessModes"] == ["ReadWriteMany"]
    mounts = named(manifests, "Deployment", "-http")["spec"]["template"]["spec"][
        "containers"][0]["volumeMounts"]
    assert {"name": "media", "mountPath": "/media", "readOnly": True} in mounts


def test_migrations_run_as_a_hook_job() -> None:
    for values in ({}, production()):
        job = named(render(values), "Job", "-migrate")
        assert job["spec"]["template"]["spec"]["containers"][0]["args"] == ["migrate", "up"]
        assert "pre-upgrade" in job["metadata"]["annotations"]["helm.sh/hook"]


def test_production_scales_http_on_cpu_and_uses_managed_services_and_its_own_secret() -> None:
    manifests = render(production())
    hpa = named(manifests, "HorizontalPodAutoscaler", "-http")
    assert hpa["spec"]["metrics"][0]["resource"]["name"] == "cpu"
    assert not list(by_kind(manifests, "StatefulSet")) and not list(by_kind(manifests, "Secret"))
    env_from = named(manifests, "Deployment", "-http")["spec"]["template"]["spec"][
        "containers"][0]["envFrom"]
    assert {"secretRef": {"name": "revenge-secrets"}} in env_from
    ingress = named(manifests, "Ingress", "revenge")
    assert ingress["spec"]["tls"][0]["secretName"] == "revenge-tls"


def test_the_default_install_brings_its_own_services_with_generated_secrets() -> None:
    manifests = render({})
    assert {s["metadata"]["name"] for s in by_kind(manifests, "StatefulSet")} == {
        "revenge-postgres", "revenge-dragonfly", "revenge-typesense"}
    secret = named(manifests, "Secret", "-secrets")["stringData"]
    assert secret["REVENGE_REDIS_URL"] == "redis://revenge-dragonfly:6379/0"
    assert len(secret["REVENGE_JWT_SECRET"]) == 64
    dragonfly = named(manifests, "StatefulSet", "-dragonfly")["spec"]["template"]["spec"]
    assert "--default_lua_flags=allow-undeclared-keys" in dragonfly["containers"][0]["args"]
