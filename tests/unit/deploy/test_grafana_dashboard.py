"""The example Grafana dashboard (deploy/grafana) asks only for metrics Revenge exports,
with the labels they carry, and imports with a Prometheus data source of one's choice."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from prometheus_client import REGISTRY

import revenge.entrypoints.http.metrics  # noqa: F401  (registers Revenge's metrics)

DASHBOARD = Path(__file__).resolve().parents[3] / "deploy/grafana/revenge-dashboard.json"
_METRIC = re.compile(r"\b((?:revenge|process)_[a-z_]+)\b")
_LABELS = re.compile(r"\b(?:by|on) \(([^)]*)\)|\{([^}]*)\}")


def _dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text(encoding="utf-8"))


def _expressions() -> list[str]:
    return [t["expr"] for panel in _dashboard()["panels"] for t in panel["targets"]]


def _exported() -> dict[str, set[str]]:
    """Every sample name the registry exports, with the labels of its samples."""
    names: dict[str, set[str]] = {}
    for family in REGISTRY.collect():
        for suffix in ("", "_bucket", "_count", "_sum", "_total", "_created"):
            names.setdefault(family.name + suffix, set())
        for sample in family.samples:
            names.setdefault(sample.name, set()).update(sample.labels)
    return names


def test_it_is_grafana_json_with_a_data_source_input_and_panels() -> None:
    dashboard = _dashboard()
    assert dashboard["__inputs"][0]["pluginId"] == "prometheus"
    assert len(dashboard["panels"]) >= 8
    assert len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"])


def test_every_metric_it_queries_is_exported() -> None:
    exported = _exported()
    queried = {name for expr in _expressions() for name in _METRIC.findall(expr)}
    assert {"revenge_http_request_duration_seconds_bucket", "revenge_db_pool",
            "revenge_jobs"} <= queried
    assert queried <= set(exported), queried - set(exported)


def test_it_groups_and_filters_only_by_labels_revenge_sets() -> None:
    declared = {"method", "route", "status", "stat", "le", "job", "instance"}
    for expr in _expressions():
        for by, selector in _LABELS.findall(expr):
            names = [n.strip() for n in by.split(",")] if by else [
                part.split("=")[0].strip(" !~") for part in selector.split(",")]
            assert set(filter(None, names)) <= declared, expr
