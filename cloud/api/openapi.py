"""`GET /api/v1/openapi.json`: the cloud's document, built from its route registry."""

from __future__ import annotations

from cloud.api.registry import REGISTRY
from httpshell import openapi

SCHEMES = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An HQ API token (`hq_…`, `ro_…`, `sh_…`): `omnistore cloud add-token`",
    },
    "storeSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "Signature",
        "description": (
            'RFC 9421 HTTP Message Signature of a store node: Ed25519 (`alg="ed25519"`), '
            "`keyid` naming the store's enrolled key, covering `@method`, `@path`, `@query` "
            "and `content-digest`, with `created` (±5 min) and a single-use `nonce`; sent "
            "with `Signature-Input` and `Content-Digest` headers."
        ),
    },
}


def security(roles: frozenset[str]) -> list[dict[str, list[str]]]:
    """Stores sign; everyone else sends a bearer token."""
    return [{"storeSignature": []}] if "store" in roles else [{"bearer": []}]


def document() -> dict[str, object]:
    """The cloud API's OpenAPI 3.1 document."""
    return openapi.document(REGISTRY, "Omnistore cloud API", SCHEMES, security)


bp = openapi.blueprint("openapi", REGISTRY, "Omnistore cloud API", SCHEMES, security)
