"""Where WebAuthn ceremonies are valid: the RP id and the allowed origins.

By default both come from the public URL (`REVENGE_PUBLIC_URL`, else
`http://localhost:<port>`): its host is the RP id and its origin the one allowed origin.
`REVENGE_WEBAUTHN_RP_ID` and `REVENGE_WEBAUTHN_ORIGINS` override them, e.g. to accept
both `https://media.example.org` and `https://example.org:8443` under RP id
`example.org`.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

import msgspec

RP_NAME = "Revenge"


class RelyingPartySettings(msgspec.Struct, frozen=True, kw_only=True):
    rp_id: str
    origins: tuple[str, ...]
    rp_name: str = RP_NAME


def relying_party_settings(public_url: str | None, port: int, rp_id: str | None = None,
                           origins: Sequence[str] = ()) -> RelyingPartySettings:
    url = urlsplit(public_url or f"http://localhost:{port}")
    origin = f"{url.scheme}://{url.netloc}".lower()
    return RelyingPartySettings(
        rp_id=(rp_id or url.hostname or "localhost").lower(),
        origins=tuple(o.rstrip("/") for o in origins) or (origin,))
