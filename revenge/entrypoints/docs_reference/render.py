"""Markdown tables generated from the code, and the marked regions of docs pages that
hold them: `<!-- generated:NAME -->` ... `<!-- /generated:NAME -->`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec

from revenge.domain.identity.roles import builtin_roles
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.config import Config, env_name
from revenge.entrypoints.docs_reference.permissions import PERMISSIONS
from revenge.entrypoints.docs_reference.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[3] / "docs"


def settings_table() -> str:
    rows = ["| variable | type | default | meaning | example |", "|---|---|---|---|---|"]
    for field in msgspec.inspect.type_info(Config).fields:  # type: ignore[attr-defined]
        doc = SETTINGS[field.name]
        rows.append(f"| `{env_name(field.name)}` | {type_words(field.type)} | "
                    f"{_default(field, doc.unset)} | {_cell(doc.meaning)} | "
                    f"`{doc.example}` |")
    return "\n".join(rows)


def permissions_table() -> str:
    roles = builtin_roles()
    head = "| permission | " + " | ".join(r.name for r in roles) + " | lets its holder |"
    rows = [head, "|---|" + "---|" * len(roles) + "---|"]
    for permission in Permission:
        marks = " | ".join("✓" if r.grants(permission) else "" for r in roles)
        rows.append(f"| `{permission.value}` | {marks} | {PERMISSIONS[permission]} |")
    return "\n".join(rows)


GENERATED = {"settings": ("configuration.md", settings_table),
             "permissions": ("security.md", permissions_table)}


def region(text: str, name: str) -> str | None:
    """The generated region `name` of a page, or None when the page has none."""
    match = _region_pattern(name).search(text)
    return match.group(2).strip() if match else None


def with_region(text: str, name: str, body: str) -> str:
    return _region_pattern(name).sub(lambda m: f"{m.group(1)}\n{body}\n{m.group(3)}", text)


def _region_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- generated:{name} -->)(.*?)(<!-- /generated:{name} -->)", re.S)


def type_words(info: Any) -> str:
    """A field's type as a reader needs it: `integer ≥ 1`, `one of a, b`, `text (secret)`."""
    if isinstance(info, msgspec.inspect.UnionType):
        return " or ".join(type_words(t) for t in info.types
                           if not isinstance(t, msgspec.inspect.NoneType))
    if isinstance(info, msgspec.inspect.Metadata):
        kind = (info.extra or {}).get("secret")  # "value", "url" or None (config.Secret*)
        inner = type_words(info.type)
        if kind == "url":
            return f"{inner} (its password is secret)"
        return f"{inner} (secret)" if kind else inner
    if isinstance(info, msgspec.inspect.LiteralType):
        return "one of " + ", ".join(f"`{v}`" for v in info.values)
    if isinstance(info, msgspec.inspect.ListType):
        return "comma-separated list"
    if isinstance(info, msgspec.inspect.IntType | msgspec.inspect.FloatType):
        noun = "integer" if isinstance(info, msgspec.inspect.IntType) else "number"
        return noun + _bounds(info)
    if isinstance(info, msgspec.inspect.StrType):
        return "text"
    raise TypeError(f"no words for {info!r}")


def _bounds(info: Any) -> str:
    parts = [f"{sign} {_number(value)}" for sign, value in
             (("≥", info.ge), (">", info.gt), ("≤", info.le), ("<", info.lt))
             if value is not None]
    return " " + ", ".join(parts) if parts else ""


def _number(value: float) -> str:
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else f"{value:g}"


def _default(field: Any, unset: str) -> str:
    value = field.default
    if value is msgspec.NODEFAULT and field.default_factory is not msgspec.NODEFAULT:
        value = field.default_factory()
    if value is None or value == []:
        if not unset:
            raise ValueError(f"{field.name}: say what an unset value does")
        return _cell(unset)
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
