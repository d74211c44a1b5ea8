"""The identity HTTP API (controllers are thin: every decision is in a use case)."""

from __future__ import annotations

from litestar.types import ControllerRouterHandler

from revenge.entrypoints.http.identity.admin_controller import (
    AdminAuditController,
    AdminPermissionsController,
    AdminRolesController,
    AdminSettingsController,
    AdminUsersController,
)
from revenge.entrypoints.http.identity.auth_controller import AuthController
from revenge.entrypoints.http.identity.me_controller import MeController


def identity_routers() -> list[ControllerRouterHandler]:
    return [AuthController, MeController, AdminUsersController, AdminRolesController,
            AdminPermissionsController, AdminAuditController, AdminSettingsController]
