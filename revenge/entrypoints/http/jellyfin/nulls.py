"""Jellyfin leaves a property it has no value for out of its JSON, and typed clients
rely on it: its OpenAPI declares many optional properties non-nullable (`UserData`,
`MediaType`, `TranscodingSubProtocol`…), so a null there is a type error to them."""

from __future__ import annotations

import msgspec
from msgspec import UNSET


def leave_out_nulls(struct: msgspec.Struct) -> None:
    """Every field that is None becomes UNSET, which msgspec never encodes."""
    for name in struct.__struct_fields__:
        if getattr(struct, name) is None:
            msgspec.structs.force_setattr(struct, name, UNSET)
