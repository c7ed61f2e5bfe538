"""`GET /api/v1/openapi.json`: the cloud's document, built from its route registry."""

from __future__ import annotations

from cloud.api.registry import REGISTRY
from httpshell import docs, openapi

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
            "RFC 9421 HTTP Message Signature of a store node (sync API only): "
            '`Signature: sig1=:<base64 Ed25519 signature>:`, alg="ed25519", over '
            "`@method`, `@path`, `@query` and `content-digest`; sent together with the "
            "`Signature-Input` and `Content-Digest` headers (the other two schemes of this "
            "requirement). The key is the store's enrolled Ed25519 key."
        ),
    },
    "storeSignatureInput": {
        "type": "apiKey",
        "in": "header",
        "name": "Signature-Input",
        "description": (
            'RFC 9421 signature parameters: `sig1=("@method" "@path" "@query" '
            '"content-digest");created=<unix>;nonce="<single use>";'
            'keyid="<keyid from enrolment>";alg="ed25519"`; `created` within ±5 minutes of the '
            "cloud's clock, each nonce accepted once (a replay is 401 `replayed_nonce`)."
        ),
    },
    "contentDigest": {
        "type": "apiKey",
        "in": "header",
        "name": "Content-Digest",
        "description": "RFC 9530 digest of the body as sent (gzip bodies: compressed): "
        "`sha-256=:<base64 SHA-256>:`",
    },
}


def security(roles: frozenset[str]) -> list[dict[str, list[str]]]:
    """Stores sign; everyone else sends a bearer token."""
    if "store" in roles:
        return [{"storeSignature": [], "storeSignatureInput": [], "contentDigest": []}]
    return [{"bearer": []}]


def limited(roles: frozenset[str]) -> bool:
    """HQ tokens are rate limited (cloud/api/ratelimit.py); store nodes never."""
    return "store" not in roles


def document() -> dict[str, object]:
    """The cloud API's OpenAPI 3.1 document."""
    return openapi.document(REGISTRY, "Omnistore cloud API", SCHEMES, security, limited)


bp = openapi.blueprint("openapi", REGISTRY, "Omnistore cloud API", SCHEMES, security, limited)
docs_bp = docs.blueprint(f"{REGISTRY.prefix}/openapi.json", "Omnistore cloud API")
