"""`POST /api/v1/webhooks/radarr`: Radarr's "Webhook" connection. Answers at once (the
work is the `radarr_webhook` job); a delivery received before is acknowledged and not
applied again; a body that is not one of Radarr's payloads gets a 4xx with the reason."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, post
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED

from revenge.adapters.radarr.webhooks import read_webhook
from revenge.application.radarr.receive_webhook import (
    ReceiveRadarrWebhook,
    ReceiveRadarrWebhookCommand,
)
from revenge.entrypoints.http.auth import SECURITY
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.radarr.keys import webhook_key, webhooks_principal
from revenge.entrypoints.http.radarr.schemas import WebhookReceipt


class RadarrWebhookController(Controller):
    path = "/webhooks/radarr"
    tags = ["radarr"]
    security = SECURITY  # the webhooks-scoped API key, checked by the handler
    dependencies = uses(ReceiveRadarrWebhook)

    @post("", status_code=HTTP_202_ACCEPTED,
          summary="Receive a Radarr webhook (API key with the webhooks scope: HTTP Basic "
                  "password, X-Api-Key or Bearer)")
    async def receive(self, request: Request[Any, Any, Any],
                      receive_radarr_webhook: Uses[ReceiveRadarrWebhook]
                      ) -> Response[WebhookReceipt]:
        await webhooks_principal(request, webhook_key(request))
        event, key = read_webhook(await request.body())
        receipt = await receive_radarr_webhook.execute(
            ReceiveRadarrWebhookCommand(event=event, key=key))
        status = HTTP_202_ACCEPTED if receipt.job_id else HTTP_200_OK
        return Response(WebhookReceipt(event_type=receipt.event_type,
                                       duplicate=receipt.duplicate, job_id=receipt.job_id),
                        status_code=status)
